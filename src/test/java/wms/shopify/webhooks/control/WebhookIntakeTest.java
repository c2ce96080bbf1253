package wms.shopify.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.sandbox.SharedDir;

class WebhookIntakeTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "   ",
                "{",
                "{\"id\":1",
                "{\"id\":1} {}",
                "{\"id\":1}x",
                "[1,2",
                "{\"a\":}",
                "nul",
                "{'id':1}",
                "{\"id\":01}"
            })
    void aBodyThatIsNotOneWellFormedJsonValueIsRefusedWith400(String body) {
        WebhookRejectedException refused = assertThrows(
                WebhookRejectedException.class, () -> WebhookIntake.requireJson(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, refused.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":1}", " {\"a\":[1,{\"b\":null}]} \n", "[]", "\"text\"", "42"})
    void wellFormedJsonIsAccepted(String body) {
        assertDoesNotThrow(() -> WebhookIntake.requireJson(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shopifysSampleOrderIsAccepted() throws Exception {
        byte[] sample = Files.readAllBytes(SharedDir.file("shopify/samples/order.json"));
        assertDoesNotThrow(() -> WebhookIntake.requireJson(sample));
    }

    @Test
    void jsonNestedPastTheParsersLimitIsRefusedWith400NotAFailure() {
        byte[] deep = ("[".repeat(5000) + "]".repeat(5000)).getBytes(StandardCharsets.UTF_8);
        WebhookRejectedException refused =
                assertThrows(WebhookRejectedException.class, () -> WebhookIntake.requireJson(deep));
        assertEquals(400, refused.status());
    }

    @Test
    void aDeliveryTriggeredLongerAgoThanTheLimitIsRefusedWith400() {
        Instant now = Instant.parse("2026-12-07T02:00:00Z");
        ShopDomain shop = ShopDomain.parse("acme.myshopify.com");
        Duration limit = Duration.ofHours(48);
        assertDoesNotThrow(
                () -> WebhookIntake.requireRecent(triggered("2026-12-05T02:00:00Z"), shop, now, limit),
                "exactly at the limit");
        assertDoesNotThrow(() -> WebhookIntake.requireRecent(triggered("2026-12-07T01:59:59Z"), shop, now, limit));
        assertDoesNotThrow(
                () -> WebhookIntake.requireRecent(triggered("2026-12-07T02:01:00Z"), shop, now, limit),
                "a clock a little ahead of ours");
        assertEquals(
                400,
                assertThrows(
                                WebhookRejectedException.class,
                                () -> WebhookIntake.requireRecent(triggered("2026-12-05T01:59:59Z"), shop, now, limit))
                        .status());
        WebhookRejectedException old = assertThrows(
                WebhookRejectedException.class,
                () -> WebhookIntake.requireRecent(triggered("2020-01-01T00:00:00Z"), shop, now, limit));
        assertEquals(400, old.status());
        assertTrue(old.getMessage().contains("2020-01-01T00:00:00Z"), old.getMessage());
        assertEquals(
                400,
                assertThrows(
                                WebhookRejectedException.class,
                                () -> WebhookIntake.requireRecent(triggered("last week"), shop, now, limit))
                        .status());
    }

    @Test
    void theBodyDigestIsTheSha256OfTheExactBytes() {
        byte[] one = WebhookIntake.Storage.digest("{\"id\":1}".getBytes(StandardCharsets.UTF_8));
        assertEquals(32, one.length);
        assertArrayEquals(one, WebhookIntake.Storage.digest("{\"id\":1}".getBytes(StandardCharsets.UTF_8)));
        assertFalse(
                java.util.Arrays.equals(
                        one, WebhookIntake.Storage.digest("{\"id\": 1}".getBytes(StandardCharsets.UTF_8))),
                "another byte, another digest");
    }

    private static WebhookHeaders triggered(String at) {
        return new WebhookHeaders(Map.of("X-Shopify-Topic", "orders/create", "X-Shopify-Triggered-At", at));
    }
}
