package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.quantities;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.FulfillmentService;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySandbox;

/**
 * A store running another fulfillment app beside the connector whose merchant took {@code
 * read_third_party_fulfillment_orders} away from the connector's app: Shopify then hides that app's fulfillment orders
 * from the connector. The store shows "needs re-authorisation" and its orders keep flowing; an order split between the
 * merchant's location and the other app's reaches the WMS with the merchant's lines only, and the rest is reported as
 * not visible to the connector, never handed over; an order entirely at the other app is not handed over at all.
 * (With the scope, the other app is named: AnotherAppFulfillmentIT.)
 */
class HiddenFulfillmentOrdersIT {

    private static final String DOMAIN = "hidden-fo-it.myshopify.com";
    private static final String NOT_VISIBLE = "not visible to the connector: fulfilled elsewhere, grant "
            + "read_third_party_fulfillment_orders (re-authorise the store) to see by whom";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static FulfillmentService threePl;
    static WmsFixture wms;
    static long storeId;

    @BeforeAll
    static void storeWhoseGrantLacksTheThirdPartyScope() throws Exception {
        connector = SandboxConnector.get();
        shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        main = shop.addLocation("Main warehouse");
        threePl = shop.addAnotherAppsFulfillmentService("QuickShip 3PL", "quickship");
        shop.addProduct("Mug", "HF-MUG");
        shop.addProduct("Plate", "HF-PLATE");
        for (String sku : List.of("HF-MUG", "HF-PLATE")) {
            shop.stock(sku, main, 50);
            shop.stock(sku, threePl.location(), 50);
        }
        wms = new WmsFixture(connector, "hidden-fo-it");
        storeId = wms.installForOrders(shop, main, "WH-HF", null);
        wms.catalog(DOMAIN, "W-HF-MUG", "HF-MUG", "W-HF-PLATE", "HF-PLATE");
        // The merchant removes read_third_party_fulfillment_orders from the app's access on Shopify's admin.
        connector
                .sandbox()
                .changeGrantedScopes(
                        shop, ShopifySandbox.ALL_SCOPES.replace("read_third_party_fulfillment_orders,", ""));
    }

    @Test
    void theStoreNeedsReauthorisationAndStaysConnected() throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "read_third_party_fulfillment_orders"
                        .equals(wms.text("select missing_access from store where domain = ?", DOMAIN)),
                "the store marked as lacking the scope",
                () -> wms.text(
                        "select status || ' ' || coalesce(missing_access, '-') || ' ' || coalesce(scopes, '-') "
                                + "from store where domain = ?",
                        DOMAIN));
        assertEquals("CONNECTED", wms.text("select status from store where domain = ?", DOMAIN));
        String stores = connector.get(wms.admin, "/admin/stores.xhtml").body();
        int row = stores.indexOf("id=\"store-hidden-fo-it\"");
        assertTrue(row > 0, "the store's row");
        String rowHtml = stores.substring(row, stores.indexOf("</tr>", row));
        assertTrue(
                rowHtml.contains(
                        "Needs re-authorisation: the app lacks the read_third_party_fulfillment_orders access scope"),
                rowHtml);
    }

    @Test
    void aSplitOrderReachesTheWmsWithTheMerchantsLinesOnlyAndReportsTheRestAsNotVisible() throws Exception {
        var order = shop.placeSplitOrder(
                true, Map.of(main, Map.of("HF-MUG", 2), threePl.location(), Map.of("HF-PLATE", 3)));
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> (entry[0] = wms.orderEntry(order.id())) != null,
                "the split order in the feed",
                () -> wms.text(
                        "select coalesce(string_agg(state || ' ' || coalesce(state_note, ''), ', '), 'none') "
                                + "from shop_order where shopify_order_id = ?",
                        order.id()));
        assertEquals(Map.of("W-HF-MUG", 2), quantities(entry[0]), "only the units of the visible fulfillment order");
        assertEquals("WH-HF", entry[0].getString("warehouse"));
        var hidden = entry[0].getJsonArray("fulfilledByAnotherApp");
        assertEquals(1, hidden.size(), hidden.toString());
        JsonObject line = hidden.getJsonObject(0);
        assertEquals("W-HF-PLATE", line.getString("product"));
        assertEquals(3, line.getInt("quantity"));
        assertEquals(NOT_VISIBLE, line.getString("fulfilledBy"));
        assertTrue(!line.containsKey("location") || line.isNull("location"), "Shopify did not say where: " + line);
        String demand =
                "select coalesce(sum(quantity), 0) from order_demand where shopify_order_id = '" + order.id() + "'";
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wms.longValue(demand) == 2,
                "the WMS's demand: the visible units only",
                () -> "demand " + wms.longValue(demand));

        String page =
                connector.get(wms.admin, "/admin/orders.xhtml?store=" + storeId).body();
        assertTrue(page.contains("W-HF-PLATE " + NOT_VISIBLE), "the Orders page lists them");
    }

    @Test
    void anOrderEntirelyAtTheOtherAppIsNotHandedOver() throws Exception {
        var order = shop.placeOrder(threePl.location(), true, Map.of("HF-PLATE", 1));
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "ANOTHER_APP"
                        .equals(wms.text("select state from shop_order where shopify_order_id = ?", order.id())),
                "the order decided as not the WMS's",
                () -> wms.text(
                        "select coalesce(string_agg(state || ' ' || coalesce(state_note, ''), ', '), 'none') "
                                + "from shop_order where shopify_order_id = ?",
                        order.id()));
        assertEquals(
                "Not handed to the WMS: every unit is " + NOT_VISIBLE + ".",
                wms.text("select state_note from shop_order where shopify_order_id = ?", order.id()));
        assertNull(wms.orderEntry(order.id()), "never in the feed");
        assertEquals(
                0,
                wms.count("select count(*) from order_demand where shopify_order_id = '" + order.id() + "'"),
                "no demand for units the WMS does not ship");
        assertEquals("OPEN", order.fulfillmentOrders().get(0).status(), "the other app's work untouched");
    }
}
