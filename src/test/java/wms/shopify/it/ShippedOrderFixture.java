package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * A store of its own that takes orders for the WMS, and the WMS shipping them: a new sandbox shop with one location
 * and stocked products, installed with that location mapped to a warehouse and made the default for orders, the WMS
 * catalog mapped by Sync Products; orders placed there, taken by the WMS from the feed and shipped through the WMS API.
 * Tests that must not share a store (they change its settings, or assert on everything the store holds) each make
 * one with their own domain; the shipping, returns, privacy and fulfillment ITs use it.
 */
final class ShippedOrderFixture {

    /** The WMS side (credential, API calls) the store was installed with. */
    final WmsFixture wms;

    final Shop shop;
    /** The shop's one location, mapped to the warehouse and the default for orders. */
    final Location location;

    final long storeId;

    private ShippedOrderFixture(WmsFixture wms, Shop shop, Location location, long storeId) {
        this.wms = wms;
        this.shop = shop;
        this.location = location;
        this.storeId = storeId;
    }

    /**
     * A new store under this domain: one location stocked with {@code available} units of every product, installed
     * for orders with the location mapped to the warehouse (created when new) and the products mapped.
     *
     * @param titlesSkusAndCodes triples of the product's title on Shopify, its SKU and the WMS product code
     */
    static ShippedOrderFixture store(
            WmsFixture wms,
            String domain,
            String location,
            int available,
            String warehouse,
            String... titlesSkusAndCodes)
            throws Exception {
        String[] titlesAndSkus = new String[titlesSkusAndCodes.length / 3 * 2];
        String[] codesAndSkus = new String[titlesAndSkus.length];
        for (int i = 0, j = 0; i < titlesSkusAndCodes.length; i += 3, j += 2) {
            titlesAndSkus[j] = titlesSkusAndCodes[i];
            titlesAndSkus[j + 1] = titlesSkusAndCodes[i + 1];
            codesAndSkus[j] = titlesSkusAndCodes[i + 2];
            codesAndSkus[j + 1] = titlesSkusAndCodes[i + 1];
        }
        Shop shop = WmsFixture.stockedShop(wms.connector, domain, location, available, titlesAndSkus);
        Location at = shop.location(location);
        long storeId = wms.installForOrders(shop, at, warehouse, null);
        wms.catalog(domain, codesAndSkus);
        return new ShippedOrderFixture(wms, shop, at, storeId);
    }

    /** An order of these units (per SKU) placed at the store's location, waited for in the feed and acknowledged. */
    AcceptedOrder acceptedOrder(Map<String, Integer> units) throws Exception {
        Order order = this.shop.placeOrder(this.location, true, units);
        return new AcceptedOrder(order, this.wms.acceptedOrder(order.id()));
    }

    /**
     * An order of these units placed, acknowledged by the WMS and shipped in full as one shipment under this key,
     * fulfilled on Shopify.
     *
     * @param productsAndQuantities pairs of WMS product code and units shipped
     */
    Order shippedOrder(String shipmentKey, Map<String, Integer> units, Object... productsAndQuantities)
            throws Exception {
        AcceptedOrder accepted = acceptedOrder(units);
        shipAndAwait(this.wms, shipmentKey, accepted.orderId(), productsAndQuantities);
        return accepted.onShopify();
    }

    /** An order on Shopify and its id in the connector, once the WMS took it. */
    record AcceptedOrder(Order onShopify, long orderId) {}

    // ---- shipments through the WMS API ---------------------------------------------------------------------------

    /** Reports one shipment of these units of the order (no carrier, no parcel) and waits until it is fulfilled. */
    static void shipAndAwait(WmsFixture wms, String shipmentKey, long orderId, Object... productsAndQuantities)
            throws Exception {
        HttpResponse<String> shipped = ship(
                wms,
                shipment(shipmentKey, orderId, null, lines(productsAndQuantities))
                        .build()
                        .toString());
        assertEquals(202, shipped.statusCode(), shipped.body());
        awaitShipment(wms, shipmentKey, "FULFILLED", Duration.ofSeconds(60));
    }

    /** POST /api/v1/shipments with this body. */
    static HttpResponse<String> ship(WmsFixture wms, String body) throws Exception {
        return wms.api("POST", "/api/v1/shipments", body);
    }

    /** Waits until the shipment is in this state: the WMS API's view of it. */
    static JsonObject awaitShipment(WmsFixture wms, String key, String state, Duration timeout) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                timeout,
                () -> {
                    HttpResponse<String> response = wms.api("GET", "/api/v1/shipments/" + key, null);
                    found[0] = response.statusCode() == 200 ? json(response) : null;
                    return found[0] != null && state.equals(found[0].getString("state"));
                },
                "shipment " + key + " to be " + state,
                () -> "; shipment " + found[0]);
        return found[0];
    }

    /** A shipment report (shipped 2026-11-27 10:00 UTC), the carrier left out when null. */
    static JsonObjectBuilder shipment(
            String key, long orderId, String carrier, JsonArrayBuilder lines, JsonObjectBuilder... parcels) {
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("shipmentId", key)
                .add("orderId", orderId)
                .add("shippedAt", "2026-11-27T10:00:00Z")
                .add("lines", lines);
        if (carrier != null) {
            body.add("carrier", carrier);
        }
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObjectBuilder parcel : parcels) {
            list.add(parcel);
        }
        return body.add("parcels", list);
    }

    /** Shipment (or parcel) lines from pairs of WMS product code and quantity. */
    static JsonArrayBuilder lines(Object... productsAndQuantities) {
        JsonArrayBuilder lines = Json.createArrayBuilder();
        for (int i = 0; i < productsAndQuantities.length; i += 2) {
            lines.add(Json.createObjectBuilder()
                    .add("product", (String) productsAndQuantities[i])
                    .add("quantity", (Integer) productsAndQuantities[i + 1]));
        }
        return lines;
    }

    /** A parcel with its tracking number and, when not null, its tracking URL. */
    static JsonObjectBuilder parcel(String number, String url) {
        JsonObjectBuilder parcel = Json.createObjectBuilder().add("trackingNumber", number);
        if (url != null) {
            parcel.add("trackingUrl", url);
        }
        return parcel;
    }
}
