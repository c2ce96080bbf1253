package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonStructure;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * Every documented request of the WMS API, against a connector with a connected store and an order the WMS
 * accepted: sent with each field left out and with each field {@code null}, none answers a 5xx (an optional field
 * takes its documented meaning, a required one is a 400 naming it); every whole number that does not fit its field
 * ({@code 2^63}, {@code 2^64+1}, {@code 1e999999999}, a fraction, a string) is a 400 naming the field, and the call
 * stores nothing, so a bad value can never reach a push to Shopify.
 */
class WmsApiRequestsIT {

    private static final String DOMAIN = "requests-it.myshopify.com";
    /** Values no whole-number field takes: beyond a long (2^64+1 would wrap to 1), huge, fractional, text. */
    private static final List<String> NUMBERS_THAT_DO_NOT_FIT = List.of(
            "9223372036854775808",
            "-9223372036854775809",
            "18446744073709551617",
            "1e999999999",
            "-1e999999999",
            "1.5",
            "1e-999999999",
            "\"1\"");

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static WmsFixture wms;
    static String run;
    static long orderId;
    static long revision;
    static final AtomicInteger SERIAL = new AtomicInteger();

    /** A documented request: its method, its path, and a body with every field, optional ones included. */
    record Request(String method, String path, IntFunction<JsonStructure> body) {}

    @BeforeAll
    static void storeWithAnAcceptedOrder() throws Exception {
        connector = SandboxConnector.get(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0"));
        shop = WmsFixture.stockedShop(connector, DOMAIN, "Requests main", 500, "Shirt", "R-SHIRT", "Mug", "R-MUG");
        main = shop.location("Requests main");
        wms = new WmsFixture(connector, "requests-it");
        wms.installForOrders(shop, main, "WH-REQ", null);
        wms.catalog(DOMAIN, "W-R-SHIRT", "R-SHIRT", "W-R-MUG", "R-MUG");
        run = UUID.randomUUID().toString().substring(0, 8);
        var order = shop.placeOrder(main, true, Map.of("R-SHIRT", 60));
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                java.time.Duration.ofSeconds(60),
                () -> (entry[0] = wms.orderEntry(order.id())) != null,
                "the order in the feed",
                () -> "");
        orderId = entry[0].getJsonNumber("orderId").longValue();
        revision = entry[0].getJsonNumber("revision").longValue();
        HttpResponse<String> accepted = wms.acknowledge("orders", orderId, revision);
        assertEquals(200, accepted.statusCode(), accepted.body());
        HttpResponse<String> shipped =
                wms.api("POST", "/api/v1/shipments", shipment(0).toString());
        assertEquals(202, shipped.statusCode(), shipped.body());
    }

