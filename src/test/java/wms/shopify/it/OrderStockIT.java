package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * Orders and Absolute stock sync together, as a merchant runs them: a sale on Shopify reaches the WMS feed through
 * its webhooks, and until the WMS has taken that order on, a receipt in the WMS sets Shopify's "available" to the
 * sellable quantity less the order's units, never putting the sold units back on sale. When the WMS allocates the
 * order (naming it) and acknowledges it, the quantity on Shopify stays right.
 */
class OrderStockIT {

    private static final String DOMAIN = "order-stock.myshopify.com";
    private static final String WAREHOUSE = "OS-WH";
    private static final String SKU = "OS-TEE";
    private static final int WINDOW_SECONDS = 3;

    static WmsFixture fixture;
    static Shop shop;
    static Location location;

    @BeforeAll
    static void absoluteStoreWithOneMappedProduct() throws Exception {
        SandboxConnector connector =
                SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0", "ORDER_SWEEP_INTERVAL_SECONDS=0"));
        fixture = new WmsFixture(connector, "order-stock-it");
        shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        location = shop.addLocation("Order stock warehouse");
        shop.addProduct("Tee", SKU);
        shop.stock(SKU, location, 4);
        long store = fixture.install(shop, location, WAREHOUSE);
        fixture.registerProducts(List.of(SKU));
        fixture.syncProducts(DOMAIN);
        fixture.stockSync(store, "ABSOLUTE", WINDOW_SECONDS);
    }

    @Test
    void aSaleTheWmsHasNotTakenOnIsNeverPutBackOnSale() throws Exception {
        assertEquals(
                200,
                fixture.send(movement("OS-1", "receiving", SKU, WAREHOUSE, 10, 10))
                        .statusCode());
        await(Duration.ofSeconds(15), () -> available() == 10, "Absolute mode sets the WMS's 10");

        Order sale = shop.placeOrder(location, true, Map.of(SKU, 3));
        assertEquals(7, available(), "Shopify took the 3 units off sale");
        JsonObject entry = awaitEntry(sale.id());

        assertEquals(
                200,
                fixture.send(movement("OS-2", "receiving", SKU, WAREHOUSE, 2, 12))
                        .statusCode());
        await(
                Duration.ofSeconds(WINDOW_SECONDS + 15),
                () -> available() == 9,
                "12 sellable in the WMS less the 3 of the order it has not taken on");
        Thread.sleep(WINDOW_SECONDS * 1000L + 1000);
        assertEquals(9, available(), "and not 12: the sold units stay off sale");

        // The WMS allocates the order (its sellable drops by 3, naming the order) and acknowledges it.
        assertEquals(
                200,
                fixture.send(movement("OS-3", "allocation", SKU, WAREHOUSE, -3, 9)
                                .add(
                                        "order",
                                        Json.createObjectBuilder()
                                                .add("store", DOMAIN)
                                                .add("orderId", sale.id())))
                        .statusCode());
        HttpResponse<String> acked = fixture.api(
                "POST",
                "/api/v1/orders/" + entry.getJsonNumber("orderId") + "/acknowledgement",
                "{\"revision\":" + entry.getJsonNumber("revision") + "}");
        assertEquals(200, acked.statusCode(), acked.body());
        Thread.sleep(WINDOW_SECONDS * 1000L + 2000);
        assertEquals(9, available(), "allocated and acknowledged: 9 sellable, nothing left to subtract, still 9");
        assertEquals(
                0,
                fixture.longValue("select coalesce(sum(quantity), 0) from order_demand where " + "shopify_order_id = '"
                        + sale.id() + "'"),
                "the order is no longer demand");
    }

    private static int available() {
        return shop.quantity(SKU, location, "available");
    }

    private static JsonObject awaitEntry(String shopifyOrderId) throws Exception {
        JsonObject[] found = new JsonObject[1];
        await(
                Duration.ofSeconds(30),
                () -> {
                    try {
                        for (JsonValue entry : json(fixture.api("GET", "/api/v1/orders/feed?after=0&limit=500", null))
                                .getJsonArray("entries")) {
                            if (entry.asJsonObject().getString("shopifyOrderId").equals(shopifyOrderId)) {
                                found[0] = entry.asJsonObject();
                                return true;
                            }
                        }
                        return false;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "order " + shopifyOrderId + " in the WMS feed");
        return found[0];
    }
}
