package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.ProtectedCustomerData;
import wms.shopify.sandbox.Shop;

/**
 * The connector against the access rules the sandbox enforces as Shopify does (issue #17): protected customer data
 * withheld from an app that is not approved for it.
 */
class ShopifyAccessIT {

    private static final String DOMAIN = "access-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static WmsFixture wmsApi;

    @BeforeAll
    static void storeWithMappedCatalog() throws Exception {
        connector = SandboxConnector.get();
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Access main", 100, "Shirt", "A-SHIRT", "Mug", "A-MUG");
        main = shop.location("Access main");
        wmsApi = new WmsFixture(connector, "access-it");
        wmsApi.installForOrders(shop, main, "WH-ACC", null);
        wmsApi.catalog(DOMAIN, "W-A-SHIRT", "A-SHIRT", "W-A-MUG", "A-MUG");
    }

    @AfterEach
    void fullCustomerDataAgain() {
        connector.sandbox().customerData().access(ProtectedCustomerData.Access.full());
    }

    @Test
    void anOrderWhoseAddressShopifyWithholdsIsImportedAndSaysWhy() throws Exception {
        // The app is approved for e-mail only: Shopify withholds name, address and phone.
        connector
                .sandbox()
                .customerData()
                .access(ProtectedCustomerData.Access.level2(ProtectedCustomerData.Field.EMAIL));
        var order = shop.placeOrder(main, true, Map.of("A-SHIRT", 1));
        JsonObject entry = awaitEntry(order.id());

        assertEquals(Map.of("W-A-SHIRT", 1), WmsFixture.quantities(entry), "imported all the same");
        assertEquals("bob.norman@example.com", entry.getString("email"), "what the app may read is there");
        JsonObject shipTo = entry.getJsonObject("shipTo");
        assertTrue(shipTo.isNull("address1") && shipTo.isNull("name"), shipTo.toString());
        assertEquals("US", shipTo.getString("countryCode"), "country is not protected");
        assertEquals(
                List.of("NAME", "ADDRESS", "PHONE"),
                entry.getJsonArray("customerDataWithheld").getValuesAs(jakarta.json.JsonString::getString));
        String note = entry.getString("customerDataNote");
        assertTrue(
                note.endsWith("address and phone withheld by Shopify: request protected customer data access"), note);

        String page = connector.get(wmsApi.admin, "/admin/orders.xhtml").body();
        assertTrue(
                page.contains("name, address and phone withheld by Shopify: request protected customer data access"),
                "the Orders page says it");

        // Approved for everything again: the next read of the order carries the address and no note.
        connector.sandbox().customerData().access(ProtectedCustomerData.Access.full());
        var full = shop.placeOrder(main, true, Map.of("A-MUG", 1));
        JsonObject complete = awaitEntry(full.id());
        assertEquals("Chestnut Street 92", complete.getJsonObject("shipTo").getString("address1"));
        assertTrue(complete.getJsonArray("customerDataWithheld").isEmpty());
        assertTrue(complete.isNull("customerDataNote"));
    }

    private static JsonObject awaitEntry(String shopifyOrderId) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (found[0] = wmsApi.orderEntry(shopifyOrderId)) != null,
                "order " + shopifyOrderId + " in the feed",
                () -> "; state "
                        + wmsApi.text(
                                "select state || ' ' || coalesce(state_note, '') from shop_order where shopify_order_id = ?",
                                shopifyOrderId));
        assertNotNull(found[0]);
        return found[0];
    }
}
