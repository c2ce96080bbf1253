package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.TestVectors;

/** Shopify's signatures against the published vectors, and what must not pass. */
class ShopifyHmacTest {

    @Test
    void oauthQueryVectorIsReproducedAndVerified() throws Exception {
        for (JsonNode vector : TestVectors.json("hmac.json").path("oauth_query_hmac")) {
            Map<String, String> query = new LinkedHashMap<>();
            vector.path("query")
                    .fields()
                    .forEachRemaining(e -> query.put(e.getKey(), e.getValue().asText()));
            String secret = vector.path("secret").asText();
            assertEquals(vector.path("canonical").asText(), ShopifyHmac.canonicalQuery(query));
            assertEquals(vector.path("expected_hmac_hex").asText(), ShopifyHmac.queryHmac(query, secret));
            query.put("hmac", vector.path("expected_hmac_hex").asText());
            assertTrue(ShopifyHmac.queryIsSigned(query, List.of(secret)));
            assertFalse(ShopifyHmac.queryIsSigned(query, List.of("other")));
            query.put("shop", "evil.myshopify.com");
            assertFalse(ShopifyHmac.queryIsSigned(query, List.of(secret)), "a changed parameter breaks it");
        }
    }

    @Test
    void spacesAreSignedAsPercentTwenty() {
        Map<String, String> query =
                Map.of("custom", "hello world", "shop", "myshop.myshopify.com", "timestamp", "1700000000");
        assertEquals(
                "0a3f0b1091a26eab3ab75d96d4cdbba10a3f06e015b95cc989656ddf6c1ce1d9",
                ShopifyHmac.queryHmac(query, "my super secret key"));
    }

    @Test
    void webhookBodyVectorIsVerifiedOverTheRawBytes() throws Exception {
        for (JsonNode vector : TestVectors.json("hmac.json").path("webhook_body_hmac")) {
            byte[] body = vector.path("raw_body").asText().getBytes(StandardCharsets.UTF_8);
            String secret = vector.path("secret").asText();
            String expected = vector.path("expected_base64").asText();
            assertEquals(expected, ShopifyHmac.bodyHmac(body, secret));
            assertTrue(ShopifyHmac.bodyIsSigned(body, expected, List.of("old", secret)), "any accepted secret");
            assertFalse(
                    ShopifyHmac.bodyIsSigned(
                            "{\"foo\":\"bar\"}".getBytes(StandardCharsets.UTF_8), expected, List.of(secret)),
                    "re-serialised JSON is not the signed bytes");
        }
    }

    @Test
    void missingMalformedOrUnsignedSignaturesFail() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertFalse(ShopifyHmac.bodyIsSigned(body, null, List.of("s")));
        assertFalse(ShopifyHmac.bodyIsSigned(body, "not base64!", List.of("s")));
        assertFalse(ShopifyHmac.bodyIsSigned(body, ShopifyHmac.bodyHmac(body, "s"), List.of()), "no secret, no pass");
        assertFalse(ShopifyHmac.queryIsSigned(Map.of("shop", "a.myshopify.com"), List.of("s")), "no hmac");
        assertFalse(ShopifyHmac.queryIsSigned(Map.of("hmac", "zz"), List.of("s")), "not hex");
    }
}
