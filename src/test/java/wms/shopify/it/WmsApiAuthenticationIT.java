package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsApiCalls.array;
import static wms.shopify.it.WmsApiCalls.get;
import static wms.shopify.it.WmsApiCalls.put;
import static wms.shopify.it.WmsApiCalls.withCode;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Every call of the WMS API needs a valid credential: missing, malformed, wrong and revoked credentials get 401
 * with a challenge and problem details, on every path, and change nothing. A credential's secret is shown once.
 */
@MicroShedTest
class WmsApiAuthenticationIT {

    static final String WAREHOUSES = "/api/v1/warehouses";

    static WmsApiAdmin admin;
    static String token;
    static String run;

    @BeforeAll
    static void credential() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        admin = WmsApiAdmin.signIn();
        run = UUID.randomUUID().toString().substring(0, 8);
        token = admin.createCredential("auth-it " + run);
    }

    @Test
    void withoutACredentialEveryPathIs401WithAChallenge() throws Exception {
        for (String path : new String[] {WAREHOUSES, "/api/v1/shipping-processes", "/api/v1/nothing-here", "/api/"}) {
            HttpResponse<String> response = get(path, null);
            JsonObject problem = unauthorized(response);
            assertEquals(
                    "Bearer realm=\"wms-api\"",
                    response.headers().firstValue("WWW-Authenticate").orElse(""),
                    path);
            assertTrue(problem.getString("detail").contains("Bearer"), problem.toString());
        }
    }

    @Test
    void malformedAndWrongCredentialsAre401AndChangeNothing() throws Exception {
        String keyId = WmsApiAdmin.keyIdOf(token);
        String wrongSecret = keyId + "." + "A".repeat(43);
        String unknownKey = "aaaaaaaaaaaaaaaa" + token.substring(token.indexOf('.'));
        for (String presented : new String[] {"garbage", token + "x", wrongSecret, unknownKey, keyId}) {
            String code = run + "-" + Math.abs(presented.hashCode());
            HttpResponse<String> response =
                    put(WAREHOUSES, presented, "[{\"code\":\"" + code + "\",\"name\":\"Never\"}]");
            unauthorized(response);
            assertTrue(
                    response.headers().firstValue("WWW-Authenticate").orElse("").contains("error=\"invalid_token\""));
            assertTrue(withCode(array(get(WAREHOUSES, token)), code).isEmpty(), "nothing stored for " + presented);
        }
        HttpResponse<String> basic = WmsApiCalls.send(WmsApiCalls.request(WAREHOUSES, null)
                .header("Authorization", "Basic YWRtaW46YWRtaW4=")
                .GET());
        unauthorized(basic);
    }

    @Test
    void aRevokedCredentialIsRefusedAtOnce() throws Exception {
        String own = admin.createCredential("revoked-it " + run);
        assertEquals(200, get(WAREHOUSES, own).statusCode());

        admin.revoke(WmsApiAdmin.keyIdOf(own));

        String code = run + "-REVOKED";
        unauthorized(put(WAREHOUSES, own, "[{\"code\":\"" + code + "\",\"name\":\"Never\"}]"));
        unauthorized(get(WAREHOUSES, own));
        assertTrue(withCode(array(get(WAREHOUSES, token)), code).isEmpty());
        assertTrue(admin.page().contains("id=\"status-" + WmsApiAdmin.keyIdOf(own) + "\">Revoked"));
    }

    @Test
    void theSecretIsShownOnceAndTheLastUseIsRecorded() throws Exception {
        String own = admin.createCredential("once-it " + run);
        String keyId = WmsApiAdmin.keyIdOf(own);
        String secret = own.substring(own.indexOf('.') + 1);
        String before = admin.page();
        assertTrue(before.contains(keyId), "listed by key id");
        assertFalse(before.contains(secret), "the secret is never shown again");
        String row = before.substring(before.indexOf("id=\"credential-" + keyId + "\""));
        assertTrue(row.substring(0, row.indexOf("</tr>")).contains("never"), "not used yet");

        assertEquals(200, get(WAREHOUSES, own).statusCode());

        String after = admin.page();
        row = after.substring(after.indexOf("id=\"credential-" + keyId + "\""));
        assertFalse(row.substring(0, row.indexOf("</tr>")).contains("never"), "last use recorded");
    }

    @Test
    void aCredentialNeedsAName() throws Exception {
        HttpResponse<String> refused = admin.submitCreate("   ");
        assertEquals(200, refused.statusCode());
        assertTrue(refused.body().contains("Give the credential a name"), "the page says why");
        assertFalse(refused.body().contains("id=\"new-secret\""), "no credential was created");
    }

    static JsonObject unauthorized(HttpResponse<String> response) {
        return WarehousesApiIT.problem(response, 401);
    }
}
