package wms.shopify.adminapi.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wms.shopify.adminapi.TestVectors;

/**
 * The shop-domain rule: the published cases of Shopify's libraries, decided by this connector's stricter rule
 * (only {@code <name>.myshopify.com}: the libraries' {@code .myshopify.io} development domains and {@code _} are
 * refused), and the hostile inputs of quality.md and more.
 */
class ShopDomainTest {

    @Test
    void everyPublishedCaseIsDecidedByTheMyshopifyComRule() throws Exception {
        JsonNode vectors = TestVectors.json("shop-domains.json");
        int decided = 0;
        for (JsonNode library : vectors) {
            for (String group : List.of("valid_returns_same", "invalid_returns_null", "invalid_raises")) {
                for (JsonNode input : library.path(group)) {
                    decide(input.asText(), null);
                    decided++;
                }
            }
            for (String group : List.of("admin_url_converted", "valid")) {
                var fields = library.path(group).fields();
                while (fields.hasNext()) {
                    var entry = fields.next();
                    decide(entry.getKey(), entry.getValue().asText());
                    decided++;
                }
            }
        }
        assertEquals(24, decided, "every published case was looked at");
    }

    /** Valid exactly when the expected result is a myshopify.com domain; then the normalised value is that. */
    private static void decide(String input, String expected) {
        boolean shouldPass = expected != null
                ? expected.endsWith(".myshopify.com")
                : input.matches("[a-z0-9][a-z0-9-]*\\.myshopify\\.com");
        if (shouldPass) {
            assertEquals(
                    expected != null ? expected : input, ShopDomain.parse(input).value(), input);
        } else {
            assertThrows(InvalidShopDomainException.class, () -> ShopDomain.parse(input), input);
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "evil.com",
                "myshopify.com.evil.com",
                "shop.myshopify.com@evil.com",
                "attacker.com/.myshopify.com",
                "%0a123.myshopify.com",
                "shop.myshopify.com\n",
                "shop.myshopify.com%00",
                "shop.myshopify.com:8080",
                "shop.myshopify.com/admin",
                "shop.myshopify.com?x=1",
                "shop.myshopify.com#x",
                "a.b.myshopify.com",
                "-shop.myshopify.com",
                "my_shop.myshopify.com",
                "shop..myshopify.com",
                ".myshopify.com",
                "myshopify.com",
                "shop.myshopify.com.",
                "javascript:alert(1)//x.myshopify.com",
                "<script>.myshopify.com",
                "shop.myshopify.com\u0000",
                "ｓhop.myshopify.com",
                "shop.myshopify.comx",
                "https://evil.com/shop.myshopify.com",
                "//shop.myshopify.com",
                "ftp://shop.myshopify.com",
                "admin.shopify.com/store/",
                "admin.shopify.com/store/a/b",
                "not-admin.shopify.com/store/x",
                "shop\u2028.myshopify.com",
                "shop .myshopify.com",
                ""
            })
    void hostileInputIsRefused(String input) {
        assertThrows(InvalidShopDomainException.class, () -> ShopDomain.parse(input));
    }

    @Test
    void nullAndOverlongInputAreRefusedWithAMessageForTheMerchant() {
        var refused = assertThrows(InvalidShopDomainException.class, () -> ShopDomain.parse(null));
        assertEquals(
                "This is not a Shopify store address. Enter it as your-store.myshopify.com.", refused.getMessage());
        assertThrows(InvalidShopDomainException.class, () -> ShopDomain.parse("a".repeat(300) + ".myshopify.com"));
    }

    @Test
    void whatAMerchantTypesIsNormalised() {
        assertEquals(
                "acme.myshopify.com",
                ShopDomain.parse("  HTTPS://Acme.MyShopify.com//  ").value());
        assertEquals(
                "acme",
                ShopDomain.parse("https://admin.shopify.com/store/acme/").name());
    }
}
