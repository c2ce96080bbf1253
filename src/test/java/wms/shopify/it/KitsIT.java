package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
 * WMS kits end to end against the sandbox (issue #18): the WMS registers a kit (a gift set of 2 mugs and 1 coffee)
 * through the catalog API; Shopify is shown the whole kits its components make up, recomputed when a component
 * moves; an order of the kit on Shopify is demand for its components, so the mugs and the coffee go down on Shopify
 * too, and the WMS's allocation of that order takes nothing off twice. Both modes, each a story on a shop of its own.
 * The registration's refusals (a kit of kits, an unknown component, a movement naming a kit) change nothing.
 */
class KitsIT {

    private static final int WINDOW_SECONDS = 1;

    static SandboxConnector connector;
    static WmsFixture fixture;

    @BeforeAll
    static void theConnector() throws Exception {
        connector = SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0"));
        fixture = new WmsFixture(connector, "kits-it");
    }

    @Test
    void absoluteModeShowsTheKitsTheComponentsMakeUpAndAnOrderOfTheKitLowersItsComponents() throws Exception {
        story("kits-absolute-it", "ABSOLUTE");
    }

    @Test
    void deltaModeShowsTheKitsTheComponentsMakeUpAndAnOrderOfTheKitLowersItsComponents() throws Exception {
        story("kits-delta-it", "DELTA");
    }

    @Test
    void aRegistrationThatBreaksTheKitRulesIsRefusedNamingTheFieldAndChangesNothing() throws Exception {
        // A plain product and a kit of it, registered together: fine.
        HttpResponse<String> kit = fixture.api(
                "PUT",
                "/api/v1/products",
                Json.createArrayBuilder()
                        .add(product("KR-SPOON", null))
                        .add(product("KR-SET", List.of("KR-SPOON", 3)))
                        .build()
                        .toString());
        assertEquals(200, kit.statusCode(), kit.body());
        JsonArray components = listed("KR-SET").getJsonArray("components");
        assertEquals(1, components.size(), components.toString());
        assertEquals("KR-SPOON", components.getJsonObject(0).getString("product"));
        assertEquals(3, components.getJsonObject(0).getInt("quantity"));
        assertTrue(!listed("KR-SPOON").containsKey("components"), "a plain product lists no components");

        // A kit of a kit, an unknown component, a kit within itself, a fraction, zero: each named, nothing stored.
        HttpResponse<String> refused = fixture.api(
                "PUT",
                "/api/v1/products",
                Json.createArrayBuilder()
                        .add(product("KR-BIG-SET", List.of("KR-SET", 1)))
                        .add(product("KR-OTHER", List.of("KR-NOWHERE", 1)))
                        .add(product("KR-SELF", List.of("KR-SELF", 1)))
                        .add(Json.createObjectBuilder()
                                .add("code", "KR-HALF")
                                .add("name", "KR-HALF")
                                .add(
                                        "components",
                                        Json.createArrayBuilder()
                                                .add(Json.createObjectBuilder()
                                                        .add("product", "KR-SPOON")
                                                        .add("quantity", 1.5))))
                        .add(product("KR-NONE", List.of("KR-SPOON", 0)))
                        .build()
                        .toString());
        assertEquals(400, refused.statusCode(), refused.body());
        String problem = refused.body();
        for (String field :
                List.of("[2].components[0].product", "[3].components[0].quantity", "[4].components[0].quantity")) {
            assertTrue(problem.contains(field), field + " in " + problem);
        }
        assertEquals(
                0,
                fixture.longValue("select count(*) from wms_product where code in ('KR-BIG-SET', 'KR-OTHER', "
                        + "'KR-SELF', 'KR-HALF', 'KR-NONE')"),
                "nothing stored");
        // The rules that need the catalog are checked once the call's own rules hold.
        HttpResponse<String> catalog = fixture.api(
                "PUT",
                "/api/v1/products",
                Json.createArrayBuilder()
                        .add(product("KR-BIG-SET", List.of("KR-SET", 1)))
                        .add(product("KR-OTHER", List.of("KR-NOWHERE", 1)))
                        .add(product("KR-SPOON", List.of("KR-NOWHERE-ELSE", 1)))
                        .build()
                        .toString());
        assertEquals(400, catalog.statusCode(), catalog.body());
        assertTrue(catalog.body().contains("[0].components[0].product"), catalog.body());
        assertTrue(catalog.body().contains("KR-SET is a kit: kits of kits are not supported"), catalog.body());
        assertTrue(catalog.body().contains("[1].components[0].product"), catalog.body());
        assertTrue(catalog.body().contains("unknown product code KR-NOWHERE"), catalog.body());
        assertTrue(catalog.body().contains("KR-SPOON is a component of kit KR-SET"), catalog.body());
        assertEquals(
                0,
                fixture.longValue("select count(*) from wms_product where code in ('KR-BIG-SET', 'KR-OTHER')"),
                "nothing stored");
        assertEquals(
                0,
                fixture.longValue("select count(*) from wms_kit_component k join wms_product p "
                        + "on p.id = k.kit_product_id where p.code = 'KR-SPOON'"),
                "the spoon is still no kit");

        // A stock movement naming a kit: refused, the kit has no stock of its own.
        HttpResponse<String> moved = fixture.api(
                "POST",
                "/api/v1/stock-movements",
                Json.createArrayBuilder()
                        .add(Json.createObjectBuilder()
                                .add("movementId", "KR-MOVE-1")
                                .add("type", "receiving")
                                .add("product", "KR-SET")
                                .add("warehouse", "KR-WH")
                                .add("delta", 1)
                                .add("sellableAfter", 1)
                                .add("sequence", 1))
                        .build()
                        .toString());
        assertEquals(400, moved.statusCode(), moved.body());
        assertTrue(moved.body().contains("[0].product"), moved.body());
        assertTrue(moved.body().contains("KR-SET is a kit"), moved.body());
        assertEquals(0, fixture.longValue("select count(*) from stock_movement where movement_id = 'KR-MOVE-1'"));
    }

    /**
     * A store selling a mug, a coffee and the gift set (2 mugs + 1 coffee) the WMS registered as a kit: the WMS
     * receives 9 mugs and 5 coffees (Shopify shows 4 sets), a customer buys a set (Shopify takes it off the set; the
     * connector takes its 2 mugs and 1 coffee off those), the WMS allocates that order (nothing changes again), then
     * the coffee runs short (the set follows it down), and the Stock page explains the set by its limiting component.
     */
    private static void story(String name, String mode) throws Exception {
        String domain = name + ".myshopify.com";
        String mug = name.toUpperCase() + "-MUG";
        String coffee = name.toUpperCase() + "-COFFEE";
        String gift = name.toUpperCase() + "-GIFT";
        String warehouse = name.toUpperCase() + "-WH";
        Shop shop = connector.sandbox().createShop(domain, Plan.STANDARD);
        Location location = shop.addLocation("Kit warehouse");
        shop.addProduct("Mug", mug);
        shop.addProduct("Coffee", coffee);
        shop.addProduct("Coffee gift set", gift);
        for (String sku : List.of(mug, coffee, gift)) {
            shop.stock(sku, location, 0);
        }
        long storeId = fixture.installForOrders(shop, location, warehouse, null);
        HttpResponse<String> registered = fixture.api(
                "PUT",
                "/api/v1/products",
                Json.createArrayBuilder()
                        .add(product("W-" + mug, null).add("sku", mug))
                        .add(product("W-" + coffee, null).add("sku", coffee))
                        .add(product("W-" + gift, List.of("W-" + mug, 2, "W-" + coffee, 1))
                                .add("sku", gift))
                        .build()
                        .toString());
        assertEquals(200, registered.statusCode(), registered.body());
        assertEquals("succeeded", fixture.syncProducts(domain).getString("state"));
        fixture.stockSync(storeId, mode, WINDOW_SECONDS);

        // The components move: the set is min(⌊9 ÷ 2⌋, ⌊5 ÷ 1⌋) = 4.
        HttpResponse<String> received = fixture.send(
                movement(name + "-1", "receiving", mug, warehouse, 9, 9),
                movement(name + "-2", "receiving", coffee, warehouse, 5, 5));
        assertEquals(200, received.statusCode(), received.body());
        assertEquals(3, json(received).getInt("changes"), "the mug's, the coffee's and the set's level");
        awaitShopify(shop, location, Map.of(mug, 9, coffee, 5, gift, 4), "the components and the kit they make up");

        // A customer buys one set: Shopify takes it off the set itself; its 2 mugs and 1 coffee are demand.
        Order sale = shop.placeOrder(location, true, Map.of(gift, 1));
        assertEquals(3, shop.quantity(gift, location, "available"), "Shopify took the set off sale");
        awaitShopify(shop, location, Map.of(mug, 7, coffee, 4, gift, 3), "the set's components go down on Shopify too");
        JsonObject[] found = new JsonObject[1];
        await(
                Duration.ofSeconds(60),
                () -> (found[0] = fixture.orderEntry(sale.id())) != null,
                "the kit's order in the WMS feed",
                () -> "");
        JsonObject entry = found[0];
        assertEquals(Map.of("W-" + gift, 1), WmsFixture.quantities(entry), "the WMS is sent the kit's line");
        JsonArray lines = entry.getJsonArray("lines");
        JsonArray picks = lines.getJsonObject(0).getJsonArray("components");
        assertEquals(2, picks.size(), lines.toString());
        assertEquals("W-" + coffee, picks.getJsonObject(0).getString("product"));
        assertEquals(1, picks.getJsonObject(0).getInt("quantity"));
        assertEquals("W-" + mug, picks.getJsonObject(1).getString("product"));
        assertEquals(2, picks.getJsonObject(1).getInt("quantity"), "the units to pick for the line");

        // The WMS allocates the order's components, naming it: nothing is taken off twice.
        JsonObject order = Json.createObjectBuilder()
                .add("store", domain)
                .add("orderId", sale.id())
                .build();
        HttpResponse<String> allocated = fixture.send(
                movement(name + "-3", "allocation", mug, warehouse, -2, 7).add("order", order),
                movement(name + "-4", "allocation", coffee, warehouse, -1, 4).add("order", order));
        assertEquals(200, allocated.statusCode(), allocated.body());
        settle(storeId);
        assertShopify(shop, location, Map.of(mug, 7, coffee, 4, gift, 3), "allocated: nothing changes again");
        // ... and takes the order on: it is no demand any more, and nothing changes either.
        HttpResponse<String> acked = fixture.acknowledge(
                "orders",
                entry.getJsonNumber("orderId").longValue(),
                entry.getJsonNumber("revision").longValue());
        assertEquals(200, acked.statusCode(), acked.body());
        await(
                Duration.ofSeconds(30),
                () -> fixture.longValue("select count(*) from kit_demand where shopify_order_id = '" + sale.id() + "'")
                        == 0,
                "the kit's order no longer holds its components",
                () -> "");
        settle(storeId);
        assertShopify(shop, location, Map.of(mug, 7, coffee, 4, gift, 3), "acknowledged: still the same");

        // The coffee runs short: the set follows it down, to min(⌊7 ÷ 2⌋, ⌊1 ÷ 1⌋) = 1.
        HttpResponse<String> short_ = fixture.send(movement(name + "-5", "adjustment", coffee, warehouse, -3, 1));
        assertEquals(200, short_.statusCode(), short_.body());
        awaitShopify(shop, location, Map.of(mug, 7, coffee, 1, gift, 1), "the set follows its scarcest component");
        settle(storeId);
        assertShopify(shop, location, Map.of(mug, 7, coffee, 1, gift, 1), "and stays there");

        // The Stock page says why: the set is limited by the coffee.
        String page = connector
                .get(fixture.admin, "/admin/stock.xhtml?search=" + gift)
                .body();
        assertTrue(page.contains("kit, limited by W-" + coffee + ": 1 ÷ 1 = 1"), page);
    }

    /** A product to register (name = code), a kit when components (pairs of code and units per kit) are given. */
    private static JsonObjectBuilder product(String code, List<Object> components) {
        JsonObjectBuilder product = Json.createObjectBuilder().add("code", code).add("name", code);
        if (components != null) {
            var list = Json.createArrayBuilder();
            for (int i = 0; i < components.size(); i += 2) {
                list.add(Json.createObjectBuilder()
                        .add("product", (String) components.get(i))
                        .add("quantity", (Integer) components.get(i + 1)));
            }
            product.add("components", list);
        }
        return product;
    }

    /** The product as GET /api/v1/products lists it. */
    private static JsonObject listed(String code) throws Exception {
        String before = code.substring(0, code.length() - 1);
        HttpResponse<String> page = fixture.api("GET", "/api/v1/products?after=" + before + "&limit=50", null);
        assertEquals(200, page.statusCode(), page.body());
        return Json.createReader(new java.io.StringReader(page.body()))
                .readArray()
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(p -> p.getString("code").equals(code))
                .findFirst()
                .orElseThrow(() -> new AssertionError(code + " not listed: " + page.body()));
    }

    private static void awaitShopify(Shop shop, Location location, Map<String, Integer> expected, String what)
            throws Exception {
        await(
                Duration.ofSeconds(60),
                () -> expected.entrySet().stream()
                        .allMatch(e -> shop.quantity(e.getKey(), location, "available") == e.getValue()),
                what,
                () -> "Shopify holds " + held(shop, location, expected));
    }

    private static void assertShopify(Shop shop, Location location, Map<String, Integer> expected, String what) {
        assertEquals(new java.util.TreeMap<>(expected), held(shop, location, expected), what);
    }

    private static java.util.TreeMap<String, Integer> held(
            Shop shop, Location location, Map<String, Integer> expected) {
        java.util.TreeMap<String, Integer> held = new java.util.TreeMap<>();
        expected.keySet().forEach(sku -> held.put(sku, shop.quantity(sku, location, "available")));
        return held;
    }

    /** Until the store has nothing pending or being pushed (the traffic has settled). */
    private static void settle(long storeId) throws Exception {
        await(
                Duration.ofSeconds(60),
                () -> {
                    try {
                        return fixture.longValue("select count(*) from stock_change where store_id = " + storeId
                                        + " and state in ('PENDING', 'PUSHING')")
                                == 0;
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "nothing pending");
    }
}
