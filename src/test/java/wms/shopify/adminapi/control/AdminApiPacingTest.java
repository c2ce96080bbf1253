package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * Calls are paced by the cost Shopify last reported for the operation ({@code extensions.cost.requestedQueryCost}),
 * not by the estimate written beside it: Shopify computes the requested cost, and its rules may change with a
 * version (shopify.dev/docs/api/usage/limits#cost-calculation).
 */
class AdminApiPacingTest {

    private static final ShopDomain SHOP = ShopDomain.parse("a.myshopify.com");

    private static AdminApi api(Instant now) {
        AdminApi api = new AdminApi();
        api.clock = Clock.fixed(now, ZoneOffset.UTC);
        api.versions = new ApiVersionWatch();
        api.versions.app = new ShopifyApp();
        api.versions.app.apiVersion = "2026-07";
        api.versions.clock = api.clock;
        return api;
    }

    private static ShopifyHttp.Answer answer(double requested, double available) {
        JsonObject body = Json.createReader(new StringReader("{\"data\":{\"order\":null},\"extensions\":{\"cost\":"
                        + "{\"requestedQueryCost\":" + requested + ",\"actualQueryCost\":12,\"throttleStatus\":"
                        + "{\"maximumAvailable\":2000.0,\"currentlyAvailable\":" + available
                        + ",\"restoreRate\":100.0}}}}"))
                .readObject();
        return new ShopifyHttp.Answer(200, body, null, "2026-07");
    }

    @Test
    void theFirstCallIsPacedByTheEstimateAndTheNextByWhatShopifyReportedLast() {
        Instant now = Instant.parse("2026-12-07T10:00:00Z");
        AdminApi api = api(now);
        assertEquals(AdminOperation.ORDER.estimatedCost(), api.expectedCost(AdminOperation.ORDER));

        api.data(SHOP, AdminOperation.ORDER, api.budget(SHOP), answer(252, 100));
        assertEquals(252.0, api.expectedCost(AdminOperation.ORDER));
        assertEquals(
                Duration.ofMillis(1_520),
                api.budget(SHOP).waitBefore(api.expectedCost(AdminOperation.ORDER), now),
                "(252 - 100) points at 100 a second, where the estimate of 700 would have waited 6 s");
        assertEquals(
                AdminOperation.RETURN.estimatedCost(),
                api.expectedCost(AdminOperation.RETURN),
                "another operation keeps its own figure");

        api.data(SHOP, AdminOperation.ORDER, api.budget(SHOP), answer(731, 1_000));
        assertEquals(731.0, api.expectedCost(AdminOperation.ORDER), "the last report counts, up or down");
    }
}
