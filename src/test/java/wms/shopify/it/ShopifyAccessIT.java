package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
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
    private static final String SCOPES_DOMAIN = "scopes-it.myshopify.com";

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
        assertTrue(absent(shipTo, "address1") && absent(shipTo, "name") && absent(shipTo, "city"), shipTo.toString());
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
        assertTrue(absent(complete, "customerDataNote"), complete.toString());
    }

    @Test
    void aTokenWithoutTheFulfillmentScopeMarksTheStoreAndStockSyncKeepsWorkingUntilItIsAuthorisedAgain()
            throws Exception {
        Shop narrowed = WmsFixture.stockedShop(connector, SCOPES_DOMAIN, "Scopes main", 10, "Cap", "S-CAP");
        Location at = narrowed.location("Scopes main");
        long storeId = wmsApi.installForOrders(narrowed, at, "WH-SCOPES", null);
        wmsApi.catalog(SCOPES_DOMAIN, "W-S-CAP", "S-CAP");
        wmsApi.stockSync(storeId, "ABSOLUTE", 0);

        // The merchant takes the fulfillment scopes away from the app (Shopify admin → the app's access).
        connector
                .sandbox()
                .changeGrantedScopes(
                        narrowed, "read_products,write_inventory,read_locations,read_orders,write_returns");
        var order = narrowed.placeOrder(at, true, Map.of("S-CAP", 1));
        // Shopify says so (app/scopes_update): the store is marked with the scopes the grant lacks, whether or not the
        // order's read was refused first.
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> ("write_merchant_managed_fulfillment_orders, read_third_party_fulfillment_orders, "
                                + "write_fulfillments, write_assigned_fulfillment_orders")
                        .equals(wmsApi.text("select missing_access from store where domain = ?", SCOPES_DOMAIN)),
                "the store marked as lacking the scopes",
                () -> "; store "
                        + wmsApi.text(
                                "select status || ' ' || coalesce(missing_access, '') from store where domain = ?",
                                SCOPES_DOMAIN));
        assertEquals("CONNECTED", wmsApi.text("select status from store where domain = ?", SCOPES_DOMAIN));

        String stores = connector.get(wmsApi.admin, "/admin/stores.xhtml").body();
        int row = stores.indexOf("id=\"store-scopes-it\"");
        assertTrue(row > 0, "the store's row");
        String rowHtml = stores.substring(row, stores.indexOf("</tr>", row));
        assertTrue(
                rowHtml.contains("Needs re-authorisation: the app lacks the write_merchant_managed_fulfillment_orders, "
                        + "read_third_party_fulfillment_orders, write_fulfillments, write_assigned_fulfillment_orders "
                        + "access scope on this store."),
                rowHtml);
        assertFalse(rowHtml.contains("SHOPIFY_SCOPES"), "all are scopes the connector asks for");
        assertTrue(rowHtml.contains("authorise-again"), "with the button that runs OAuth again");
        String entries = "select count(*) from activity_event where message like 'Store " + SCOPES_DOMAIN
                + " needs re-authorisation%'";
        WmsFixture.await(Duration.ofSeconds(30), () -> wmsApi.count(entries) > 0, "the activity entry", () -> "");

        // Stock sync is not stopped by a missing fulfillment scope: a receipt reaches Shopify.
        HttpResponse<String> sent = wmsApi.send(WmsFixture.movement("SC-1", "receiving", "S-CAP", "WH-SCOPES", 5, 14));
        assertEquals(200, sent.statusCode(), sent.body());
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> narrowed.quantity("S-CAP", at, "available") == 14,
                "the stock pushed to the narrowed store");
        assertEquals(1, wmsApi.count(entries), "one activity entry, however many calls were refused meanwhile");

        // Authorise again: OAuth with the connector's scopes; the merchant approves; the mark is gone.
        java.util.regex.Matcher form = java.util.regex.Pattern.compile("<form id=\"([^\"]*reauthorise)\"")
                .matcher(rowHtml);
        assertTrue(form.find(), rowHtml);
        HttpResponse<String> pressed = connector.post(
                wmsApi.admin,
                "/admin/stores.xhtml",
                FacesForm.of(stores.substring(row), form.group(1))
                        .submittedWith(form.group(1) + ":authorise-again", "Authorise again"));
        assertEquals(302, pressed.statusCode(), pressed.body());
        String authorize = pressed.headers().firstValue("Location").orElseThrow();
        assertTrue(authorize.contains("write_merchant_managed_fulfillment_orders"), authorize);
        HttpResponse<String> back = connector.get(
                wmsApi.admin,
                connector
                        .sandbox()
                        .approveInstall(authorize)
                        .substring(connector.url().length()));
        assertEquals(302, back.statusCode(), back.body());
        assertNull(wmsApi.text("select missing_access from store where domain = ?", SCOPES_DOMAIN));
        assertFalse(
                connector.get(wmsApi.admin, "/admin/stores.xhtml").body().contains("id=\"reauthorisation-scopes-it\""));

        // Authorised again, the store's orders are imported again (the one refused meanwhile is the sweep's).
        assertTrue(
                wmsApi.text(
                                "select outcome_note from webhook_delivery where topic = 'orders/create'"
                                        + " and convert_from(body, 'UTF8') like ? limit 1",
                                "%" + order.id().substring(order.id().lastIndexOf('/') + 1) + "%")
                        .contains("re-authorisation"),
                "the refused order's delivery says why and what happens");
        var after = narrowed.placeOrder(at, true, Map.of("S-CAP", 1));
        awaitEntry(after.id());
    }

    @Test
    void aGrantNarrowedOnShopifyMarksTheStoreBeforeAnyCallAndWideningItAgainClearsTheMark() throws Exception {
        String domain = "scopes-update-it.myshopify.com";
        Shop shop = WmsFixture.stockedShop(connector, domain, "Update main", 10, "Hat", "U-HAT");
        wmsApi.installForOrders(shop, shop.location("Update main"), "WH-UPDATE", null);
        String marked = "select missing_access from store where domain = ?";
        String entries = "select count(*) from activity_event where message like 'Store " + domain + " %'";
        assertNull(wmsApi.text(marked, domain), "installed with every scope asked for");

        // The merchant takes write_returns away on Shopify's admin; nothing of the store is called meanwhile.
        connector
                .sandbox()
                .changeGrantedScopes(
                        shop,
                        "read_products,write_inventory,read_locations,read_orders,"
                                + "write_merchant_managed_fulfillment_orders,read_third_party_fulfillment_orders,"
                                + "write_fulfillments,write_assigned_fulfillment_orders");
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "write_returns".equals(wmsApi.text(marked, domain)),
                "the mark from the webhook",
                () -> "");
        assertEquals("CONNECTED", wmsApi.text("select status from store where domain = ?", domain));
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> wmsApi.count(entries.replace("%'", "needs re-authorisation: Shopify says (app/scopes_update)%'"))
                        == 1,
                "the activity entry naming the webhook",
                () -> "");

        // The merchant gives it back on Shopify: no OAuth needed, the mark goes.
        connector.sandbox().changeGrantedScopes(shop, wms.shopify.sandbox.ShopifySandbox.ALL_SCOPES);
        WmsFixture.await(
                Duration.ofSeconds(60), () -> wmsApi.text(marked, domain) == null, "the mark cleared", () -> "");
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> wmsApi.count(entries.replace("%'", "holds every access scope the connector needs again%'")) == 1,
                "the activity entry of the restored grant",
                () -> "");
        assertEquals(
                0,
                wmsApi.count("select count(*) from webhook_delivery d join store s on s.id = d.store_id where "
                        + "s.domain = '" + domain + "' and d.topic = 'app/scopes_update' and d.outcome <> 'PROCESSED'"),
                "both deliveries processed");
    }

    /** A field the feed leaves out, or sends as null (the API leaves nulls out). */
    private static boolean absent(JsonObject object, String field) {
        return !object.containsKey(field) || object.isNull(field);
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
