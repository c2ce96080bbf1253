package wms.shopify.adminapi.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which needed scopes a grant lacks: a write scope covers the read scope of the same resource. */
class GrantedScopesTest {

    private static final String NEEDED = "read_products,read_locations,write_inventory,read_orders,write_fulfillments";

    @Test
    void aGrantOfEveryNeededScopeLacksNone() {
        assertEquals(List.of(), GrantedScopes.parse(NEEDED).missingOf(NEEDED));
        assertEquals(
                List.of(),
                GrantedScopes.parse("write_products, read_locations,write_inventory,write_orders,write_fulfillments")
                        .missingOf(NEEDED),
                "write_products covers read_products, write_orders read_orders; blanks around commas are no scope");
    }

    @Test
    void aNarrowedGrantLacksWhatItNoLongerCoversInTheNeededOrder() {
        assertEquals(
                List.of("read_orders", "write_fulfillments"),
                GrantedScopes.of(List.of("read_products", "read_locations", "write_inventory", "read_fulfillments"))
                        .missingOf(NEEDED),
                "a read scope does not cover its write scope");
        assertEquals(
                List.of("read_products"), GrantedScopes.parse("write_inventory").missingOf("read_products"));
        assertEquals(List.of("read_orders"), GrantedScopes.parse(null).missingOf("read_orders"));
        assertEquals(List.of("read_orders"), GrantedScopes.parse("").missingOf(" read_orders ,"));
    }

    @Test
    void theGrantIsWrittenAsShopifyNamedIt() {
        assertEquals(
                "write_orders,read_locations",
                GrantedScopes.parse(" write_orders,read_locations,").text());
    }
}
