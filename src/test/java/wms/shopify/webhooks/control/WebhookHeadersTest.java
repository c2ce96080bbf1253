package wms.shopify.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Shopify's headers regardless of case; what is required; the signature never stored. */
class WebhookHeadersTest {

    @Test
    void headersAreFoundInAnyCaseAndTheSignatureIsNotStored() {
        WebhookHeaders headers = new WebhookHeaders(Map.of(
                "x-shopify-topic",
                "orders/create",
                "X-Shopify-Hmac-Sha256",
                "abc=",
                "X-SHOPIFY-SHOP-DOMAIN",
                "acme.myshopify.com",
                "X-Shopify-Webhook-Id",
                "w-1",
                "X-Shopify-API-Version",
                "2026-07",
                "Cookie",
                "secret",
                "X-Shopify-Triggered-At",
                "2026-12-07T01:02:03.456789123Z"));
        assertEquals("orders/create", headers.get(WebhookHeaders.TOPIC));
        assertTrue(headers.missing().isEmpty());
        assertFalse(headers.storedForm().contains("abc="));
        assertFalse(headers.storedForm().contains("secret"), "only Shopify's headers are kept");
        assertTrue(headers.storedForm().contains("w-1"));
    }

    @Test
    void missingOrEmptyRequiredHeadersAreNamed() {
        WebhookHeaders headers = new WebhookHeaders(Map.of("X-Shopify-Topic", " ", "X-Shopify-Hmac-Sha256", "a"));
        assertEquals(
                List.of(
                        WebhookHeaders.TOPIC,
                        WebhookHeaders.SHOP,
                        WebhookHeaders.WEBHOOK_ID,
                        WebhookHeaders.API_VERSION,
                        WebhookHeaders.TRIGGERED_AT),
                headers.missing());
        assertEquals("a?b", WebhookIntake.printable("a\nb"));
    }

    @Test
    void theTriggerTimeIsReadWithAnyOffsetAndNothingElse() {
        assertEquals(
                java.time.Instant.parse("2026-12-07T01:02:03.456789123Z"),
                new WebhookHeaders(Map.of("X-Shopify-Triggered-At", "2026-12-07T01:02:03.456789123Z"))
                        .triggeredAt()
                        .orElseThrow());
        assertEquals(
                java.time.Instant.parse("2026-12-07T06:02:03Z"),
                new WebhookHeaders(Map.of("X-Shopify-Triggered-At", "2026-12-07T01:02:03-05:00"))
                        .triggeredAt()
                        .orElseThrow());
        assertTrue(new WebhookHeaders(Map.of("X-Shopify-Triggered-At", "yesterday"))
                .triggeredAt()
                .isEmpty());
        assertTrue(
                new WebhookHeaders(Map.of("X-Shopify-Triggered-At", "2026-12-07T01:02:03"))
                        .triggeredAt()
                        .isEmpty(),
                "no offset: not a point in time");
        assertTrue(new WebhookHeaders(Map.of()).triggeredAt().isEmpty());
    }
}
