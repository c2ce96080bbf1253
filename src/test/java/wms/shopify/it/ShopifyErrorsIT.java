package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.movement;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import wms.shopify.sandbox.ErrorAnswers;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * The connector meeting each failure Shopify answers with HTTP 200, and the idempotency answers of an
 * {@code @idempotent} mutation, from the sandbox: a stock push meeting a transient code (THROTTLED,
 * INTERNAL_SERVER_ERROR, TIMEOUT, partial data) lands exactly once, every attempt under the same idempotency key; a
 * permanent one (MAX_COST_EXCEEDED, ACCESS_DENIED) parks the push with Shopify's message and writes nothing; a key
 * still in flight (IDEMPOTENCY_CONCURRENT_REQUEST) is retried under the same key and replayed, a key whose first
 * attempt failed (IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED) is given up for a new one, each without a double write; an
 * order read meeting INTERNAL_SERVER_ERROR and partial data is retried and imported whole, never marked refused; a
 * shipment meeting INTERNAL_SERVER_ERROR becomes exactly one fulfillment. Each test has its own products or order.
 */
class ShopifyErrorsIT {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String STOCK = "errors-stock.myshopify.com";
    private static final String REFUSED = "errors-refused.myshopify.com";
    private static final String ORDERS = "errors-orders.myshopify.com";
    private static final String WAREHOUSE = "WH-ERRORS";
    private static final List<String> STOCK_SKUS = List.of(
            "E-THROTTLED",
            "E-INTERNAL_SERVER_ERROR",
            "E-TIMEOUT",
            "E-PARTIAL_DATA",
            "E-CONCURRENT",
            "E-FAILED-ATTEMPT");
    private static final List<String> REFUSED_SKUS = List.of("R-MAX_COST_EXCEEDED", "R-ACCESS_DENIED");

    static SandboxConnector connector;
    static WmsFixture wms;
    static Shop stock;
    static Shop refused;
    static Shop orders;
    static long refusedStore;

    @BeforeAll
    static void storesOfTheirOwn() throws Exception {
        connector = SandboxConnector.get(List.of(
                "STOCK_MAX_ATTEMPTS=5",
                "STOCK_RECONCILE_MINUTES=0",
                "ORDER_SWEEP_INTERVAL_SECONDS=0",
                "SHOPIFY_REQUEST_TIMEOUT_SECONDS=3",
                "SHIPPING_MAX_ATTEMPTS=8",
                "SHIPPING_RETRY_BASE_SECONDS=1",
                "SHIPPING_RETRY_MAX_SECONDS=2",
                "SHIPPING_SWEEP_SECONDS=2",
                "SHIPPING_BREAKER_FAILURES=50"));
        wms = new WmsFixture(connector, "shopify-errors-it");
        stock = WmsFixture.stockedShop(connector, STOCK, "Errors stock", 10, "Stock", STOCK_SKUS.get(0));
        refused = WmsFixture.stockedShop(connector, REFUSED, "Errors refused", 10, "Refused", REFUSED_SKUS.get(0));
        for (String sku : STOCK_SKUS.subList(1, STOCK_SKUS.size())) {
            stock.addProduct(sku, sku);
            stock.stock(sku, stock.location("Errors stock"), 10);
        }
        refused.addProduct(REFUSED_SKUS.get(1), REFUSED_SKUS.get(1));
        refused.stock(REFUSED_SKUS.get(1), refused.location("Errors refused"), 10);
        long stockStore = wms.install(stock, stock.location("Errors stock"), WAREHOUSE);
        refusedStore = wms.install(refused, refused.location("Errors refused"), WAREHOUSE);
        wms.registerProducts(
                List.of(STOCK_SKUS, REFUSED_SKUS).stream().flatMap(List::stream).toList());
        wms.syncProducts(STOCK);
        wms.syncProducts(REFUSED);
        wms.stockSync(stockStore, "DELTA", 1);
        wms.stockSync(refusedStore, "DELTA", 1);

        orders = WmsFixture.stockedShop(connector, ORDERS, "Errors orders", 500, "Shirt", "O-SHIRT", "Mug", "O-MUG");
        wms.installForOrders(orders, orders.location("Errors orders"), "WH-ERRORS-ORDERS", null);
        wms.catalog(ORDERS, "W-O-SHIRT", "O-SHIRT", "W-O-MUG", "O-MUG");
    }

