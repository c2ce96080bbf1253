package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * Guessing WMS API secrets is throttled per client address: after too many calls with a wrong credential (50 by
 * default) the address is refused with 429 and Retry-After, even with a valid credential, until the pause is over;
 * the lock is in the Activity log.
 */
@MicroShedTest
class WmsApiThrottleIT {

    @BeforeAll
    static void connectorIsUp() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
    }

    @Test
    void wrongCredentialsFromOneAddressAreRefusedForAWhile() throws Exception {
        WmsApiAdmin admin = WmsApiAdmin.signIn();
        String valid = admin.createCredential("throttle " + System.nanoTime());
        String wrong = WmsApiAdmin.keyIdOf(valid) + ".not-the-secret";
        assertEquals(200, WmsApiCalls.get("/api/v1/warehouses", valid).statusCode());

        // Earlier tests of this run may have sent wrong credentials too: at most 50 more start the lock.
        HttpResponse<String> answer = null;
        for (int call = 1; call <= 50; call++) {
            answer = WmsApiCalls.get("/api/v1/warehouses", wrong);
            if (answer.statusCode() == 429) {
                break;
            }
            assertEquals(401, answer.statusCode(), "call " + call);
        }
        answer = WmsApiCalls.get("/api/v1/warehouses", wrong);
        assertEquals(429, answer.statusCode(), answer.body());
        assertEquals("application/problem+json", WmsApiCalls.contentType(answer));
        assertTrue(answer.body().contains("Too many calls with a wrong credential"), answer.body());
        long retryAfter =
                Long.parseLong(answer.headers().firstValue("Retry-After").orElseThrow());
        assertTrue(retryAfter >= 1, "Retry-After " + retryAfter);

        HttpResponse<String> validWhileLocked = WmsApiCalls.get("/api/v1/warehouses", valid);
        assertEquals(429, validWhileLocked.statusCode(), "nothing is checked while the address is locked");

        Instant giveUp = Instant.now().plus(Duration.ofMinutes(2));
        HttpResponse<String> after;
        do {
            Thread.sleep(2000);
            after = WmsApiCalls.get("/api/v1/warehouses", valid);
        } while (after.statusCode() == 429 && Instant.now().isBefore(giveUp));
        assertEquals(200, after.statusCode(), "served again once the pause is over");

        java.net.http.HttpClient viewer = ConnectorServer.client();
        ConnectorServer.get(viewer, "/admin/activity.xhtml");
        AdminLoginIT.signIn(viewer, "admin", ConnectorServer.adminPassword());
        String activity = "";
        for (int i = 0; i < 60 && !activity.contains("calls with a wrong credential in a row"); i++) {
            Thread.sleep(500);
            activity = ConnectorServer.get(viewer, "/admin/activity.xhtml").body();
        }
        assertTrue(activity.contains("calls with a wrong credential in a row"), "the lock is in the Activity log");
    }
}
