package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.health.HealthNotice;

/** The pin against Shopify's answers and its retirement date (shopify.dev/docs/api/usage/versioning). */
class ApiVersionWatchTest {

    private static ApiVersionWatch watch(String pinned, String now) {
        ApiVersionWatch watch = new ApiVersionWatch();
        watch.app = new ShopifyApp();
        watch.app.apiVersion = pinned;
        watch.clock = Clock.fixed(Instant.parse(now), ZoneOffset.UTC);
        return watch;
    }

    @Test
    void aStableVersionRetiresTwelveMonthsAfterItsReleaseAt5pmUtcUnlessShopifyAnnouncedOtherwise() {
        assertEquals(Optional.of(Instant.parse("2027-07-01T17:00:00Z")), ApiVersionSchedule.retirement("2026-07"));
        assertEquals(Optional.of(Instant.parse("2026-01-01T17:00:00Z")), ApiVersionSchedule.retirement("2025-01"));
        assertEquals(Optional.of(Instant.parse("2023-06-30T17:00:00Z")), ApiVersionSchedule.retirement("2022-04"));
        assertEquals(Optional.empty(), ApiVersionSchedule.retirement("unstable"));
        assertEquals(Optional.empty(), ApiVersionSchedule.retirement("2026-05"));
    }

    @Test
    void thePinnedVersionIsUpThenWarnedOfNinetyDaysBeforeItsRetirement() {
        assertEquals(
                HealthNotice.Level.UP,
                watch("2026-07", "2026-12-07T00:00:00Z").notice().orElseThrow().level());
        assertEquals(
                HealthNotice.Level.UP,
                watch("2026-07", "2027-04-01T16:59:59Z").notice().orElseThrow().level(),
                "90 days and a bit before");
        HealthNotice.Notice warned =
                watch("2026-07", "2027-04-15T00:00:00Z").notice().orElseThrow();
        assertEquals(HealthNotice.Level.WARNING, warned.level());
        assertTrue(
                warned.message().contains("is retired by Shopify on 2027-07-01T17:00:00Z (in 77 days)"),
                warned.message());
    }

    @Test
    void anAnswerInAnotherVersionDegradesTheHealthDetailsAndTheSameVersionDoesNot() {
        ApiVersionWatch watch = watch("2026-07", "2026-12-07T00:00:00Z");
        watch.answered(ApiVersionWatch.Channel.ADMIN_API, "2026-07", "the answer to Order from a.myshopify.com");
        watch.answered(ApiVersionWatch.Channel.WEBHOOKS, null, "a webhook without the header");
        assertEquals(HealthNotice.Level.UP, watch.notice().orElseThrow().level());

        watch.answered(ApiVersionWatch.Channel.ADMIN_API, "2026-10", "the answer to Order from a.myshopify.com");
        HealthNotice.Notice notice = watch.notice().orElseThrow();
        assertEquals(HealthNotice.Level.DEGRADED, notice.level());
        assertTrue(notice.message().contains("Shopify answers in 2026-10, not the pinned 2026-07"), notice.message());
        assertTrue(notice.data().get("answered 2026-10").contains("the answer to Order from a.myshopify.com"));
    }

    @Test
    void eachChannelIsUpAgainOnceShopifyAnswersItInThePinnedVersion() {
        ApiVersionWatch watch = watch("2026-07", "2026-12-07T00:00:00Z");
        watch.answered(ApiVersionWatch.Channel.WEBHOOKS, "2026-04", "an orders/updated webhook from a.myshopify.com");
        watch.answered(ApiVersionWatch.Channel.ADMIN_API, "2026-07", "the answer to Order from a.myshopify.com");
        assertEquals(
                HealthNotice.Level.DEGRADED,
                watch.notice().orElseThrow().level(),
                "an Admin API answer in the pin says nothing of the webhooks' version");
        watch.answered(ApiVersionWatch.Channel.WEBHOOKS, "2026-07", "an orders/updated webhook from a.myshopify.com");
        assertEquals(HealthNotice.Level.UP, watch.notice().orElseThrow().level());
    }

    @Test
    void everyAdminApiAnswerIsComparedWithThePin() {
        ApiVersionWatch watch = watch("2026-07", "2026-12-07T00:00:00Z");
        AdminApi api = new AdminApi();
        api.clock = watch.clock;
        api.versions = watch;
        jakarta.json.JsonObject body = Json.createReader(new StringReader("{\"data\":{\"shop\":{\"name\":\"A\"}}}"))
                .readObject();
        var shop = wms.shopify.adminapi.entity.ShopDomain.parse("a.myshopify.com");
        api.data(shop, AdminOperation.ORDER, api.budget(shop), new ShopifyHttp.Answer(200, body, null, "2026-07"));
        assertEquals(HealthNotice.Level.UP, watch.notice().orElseThrow().level());
        // Shopify fell forward: same 200, another version named in the header.
        api.data(shop, AdminOperation.ORDER, api.budget(shop), new ShopifyHttp.Answer(200, body, null, "2026-10"));
        HealthNotice.Notice notice = watch.notice().orElseThrow();
        assertEquals(HealthNotice.Level.DEGRADED, notice.level());
        assertTrue(notice.data().get("answered 2026-10").contains("the answer to Order from a.myshopify.com"));
    }

    @Test
    void theScopeAnAccessDeniedNamesIsRead() {
        String errors = "[{\"message\":\"Access denied for fulfillmentOrders field. Required access: "
                + "`read_assigned_fulfillment_orders` access scope, `read_merchant_managed_fulfillment_orders` access "
                + "scope or `read_third_party_fulfillment_orders` access scope.\",\"extensions\":{\"code\":"
                + "\"ACCESS_DENIED\",\"requiredAccess\":\"`read_assigned_fulfillment_orders` access scope, "
                + "`read_merchant_managed_fulfillment_orders` access scope or `read_third_party_fulfillment_orders` "
                + "access scope.\"}}]";
        assertEquals(
                "read_assigned_fulfillment_orders or read_merchant_managed_fulfillment_orders or "
                        + "read_third_party_fulfillment_orders",
                AdminApi.requiredAccess(
                        Json.createReader(new StringReader(errors)).readArray()));
        assertEquals(
                null,
                AdminApi.requiredAccess(Json.createReader(new StringReader(
                                "[{\"message\":\"This app is not approved to access the Order object.\","
                                        + "\"extensions\":{\"code\":\"ACCESS_DENIED\"}}]"))
                        .readArray()));
    }
}