    @AfterEach
    void healthyShopify() {
        stock.faults().none();
        refused.faults().none();
        orders.faults().none();
    }

    @ParameterizedTest
    @EnumSource(
            value = ErrorAnswers.Kind.class,
            names = {"THROTTLED", "INTERNAL_SERVER_ERROR", "TIMEOUT", "PARTIAL_DATA"})
    void aStockPushMeetingATransientCodeLandsOnceUnderOneKey(ErrorAnswers.Kind kind) throws Exception {
        String sku = "E-" + kind.name();
        String counted = kind == ErrorAnswers.Kind.PARTIAL_DATA ? "INTERNAL_SERVER_ERROR" : kind.name();
        double countedBefore = transientAnswers(counted);
        stock.faults().errorAnswers(kind, 2, "InventoryAdjust");
        send(sku, 4, 14);
        awaitAvailable(stock, sku, 14);
        // Partial data writes before it fails: the push is over once an attempt is answered in full.
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> requestsFor(stock, sku).stream().anyMatch(r -> r.status() == 200 && r.errorCode() == null),
                "an attempt answered in full");

        List<Journal.Request> sent = requestsFor(stock, sku);
        assertEquals(
                2,
                sent.stream().filter(r -> kind.name().equals(r.errorCode())).count(),
                "both injected answers met: " + codes(sent));
        assertEquals(1, keysOf(sent).size(), "every attempt under the same idempotency key: " + keysOf(sent));
        assertEquals(1, appliedFor(stock, sku), "written exactly once");
        assertTrue(transientAnswers(counted) >= countedBefore + 2, "both counted on shopify_transient_answers");
        Thread.sleep(1500); // a second write would come within the 1 s coalescing window
        assertEquals(14, available(stock, sku));
    }

    @ParameterizedTest
    @EnumSource(
            value = ErrorAnswers.Kind.class,
            names = {"MAX_COST_EXCEEDED", "ACCESS_DENIED"})
    void aStockPushMeetingAPermanentCodeIsParkedWithShopifysMessage(ErrorAnswers.Kind kind) throws Exception {
        String sku = "R-" + kind.name();
        if (kind == ErrorAnswers.Kind.ACCESS_DENIED) {
            refused.faults().accessDenied("write_inventory", 1, "InventoryAdjust");
        } else {
            refused.faults().errorAnswers(kind, 1, "InventoryAdjust");
        }
        long parkedBefore = parked();
        send(sku, 3, 13);
        WmsFixture.await(Duration.ofSeconds(60), () -> parked() > parkedBefore, "the push parked as FAILED");
        String reason = wms.text(
                "select reason from stock_push where state = 'FAILED' and store_id = " + refusedStore
                        + " and reason like ? order by id desc limit 1",
                "%(" + kind.name() + ")%");
        String shopifyWords = kind == ErrorAnswers.Kind.ACCESS_DENIED
                ? "Access denied for inventoryAdjustQuantities field. Required access: `write_inventory` access scope."
                : "Query cost is 1001, which exceeds the single query max cost limit (1000).";
        assertTrue(reason != null && reason.contains(shopifyWords), "Shopify's words kept: " + reason);
        List<Journal.Request> sent = requestsFor(refused, sku);
        assertEquals(1, sent.size(), "not retried: " + codes(sent));
        assertEquals(0, appliedFor(refused, sku));
        assertEquals(10, available(refused, sku), "nothing written");
    }

    @Test
    void aKeyStillInFlightIsRetriedUnderTheSameKeyAndReplayedNotWrittenTwice() throws Exception {
        String sku = "E-CONCURRENT";
        // The write is applied, its answer held back 6 s: longer than the connector's 3 s request timeout.
        stock.faults().answerDelayAfterWrite(Duration.ofSeconds(6), 1);
        send(sku, 5, 15);
        awaitAvailable(stock, sku, 15);
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> mutationsFor(stock, sku).stream().anyMatch(m -> m.outcome() == Journal.Outcome.REPLAYED),
                "the held write replayed to the connector");

        List<Journal.Mutation> mutations = mutationsFor(stock, sku);
        assertTrue(
                mutations.stream().anyMatch(m -> m.errors().contains("IDEMPOTENCY_CONCURRENT_REQUEST")),
                "Shopify answered IDEMPOTENCY_CONCURRENT_REQUEST meanwhile: " + mutations);
        assertEquals(
                1,
                mutations.stream()
                        .map(Journal.Mutation::idempotencyKey)
                        .distinct()
                        .count(),
                "one key throughout");
        assertEquals(1, appliedFor(stock, sku), "written exactly once");
        assertEquals(15, available(stock, sku));
    }

    @Test
    void aKeyWhoseFirstAttemptFailedIsGivenUpForANewOneAndTheChangeLandsOnce() throws Exception {
        String sku = "E-FAILED-ATTEMPT";
        stock.faults().failMutationAttempts(1);
        send(sku, 6, 16);
        awaitAvailable(stock, sku, 16);

        List<Journal.Mutation> mutations = mutationsFor(stock, sku);
        assertTrue(
                mutations.stream().anyMatch(m -> m.errors().contains("INTERNAL_SERVER_ERROR")), mutations.toString());
        assertTrue(
                mutations.stream().anyMatch(m -> m.errors().contains("IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED")),
                "the first key retried once and found spent: " + mutations);
        String spent = mutations.get(0).idempotencyKey();
        Journal.Mutation applied = mutations.stream()
                .filter(m -> m.outcome() == Journal.Outcome.APPLIED)
                .reduce((a, b) -> {
                    throw new AssertionError("applied twice: " + mutations);
                })
                .orElseThrow();
        assertFalse(spent.equals(applied.idempotencyKey()), "written under a new key");
        Thread.sleep(1500);
        assertEquals(16, available(stock, sku));
    }

    @Test
    void anOrderReadMeetingInternalErrorsAndPartialDataIsRetriedAndImportedWholeNeverRefused() throws Exception {
        orders.faults()
                .errorAnswers(ErrorAnswers.Kind.INTERNAL_SERVER_ERROR, 3, "Order")
                .errorAnswers(ErrorAnswers.Kind.PARTIAL_DATA, 3, "Order");
        var order = orders.placeOrder(orders.location("Errors orders"), true, Map.of("O-SHIRT", 2, "O-MUG", 1));
        JsonObject[] entry = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> (entry[0] = wms.orderEntry(order.id())) != null,
                "order " + order.id() + " in the feed",
                () -> "; deliveries: " + deliveryNotes());
        assertEquals(Map.of("W-O-MUG", 1, "W-O-SHIRT", 2), WmsFixture.quantities(entry[0]), "the whole order");
        List<Journal.Request> reads = orders.journal().requests().stream()
                .filter(r -> "Order".equals(r.operationName()))
                .toList();
        assertEquals(
                3,
                reads.stream()
                        .filter(r -> "INTERNAL_SERVER_ERROR".equals(r.errorCode()))
                        .count());
        assertEquals(
                3,
                reads.stream().filter(r -> "PARTIAL_DATA".equals(r.errorCode())).count());
        assertEquals(
                0,
                wms.count("select count(*) from webhook_delivery d join store s on s.id = d.store_id where "
                        + "s.domain = '" + ORDERS + "' and d.outcome_note like '%refused%'"),
                "no delivery marked refused: " + deliveryNotes());
    }

    @Test
    void aShipmentMeetingAnInternalErrorBecomesExactlyOneFulfillment() throws Exception {
        var order = orders.placeOrder(orders.location("Errors orders"), true, Map.of("O-MUG", 2));
        long orderId = wms.acceptedOrder(order.id());
        orders.faults().errorAnswers(ErrorAnswers.Kind.INTERNAL_SERVER_ERROR, 1, "FulfillmentCreate");
        String body = Json.createObjectBuilder()
                .add("shipmentId", "ERR-SHIP-1")
                .add("orderId", orderId)
                .add("shippedAt", Instant.parse("2026-11-27T10:00:00Z").toString())
                .add(
                        "lines",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("product", "W-O-MUG")
                                        .add("quantity", 2)))
                .add(
                        "parcels",
                        Json.createArrayBuilder().add(Json.createObjectBuilder().add("trackingNumber", "ERR-1")))
                .build()
                .toString();
        HttpResponse<String> shipped = wms.api("POST", "/api/v1/shipments", body);
        assertEquals(202, shipped.statusCode(), shipped.body());
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> {
                    HttpResponse<String> response = wms.api("GET", "/api/v1/shipments/ERR-SHIP-1", null);
                    found[0] = response.statusCode() == 200 ? WmsFixture.json(response) : null;
                    assertFalse(
                            found[0] != null && "FAILED".equals(found[0].getString("state")), "parked: " + found[0]);
                    return found[0] != null && "FULFILLED".equals(found[0].getString("state"));
                },
                "shipment ERR-SHIP-1 fulfilled",
                () -> "");
        assertTrue(found[0].getInt("attempts") >= 2, "the first attempt met the error: " + found[0]);
        assertEquals(1, order.fulfillments().size(), "exactly one fulfillment");
        assertTrue(
                orders.journal().requests().stream()
                        .anyMatch(r -> "FulfillmentCreate".equals(r.operationName())
                                && "INTERNAL_SERVER_ERROR".equals(r.errorCode())),
                "the injected answer was met");
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private static void send(String sku, int delta, int after) throws Exception {
        HttpResponse<String> sent =
                wms.send(movement("M-" + sku + "-" + System.nanoTime(), "receiving", sku, WAREHOUSE, delta, after));
        assertEquals(200, sent.statusCode(), sent.body());
    }

    /** The connector's count of transient answers with this code (0 before the first). */
    private static double transientAnswers(String code) throws Exception {
        Matcher value = Pattern.compile(
                        "shopify_transient_answers_total\\{[^}]*code=\"" + code + "\"[^}]*\\}\\s+([0-9.E]+)")
                .matcher(connector.metrics("application"));
        return value.find() ? Double.parseDouble(value.group(1)) : 0;
    }

    private static long parked() {
        try {
            return wms.count("select count(*) from stock_push where state = 'FAILED' and store_id = " + refusedStore);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static void awaitAvailable(Shop shop, String sku, int expected) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> available(shop, sku) == expected,
                sku + " at " + expected + " on " + shop.domain(),
                () -> "; requests: " + codes(requestsFor(shop, sku)));
    }

    private static int available(Shop shop, String sku) {
        Location location = shop.locations().get(0);
        return shop.quantity(sku, location, "available");
    }

    /** The stock mutations the connector sent for the item (any answer), in order. */
    private static List<Journal.Request> requestsFor(Shop shop, String sku) {
        String item = shop.item(sku).id();
        return shop.journal().requests().stream()
                .filter(r -> "InventoryAdjust".equals(r.operationName())
                        && r.body() != null
                        && r.body().contains(item))
                .toList();
    }

    private static List<Journal.Mutation> mutationsFor(Shop shop, String sku) {
        String item = shop.item(sku).id();
        return shop.journal().mutations("inventoryAdjustQuantities").stream()
                .filter(m -> String.valueOf(m.arguments()).contains(item))
                .toList();
    }

    private static long appliedFor(Shop shop, String sku) {
        return mutationsFor(shop, sku).stream()
                .filter(m -> m.outcome() == Journal.Outcome.APPLIED)
                .count();
    }

    private static Set<String> keysOf(List<Journal.Request> requests) {
        return requests.stream()
                .map(r -> {
                    try {
                        JsonNode body = JSON.readTree(r.body());
                        return body.at("/variables/idempotencyKey").asText();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .collect(Collectors.toSet());
    }

    private static String codes(List<Journal.Request> requests) {
        return requests.stream()
                .map(r -> r.status() + " " + r.errorCode())
                .toList()
                .toString();
    }

    private static String deliveryNotes() {
        try (var db = connector.jdbc();
                var rows = db.createStatement()
                        .executeQuery("select d.topic, d.outcome, "
                                + "d.outcome_note from webhook_delivery d join store s on s.id = d.store_id where s.domain = '"
                                + ORDERS + "' order by d.id")) {
            StringBuilder text = new StringBuilder();
            while (rows.next()) {
                text.append(rows.getString(1))
                        .append(' ')
                        .append(rows.getString(2))
                        .append(": ")
                        .append(rows.getString(3))
                        .append(" | ");
            }
            return text.toString();
        } catch (Exception e) {
            return e.toString();
        }
    }
}
