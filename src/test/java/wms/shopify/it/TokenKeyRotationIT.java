package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.crypto.AesGcm;
import wms.shopify.platform.crypto.TokenKeys;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * Rotating the token key: the connector runs with a new TOKEN_ENCRYPTION_KEY and the previous key in
 * TOKEN_ENCRYPTION_OLD_KEYS. A store whose tokens were sealed with the previous key, before sealed values carried a
 * key id, is re-sealed with the new key by the Stores page's button; a store whose tokens no configured key opens is
 * named and left unchanged; the Activity log says what was done.
 */
class TokenKeyRotationIT {

    private static final String PREVIOUS = Base64.getEncoder()
            .encodeToString("0123456789abcdef0123456789abcdef".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String CURRENT = Base64.getEncoder()
            .encodeToString("fedcba9876543210fedcba9876543210".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    private static final String LOST = Base64.getEncoder().encodeToString(new byte[32]);

    @Test
    void theResealButtonMovesTokensToTheCurrentKey() throws Exception {
        SandboxConnector connector = SandboxConnector.get(
                List.of("TOKEN_ENCRYPTION_KEY=" + CURRENT, "TOKEN_ENCRYPTION_OLD_KEYS=" + PREVIOUS));
        Shop kept = connector.sandbox().createShop("rota.myshopify.com", Plan.STANDARD);
        Shop lost = connector.sandbox().createShop("lost-key.myshopify.com", Plan.STANDARD);
        HttpClient admin = connector.signedInAdmin();
        connector.install(admin, kept);
        connector.install(admin, lost);

        TokenKeys current = new TokenKeys(AesGcm.ofBase64(CURRENT), List.of());
        String sealedAtInstall = token(connector, kept.domain());
        assertTrue(sealedAtInstall.startsWith("v2:" + current.currentKeyId() + ":"), "sealed naming the key");
        String plain = current.open(sealedAtInstall, kept.domain());

        // As if sealed by an earlier version with the previous key (no key id), and one with a key since lost.
        String legacy = AesGcm.ofBase64(PREVIOUS).seal(plain, kept.domain());
        setToken(connector, kept.domain(), legacy);
        String unreadable = new TokenKeys(AesGcm.ofBase64(LOST), List.of()).seal("shpat_lost", lost.domain());
        setToken(connector, lost.domain(), unreadable);

        HttpResponse<String> page = connector.get(admin, "/admin/stores.xhtml");
        assertTrue(page.body().contains(current.currentKeyId()), "the page names the current key");
        assertTrue(page.body().contains("<span id=\"stores-to-reseal\">2</span>"), "two stores to re-seal");

        HttpResponse<String> resealed = connector.post(
                admin,
                "/admin/stores.xhtml",
                FacesForm.of(page.body(), "token-key")
                        .submittedWith("token-key:reseal", "Re-seal tokens with the current key"));
        assertEquals(200, resealed.statusCode());
        assertTrue(resealed.body().contains("1 store(s) re-sealed"), resealed.body());
        assertTrue(
                resealed.body().contains("left unchanged: lost-key.myshopify.com (sealed with key "),
                "the unreadable store is named with the key it needs");

        String now = token(connector, kept.domain());
        assertTrue(now.startsWith("v2:" + current.currentKeyId() + ":"), now);
        assertEquals(plain, current.open(now, kept.domain()), "the same token, sealed with the current key");
        assertEquals(unreadable, token(connector, lost.domain()), "left as it was");
        assertTrue(
                connector.get(admin, "/admin/stores.xhtml").body().contains("<span id=\"stores-to-reseal\">1</span>"),
                "only the unreadable one is left");

        String activity = "";
        for (int i = 0; i < 60 && !activity.contains("Store tokens re-sealed"); i++) {
            Thread.sleep(500);
            activity = connector.get(admin, "/admin/activity.xhtml").body();
        }
        assertTrue(activity.contains("Store tokens re-sealed with token key " + current.currentKeyId()), activity);
    }

    private static String token(SandboxConnector connector, String domain) throws Exception {
        try (Connection db = connector.jdbc();
                PreparedStatement query = db.prepareStatement("select access_token from store where domain = ?")) {
            query.setString(1, domain);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getString(1);
            }
        }
    }

    private static void setToken(SandboxConnector connector, String domain, String sealed) throws Exception {
        try (Connection db = connector.jdbc();
                PreparedStatement update = db.prepareStatement(
                        "update store set access_token = ?, refresh_token = null where domain = ?")) {
            update.setString(1, sealed);
            update.setString(2, domain);
            assertEquals(1, update.executeUpdate());
        }
    }
}