    static List<Request> documentedRequests() {
        return List.of(
                new Request(
                        "PUT",
                        "/api/v1/warehouses",
                        n -> parse("[{\"code\":\"" + run + "-WH\",\"name\":\"W\"," + "\"active\":true}]")),
                new Request(
                        "PUT",
                        "/api/v1/shipping-processes",
                        n -> parse("[{\"code\":\"" + run + "-SP\","
                                + "\"name\":\"P\",\"warehouse\":\"WH-REQ\",\"active\":true}]")),
                new Request(
                        "PUT",
                        "/api/v1/products",
                        n -> parse("[{\"code\":\"" + run + "-P\",\"sku\":\"" + run
                                + "-SKU\",\"barcode\":\"4006381333931\",\"name\":\"P\",\"active\":true}]")),
                new Request(
                        "POST",
                        "/api/v1/stock-movements",
                        n -> parse("[{\"movementId\":\"" + run + "-M-" + n
                                + "\",\"type\":\"picking\",\"product\":\"W-R-SHIRT\",\"warehouse\":\"WH-REQ\",\"delta\":0,"
                                + "\"sellableAfter\":400,\"sequence\":" + n + ",\"order\":{\"store\":\"" + DOMAIN
                                + "\",\"orderId\":\"1\"}}]")),
                new Request("POST", "/api/v1/shipments", WmsApiRequestsIT::shipment),
                new Request(
                        "PUT",
                        "/api/v1/shipments/" + run + "-S-0/tracking",
                        n -> parse("{\"carrier\":\"UPS\","
                                + "\"parcels\":[{\"trackingNumber\":\"1Z" + n
                                + "\",\"trackingUrl\":\"https://t.example/"
                                + n + "\"}]}")),
                new Request(
                        "POST",
                        "/api/v1/orders/" + orderId + "/acknowledgement",
                        n -> parse("{\"revision\":" + revision + "}")),
                new Request(
                        "PUT",
                        "/api/v1/stores/" + DOMAIN + "/order-filters",
                        n -> parse("{\"orderStatuses\":[],"
                                + "\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":false}")),
                new Request(
                        "POST",
                        "/api/v1/stores/" + DOMAIN + "/order-sweep",
                        n -> parse("{\"from\":" + "\"2026-01-01T00:00:00Z\",\"until\":\"2026-01-01T01:00:00Z\"}")),
                new Request("POST", "/api/v1/returns/999999/acknowledgement", n -> parse("{\"revision\":1}")),
                new Request(
                        "POST",
                        "/api/v1/returns/999999/receipts",
                        n -> parse("{\"receiptId\":\"" + run + "-RC-" + n
                                + "\",\"lines\":[{\"product\":\"W-R-SHIRT\",\"quantity\":1,\"restock\":true}]}")),
                new Request(
                        "POST",
                        "/api/v1/returns",
                        n -> parse("{\"receiptId\":\"" + run + "-RU-" + n
                                + "\",\"orderId\":" + orderId + ",\"lines\":[{\"product\":\"W-R-SHIRT\",\"quantity\":1,"
                                + "\"restock\":false}]}")));
    }

    @Test
    void everyRequestWithEachFieldLeftOutOrNullIsAnsweredWithoutA5xx() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Request request : documentedRequests()) {
            for (String pointer : members(request.body().apply(0), "")) {
                for (boolean asNull : new boolean[] {false, true}) {
                    int n = SERIAL.incrementAndGet();
                    JsonStructure body = asNull
                            ? Json.createPatchBuilder()
                                    .replace(pointer, JsonValue.NULL)
                                    .build()
                                    .apply(request.body().apply(n))
                            : Json.createPatchBuilder()
                                    .remove(pointer)
                                    .build()
                                    .apply(request.body().apply(n));
                    HttpResponse<String> answer = wms.api(request.method(), request.path(), body.toString());
                    sent++;
                    if (answer.statusCode() >= 500) {
                        failures.add(request.method() + " " + request.path() + " " + body + " -> " + answer.statusCode()
                                + " " + answer.body());
                    }
                }
            }
        }
        assertTrue(
                failures.isEmpty(), failures.size() + " of " + sent + " answered 5xx:\n" + String.join("\n", failures));
        System.out.printf("WmsApiRequestsIT: %d requests with a field left out or null, none answered 5xx%n", sent);
    }

    @Test
    void optionalFieldsLeftOutOrNullTakeTheirDocumentedMeaning() throws Exception {
        // The reported case: a shipping process without a warehouse, alone in its call, runs in any warehouse.
        for (String process : List.of(
                "[{\"code\":\"" + run + "-ANY1\",\"name\":\"Pick-up\"}]",
                "[{\"code\":\"" + run + "-ANY2\",\"name\":\"Pick-up\",\"warehouse\":null,\"active\":null}]")) {
            HttpResponse<String> answer = wms.api("PUT", "/api/v1/shipping-processes", process);
            assertEquals(200, answer.statusCode(), process + " -> " + answer.body());
        }
        JsonArray processes = Json.createReader(new StringReader(
                        wms.api("GET", "/api/v1/shipping-processes", null).body()))
                .readArray();
        JsonObject any = processes.stream()
                .map(JsonValue::asJsonObject)
                .filter(p -> p.getString("code").equals(run + "-ANY2"))
                .findFirst()
                .orElseThrow();
        assertTrue(!any.containsKey("warehouse") || any.isNull("warehouse"), "no warehouse: " + any);
        assertTrue(any.getBoolean("active"), "active left null means active");

        HttpResponse<String> noOrder = wms.api(
                "POST",
                "/api/v1/stock-movements",
                "[{\"movementId\":\"" + run
                        + "-NO-ORDER\",\"type\":\"receiving\",\"product\":\"W-R-SHIRT\",\"warehouse\":\"WH-REQ\","
                        + "\"delta\":0,\"sellableAfter\":400,\"sequence\":1,\"order\":null}]");
        assertEquals(200, noOrder.statusCode(), noOrder.body());
        HttpResponse<String> bareProduct = wms.api(
                "PUT",
                "/api/v1/products",
                "[{\"code\":\"" + run + "-BARE\",\"name\":\"Bare\",\"sku\":null,\"barcode\":null}]");
        assertEquals(200, bareProduct.statusCode(), bareProduct.body());
        HttpResponse<String> guessed = wms.api(
                "PUT",
                "/api/v1/stores/" + DOMAIN + "/order-filters",
                "{\"orderStatuses\":[],\"financialStatuses\":[],\"fulfillmentStatuses\":[],\"testOrders\":\"yes\"}");
        assertEquals(400, guessed.statusCode(), guessed.body());
        assertEquals(List.of("testOrders"), fields(guessed), "a boolean is never guessed from text");
        HttpResponse<String> missing = wms.api("PUT", "/api/v1/shipping-processes", "[{\"code\":\"" + run + "-X\"}]");
        assertEquals(400, missing.statusCode());
        assertTrue(fields(missing).contains("[0].name"), missing.body());
    }

    @Test
    void everyWholeNumberThatDoesNotFitIsRefusedNamingItsFieldAndNothingIsStored() throws Exception {
        List<String> failures = new ArrayList<>();
        int sent = 0;
        for (Request request : documentedRequests()) {
            for (String pointer : numbers(request.body().apply(0), "")) {
                for (String value : NUMBERS_THAT_DO_NOT_FIT) {
                    int n = SERIAL.incrementAndGet();
                    JsonStructure body = Json.createPatchBuilder()
                            .replace(pointer, parseValue(value))
                            .build()
                            .apply(request.body().apply(n));
                    HttpResponse<String> answer = wms.api(request.method(), request.path(), body.toString());
                    sent++;
                    String field = field(pointer);
                    if (answer.statusCode() != 400 || !fields(answer).contains(field)) {
                        failures.add(request.method() + " " + request.path() + " " + field + "=" + value + " -> "
                                + answer.statusCode() + " " + answer.body());
                    }
                }
            }
        }
        assertTrue(
                failures.isEmpty(),
                failures.size() + " of " + sent + " not refused naming the field:\n" + String.join("\n", failures));
        // Nothing of a refused call was stored: its ids are still free.
        assertEquals(
                404,
                wms.api("GET", "/api/v1/shipments/" + run + "-S-" + (SERIAL.get()), null)
                        .statusCode());
        System.out.printf(
                "WmsApiRequestsIT: %d requests with a number that does not fit, each a 400 naming the " + "field%n",
                sent);
    }

    @Test
    void aDeltaOf2To63IsRefusedAndTheGoodLineOfTheSameCallIsNotTakenWithIt() throws Exception {
        String bad = "{\"movementId\":\"" + run + "-OVER\",\"type\":\"adjustment\",\"product\":\"W-R-SHIRT\","
                + "\"warehouse\":\"WH-REQ\",\"delta\":9223372036854775808,\"sellableAfter\":10,\"sequence\":5}";
        String good = "{\"movementId\":\"" + run + "-GOOD\",\"type\":\"adjustment\",\"product\":\"W-R-SHIRT\","
                + "\"warehouse\":\"WH-REQ\",\"delta\":1,\"sellableAfter\":401,\"sequence\":6}";
        HttpResponse<String> refused = wms.api("POST", "/api/v1/stock-movements", "[" + bad + "," + good + "]");
        assertEquals(400, refused.statusCode(), refused.body());
        assertEquals(List.of("[0].delta"), fields(refused), "the bad line named, the good one not blamed");
        assertEquals(
                0L,
                wms.count("select count(*) from stock_movement where movement_id in ('" + run + "-OVER', '" + run
                        + "-GOOD')"),
                "nothing stored");
        JsonObject taken = json(wms.api("POST", "/api/v1/stock-movements", "[" + good + "]"));
        assertEquals(1, taken.getInt("accepted"), "the good line alone is taken, as new: " + taken);
        assertEquals(0, taken.getJsonArray("duplicates").size());
    }

    @Test
    void pagesRefuseCursorsAndLimitsThatAreNotWholeNumbersInRange() throws Exception {
        for (String feed : List.of("/api/v1/orders/feed", "/api/v1/returns/feed")) {
            assertEquals(200, wms.api("GET", feed, null).statusCode(), feed + " with after and limit left out");
            for (String query : List.of(
                    "after=9223372036854775808",
                    "after=-1",
                    "after=1e3",
                    "after=1.5",
                    "limit=0",
                    "limit=501",
                    "limit=18446744073709551617",
                    "limit=abc")) {
                HttpResponse<String> answer = wms.api("GET", feed + "?" + query, null);
                assertEquals(400, answer.statusCode(), feed + "?" + query + ": " + answer.body());
                assertEquals(List.of(query.substring(0, query.indexOf('='))), fields(answer), query);
            }
        }
        assertEquals(200, wms.api("GET", "/api/v1/products", null).statusCode());
        for (String limit : List.of("0", "5001", "4294967297", "1e3", "x")) {
            HttpResponse<String> answer = wms.api("GET", "/api/v1/products?limit=" + limit, null);
            assertEquals(400, answer.statusCode(), limit + ": " + answer.body());
            assertEquals(List.of("limit"), fields(answer));
        }
    }

    @Test
    void aStockChangeShopifyWouldRefuseIsParkedAloneAndTheOtherChangesOfItsPushGoOut() throws Exception {
        long storeId = wms.storeId(DOMAIN);
        // Held back while the change is given a value no movement can bring (each is at most ±1 000 000, but many
        // of them add up while a store cannot be written to).
        wms.sql("update plugin set active = false where code = 'shopify'");
        wms.sql("update stock_policy set sync_enabled = true, sync_mode = 'DELTA', coalescing_window_seconds = 1"
                + " where store_id = " + storeId);
        HttpResponse<String> moved = wms.api(
                "POST",
                "/api/v1/stock-movements",
                "[{\"movementId\":\"" + run
                        + "-PUSH-1\",\"type\":\"receiving\",\"product\":\"W-R-SHIRT\",\"warehouse\":\"WH-REQ\","
                        + "\"delta\":5,\"sellableAfter\":405,\"sequence\":900001},{\"movementId\":\"" + run
                        + "-PUSH-2\",\"type\":\"receiving\",\"product\":\"W-R-MUG\",\"warehouse\":\"WH-REQ\","
                        + "\"delta\":3,\"sellableAfter\":503,\"sequence\":900002}]");
        assertEquals(200, moved.statusCode(), moved.body());
        assertEquals(2, json(moved).getInt("changes"), moved.body());
        int mugBefore = shop.quantity("R-MUG", main, "available");
        int shirtBefore = shop.quantity("R-SHIRT", main, "available");
        // Beyond Shopify's Int as well as its bound: sent, it would fail the whole push, the mug's change with it.
        wms.sql("update stock_change set delta = 3000000000 where store_id = " + storeId + " and state = 'PENDING'"
                + " and delta = 5");
        wms.sql("update plugin set active = true where code = 'shopify'");

        WmsFixture.await(
                java.time.Duration.ofSeconds(60),
                () -> shop.quantity("R-MUG", main, "available") == mugBefore + 3,
                "the mug's change on Shopify",
                () -> "; changes: "
                        + wms.text(
                                "select string_agg(state || ' ' || delta || ' ' || coalesce(reason, ''),"
                                        + " ' | ') from stock_change where store_id = ?::bigint",
                                String.valueOf(storeId)));
        WmsFixture.await(
                java.time.Duration.ofSeconds(30),
                () -> wms.count("select count(*) from stock_change where " + "store_id = " + storeId
                                + " and state = 'FAILED' and reason like '%beyond what Shopify applies%'")
                        == 1,
                "the shirt's change parked with the reason",
                () -> "");
        assertEquals(shirtBefore, shop.quantity("R-SHIRT", main, "available"), "nothing Shopify refuses was sent");
        assertEquals(
                0L,
                wms.count("select count(*) from stock_push where store_id = " + storeId + " and state = 'FAILED'"),
                "no push failed");
    }

    // --- helpers

    static JsonStructure shipment(int n) {
        return parse("{\"shipmentId\":\"" + run + "-S-" + n + "\",\"orderId\":" + orderId + ",\"carrier\":\"UPS\","
                + "\"shippedAt\":\"2026-11-27T10:00:00Z\",\"parcels\":[{\"trackingNumber\":\"1Z" + n + "\","
                + "\"trackingUrl\":\"https://t.example/" + n + "\"}],\"lines\":[{\"product\":\"W-R-SHIRT\","
                + "\"quantity\":1}]}");
    }

    /** The JSON pointer of every object member, at any depth. */
    static List<String> members(JsonValue value, String at) {
        List<String> pointers = new ArrayList<>();
        if (value instanceof JsonObject object) {
            for (Map.Entry<String, JsonValue> member : object.entrySet()) {
                String pointer = at + "/" + member.getKey();
                pointers.add(pointer);
                pointers.addAll(members(member.getValue(), pointer));
            }
        } else if (value instanceof JsonArray array) {
            for (int i = 0; i < array.size(); i++) {
                pointers.addAll(members(array.get(i), at + "/" + i));
            }
        }
        return pointers;
    }

    /** The pointers of the members that hold a number. */
    static List<String> numbers(JsonStructure body, String at) {
        return members(body, at).stream()
                .filter(p -> Json.createPointer(p).getValue(body) instanceof JsonNumber)
                .toList();
    }

    /** The field as the API names it in its errors: {@code /0/delta} is {@code [0].delta}. */
    static String field(String pointer) {
        StringBuilder field = new StringBuilder();
        for (String token : pointer.substring(1).split("/")) {
            if (token.matches("[0-9]+")) {
                field.append('[').append(token).append(']');
            } else {
                field.append(field.length() == 0 ? "" : ".").append(token);
            }
        }
        return field.toString();
    }

    static List<String> fields(HttpResponse<String> answer) {
        JsonObject problem = json(answer);
        return problem.containsKey("errors")
                ? problem.getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .toList()
                : List.of();
    }

    static JsonStructure parse(String json) {
        return Json.createReader(new StringReader(json)).read();
    }

    static JsonValue parseValue(String json) {
        return Json.createReader(new StringReader("[" + json + "]")).readArray().get(0);
    }
}
