package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * R1 for orders and shipments: the connector is killed ({@code kill -9}) in the middle of a storm of orders placed on
 * the Shopify sandbox (whose webhooks the sandbox delivers and, while the connector is down, retries as Shopify does),
 * a stream of stock movements from the WMS, and a WMS that takes the orders from the feed (allocating and
 * acknowledging each, but leaving every 7th for later the first time) and reports shipments for half of them; then it
 * is started again and the WMS goes on, sending again every call it got no answer to. At the end: one WMS order per Shopify order, each delivered to the WMS and
 * never again once acknowledged; one fulfillment per shipment; every quantity on Shopify right.
 */
class OrderCrashIT {

    private static final String DOMAIN = "order-crash.myshopify.com";
    private static final String WAREHOUSE = "OC-WH";
    private static final int ORDERS = 300;
    /** Orders placed only after the restart, so that some webhooks reach the connector as it comes back. */
    private static final int AFTER_RESTART = 60;

    private static final int SKUS = 30;
    private static final int START = 1000;
    private static final Duration PATIENCE = Duration.ofMinutes(5);

    private final Random random = new Random(20261127);
    private final List<String> skus = new ArrayList<>();
    private final List<Order> placed = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> ordered = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> received = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> shippedUnits = new ConcurrentHashMap<>();
    /** The WMS's own sellable quantity per SKU. */
    private final Map<String, AtomicInteger> sellable = new ConcurrentHashMap<>();

    private final AtomicBoolean restarted = new AtomicBoolean();
    private final AtomicBoolean customersDone = new AtomicBoolean();
    private final AtomicBoolean warehouseStops = new AtomicBoolean();

    /** What the WMS saw: every sighting of an order in the feed, the connector's id for it, what it acknowledged. */
    private final Map<String, AtomicInteger> sightings = new ConcurrentHashMap<>();

    private final Map<String, Set<Long>> connectorIds = new ConcurrentHashMap<>();
    private final Set<Long> acknowledged = ConcurrentHashMap.newKeySet();
    /** Orders the WMS left unacknowledged the first time it saw them. */
    private final Map<Long, String> deferred = new ConcurrentHashMap<>();

    private final Set<String> allocated = ConcurrentHashMap.newKeySet();
    private final List<String> violations = new CopyOnWriteArrayList<>();
    /** Shipments the WMS reported (key to Shopify order id), and their units per SKU. */
    private final Map<String, String> shipments = new ConcurrentHashMap<>();

    private final AtomicLong unanswered = new AtomicLong();
    private final AtomicLong feedReads = new AtomicLong();
    private final AtomicLong movedOn = new AtomicLong();

    private WmsFixture fixture;
    private Shop shop;
    private Location location;

    @Test
    void killedMidStormOfOrdersShipmentsAndMovementsEveryOrderOnceNoFulfillmentTwiceEveryQuantityRight()
            throws Exception {
        // Shopify's retries scaled by 1/50: a webhook's 8th failed attempt comes 2.5 minutes after its first, well
        // beyond the restart, as 4 hours are beyond a real one. The sweep is off: the webhooks alone must suffice.
        SandboxConnector connector = SandboxConnector.get(
                List.of(
                        "STOCK_PUSH_LEASE_SECONDS=5",
                        "STOCK_RECONCILE_MINUTES=0",
                        "ORDER_SWEEP_INTERVAL_SECONDS=0",
                        "WEBHOOK_REQUEUE_INTERVAL_SECONDS=2",
                        "WEBHOOK_REQUEUE_AFTER_SECONDS=5",
                        "SHOPIFY_REQUEST_TIMEOUT_SECONDS=5",
                        "SHIPPING_SWEEP_SECONDS=2",
                        "SHIPPING_RETRY_BASE_SECONDS=1",
                        "SHIPPING_RETRY_MAX_SECONDS=4",
                        "SHIPPING_ATTEMPT_LEASE_SECONDS=20",
                        "SHIPPING_BREAKER_FAILURES=50"),
                0.02);
        this.fixture = new WmsFixture(connector, "order-crash-it");
        this.shop = connector.sandbox().createShop(DOMAIN, Plan.PLUS);
        this.location = this.shop.addLocation("Order crash warehouse");
        for (int i = 0; i < SKUS; i++) {
            String sku = "OC-" + i;
            this.skus.add(sku);
            this.ordered.put(sku, new AtomicInteger());
            this.received.put(sku, new AtomicInteger());
            this.shippedUnits.put(sku, new AtomicInteger());
            this.sellable.put(sku, new AtomicInteger(START));
        }
        this.shop.addProduct("Crash goods", this.skus.toArray(String[]::new));
        for (String sku : this.skus) {
            this.shop.stock(sku, this.location, START);
        }
        long store = this.fixture.install(this.shop, this.location, WAREHOUSE);
        this.fixture.registerProducts(this.skus);
        this.fixture.syncProducts(DOMAIN);
        this.fixture.stockSync(store, "DELTA", 2);

        // Slow answers keep calls in flight when the server dies; a share of writes is applied but answered 503.
        this.shop.faults().latency(Duration.ofMillis(150)).serverErrorAfterWriteShare(0.1);
        ExecutorService traffic = Executors.newFixedThreadPool(3);
        try {
            Future<?> customers = traffic.submit(() -> {
                placeOrders();
                return null;
            });
            Future<?> warehouse = traffic.submit(() -> {
                moveStock();
                return null;
            });
            Future<?> wms = traffic.submit(() -> {
                takeOrdersAndShip();
                return null;
            });

            await(
                    Duration.ofSeconds(120),
                    () -> this.placed.size() >= ORDERS / 3
                            && fulfilled() >= 3
                            && !this.shop
                                    .journal()
                                    .applied("inventoryAdjustQuantities")
                                    .isEmpty(),
                    "orders, shipments and stock pushes under way");
            connector.server().kill();
            int placedAtKill = this.placed.size();
            int fulfilledAtKill = fulfilled();
            long open = this.fixture.longValue("select count(*) from webhook_delivery where outcome = 'RECEIVED'")
                    + this.fixture.longValue("select count(*) from stock_change where state = 'PENDING'")
                    + this.fixture.longValue("select count(*) from stock_push where state = 'SENDING'")
                    + this.fixture.longValue("select count(*) from shipment where state in ('QUEUED', 'PUSHING')");
            connector.server().startAgain();
            ConnectorServer.awaitReady(connector.url());
            this.restarted.set(true);

            customers.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            try {
                wms.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            } catch (TimeoutException e) {
                throw new AssertionError("the WMS acknowledged " + this.acknowledged.size() + " of " + ORDERS
                        + " orders in " + PATIENCE.toMinutes() + " minutes; orders never in the feed: "
                        + this.placed.stream()
                                .filter(o -> !this.sightings.containsKey(o.id()))
                                .map(Order::name)
                                .toList()
                        + "; webhooks never delivered: " + undelivered().size());
            }
            this.warehouseStops.set(true);
            warehouse.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);

            assertEverythingSettled();
            this.shop.faults().none();
            Thread.sleep(3000);
            assertEveryOrderOnceInTheWms();
            assertNoFulfillmentTwice();
            assertEveryQuantityRight();
            Set<String> keys = new HashSet<>();
            for (Journal.Mutation applied : this.shop.journal().applied("inventoryAdjustQuantities")) {
                assertTrue(keys.add(applied.idempotencyKey()), "stock push applied twice: " + applied.idempotencyKey());
            }

            List<Journal.Webhook> attempts = this.shop.journal().webhooks();
            long failed = attempts.stream()
                    .filter(w -> w.outcome() == Journal.WebhookOutcome.FAILED)
                    .count();
            long retriedDelivered = attempts.stream()
                    .filter(w -> w.outcome() == Journal.WebhookOutcome.DELIVERED && w.attempt() > 1)
                    .count();
            assertTrue(open > 0, "work was left when the server died");
            assertTrue(failed > 0 && retriedDelivered > 0, "webhooks failed during the outage and were retried");
            System.out.printf(
                    "OrderCrashIT: %d orders (%d placed before the kill, %d after the restart), "
                            + "%d webhooks, %d attempts failed while down, %d delivered on a retry; WMS: %d feed reads, "
                            + "%d sightings of %d orders (%d left unacknowledged at first), %d acknowledgements refused "
                            + "as moved on, %d calls sent again; "
                            + "%d shipments (%d fulfilled before the kill, "
                            + "%d fulfillmentCreate answered 503 after the write), %d fulfillments; stock: %d movements, "
                            + "%d pushes applied, %d replays answered; %d units of work open at the kill%n",
                    this.placed.size(),
                    placedAtKill,
                    AFTER_RESTART,
                    attempts.stream().map(Journal.Webhook::webhookId).distinct().count(),
                    failed,
                    retriedDelivered,
                    this.feedReads.get(),
                    this.sightings.values().stream()
                            .mapToInt(AtomicInteger::get)
                            .sum(),
                    this.sightings.size(),
                    this.deferred.size(),
                    this.movedOn.get(),
                    this.unanswered.get(),
                    this.shipments.size(),
                    fulfilledAtKill,
                    this.shop.journal().requests().stream()
                            .filter(r -> "INJECTED_5XX_AFTER_WRITE".equals(r.errorCode())
                                    && r.body() != null
                                    && r.body().contains("fulfillmentCreate"))
                            .count(),
                    this.shop.journal().applied("fulfillmentCreate").size(),
                    this.received.values().stream().mapToInt(AtomicInteger::get).sum() + this.allocated.size(),
                    keys.size(),
                    this.shop.journal().mutations("inventoryAdjustQuantities").stream()
                            .filter(m -> m.outcome() == Journal.Outcome.REPLAYED)
                            .count(),
                    open);
        } finally {
            this.warehouseStops.set(true);
            this.customersDone.set(true);
            traffic.shutdownNow();
            this.shop.faults().none();
        }
    }

    // ---- the customers, the warehouse and the WMS ------------------------------------------------------------

    /** Customers buy 1 to 3 SKUs, 1 or 2 units each, one order every 60 ms; the last ones after the restart. */
    private void placeOrders() throws Exception {
        for (int i = 0; i < ORDERS; i++) {
            if (i == ORDERS - AFTER_RESTART) {
                await(PATIENCE, this.restarted::get, "the restart");
            }
            Map<String, Integer> lines = new LinkedHashMap<>();
            int count = 1 + this.random.nextInt(3);
            while (lines.size() < count) {
                lines.put(this.skus.get(this.random.nextInt(SKUS)), 1 + this.random.nextInt(2));
            }
            Order order = this.shop.placeOrder(this.location, true, lines);
            lines.forEach((sku, quantity) -> this.ordered.get(sku).addAndGet(quantity));
            this.placed.add(order);
            Thread.sleep(60);
        }
        this.customersDone.set(true);
    }

    /** The warehouse receives goods all the time: 10 units of random SKUs every 100 ms, each call sent until answered. */
    private void moveStock() throws Exception {
        int batch = 0;
        while (!this.warehouseStops.get()) {
            JsonArrayBuilder movements = Json.createArrayBuilder();
            for (int i = 0; i < 10; i++) {
                String sku = this.skus.get(this.random.nextInt(SKUS));
                this.received.get(sku).incrementAndGet();
                movements.add(movement(
                        "OC-RCV-" + batch + "-" + i,
                        "receiving",
                        sku,
                        WAREHOUSE,
                        1,
                        this.sellable.get(sku).incrementAndGet()));
            }
            HttpResponse<String> sent = this.fixture.apiUntilAnswered(
                    "POST", "/api/v1/stock-movements", movements.build().toString(), PATIENCE, this.unanswered);
            assertEquals(200, sent.statusCode(), sent.body());
            batch++;
            Thread.sleep(100);
        }
    }

    /**
     * The WMS reads the feed from its cursor and, at its end, from the start again; for each entry it allocates the
     * order's units (movements naming the order), acknowledges it and, for every other order, reports one shipment of
     * all its units. Every call is sent again until it is answered. It stops when every order placed is acknowledged
     * and shipped as planned.
     */
    private void takeOrdersAndShip() throws Exception {
        long cursor = 0;
        while (!(this.customersDone.get() && this.acknowledged.size() >= ORDERS)) {
            HttpResponse<String> page = this.fixture.apiUntilAnswered(
                    "GET", "/api/v1/orders/feed?after=" + cursor + "&limit=100", null, PATIENCE, this.unanswered);
            assertEquals(200, page.statusCode(), page.body());
            this.feedReads.incrementAndGet();
            JsonObject body = json(page);
            if (body.getJsonArray("entries").isEmpty()) {
                cursor = 0; // the end of the feed: read it from the start again, as the WMS guide says
                Thread.sleep(200);
                continue;
            }
            for (JsonValue value : body.getJsonArray("entries")) {
                take(value.asJsonObject());
            }
            cursor = body.getJsonNumber("cursor").longValue();
        }
    }

    private void take(JsonObject entry) throws Exception {
        String shopifyOrderId = entry.getString("shopifyOrderId");
        long orderId = entry.getJsonNumber("orderId").longValue();
        long revision = entry.getJsonNumber("revision").longValue();
        this.sightings.computeIfAbsent(shopifyOrderId, k -> new AtomicInteger()).incrementAndGet();
        this.connectorIds
                .computeIfAbsent(shopifyOrderId, k -> ConcurrentHashMap.newKeySet())
                .add(orderId);
        if (this.acknowledged.contains(orderId)) {
            this.violations.add("order " + orderId + " (" + shopifyOrderId + ") came back after its acknowledgement");
            return;
        }
        if (orderId % 7 == 0 && this.deferred.putIfAbsent(orderId, shopifyOrderId) == null) {
            return; // the WMS is not ready for this one yet: unacknowledged, it must come again
        }
        if (!"ORDER".equals(entry.getString("kind"))) {
            this.violations.add("unexpected " + entry.getString("kind") + " of " + shopifyOrderId);
            return;
        }
        Map<String, Integer> units = new TreeMap<>();
        entry.getJsonArray("lines")
                .forEach(l -> units.merge(
                        l.asJsonObject().getString("product"), l.asJsonObject().getInt("quantity"), Integer::sum));
        JsonArrayBuilder allocations = Json.createArrayBuilder();
        units.forEach((product, quantity) -> {
            String sku = product.substring("W-".length());
            String id = "OC-ALLOC-" + orderId + "-" + product;
            int after = this.allocated.add(id)
                    ? this.sellable.get(sku).addAndGet(-quantity)
                    : this.sellable.get(sku).get();
            allocations.add(movement(id, "allocation", sku, WAREHOUSE, -quantity, after)
                    .add(
                            "order",
                            Json.createObjectBuilder().add("store", DOMAIN).add("orderId", shopifyOrderId)));
        });
        HttpResponse<String> allocated = this.fixture.apiUntilAnswered(
                "POST", "/api/v1/stock-movements", allocations.build().toString(), PATIENCE, this.unanswered);
        assertEquals(200, allocated.statusCode(), allocated.body());
        HttpResponse<String> ack = this.fixture.apiUntilAnswered(
                "POST",
                "/api/v1/orders/" + orderId + "/acknowledgement",
                "{\"revision\":" + revision + "}",
                PATIENCE,
                this.unanswered);
        if (ack.statusCode() == 409) {
            this.movedOn.incrementAndGet(); // the order changed meanwhile: its newer entry is further on in the feed
            return;
        }
        assertEquals(200, ack.statusCode(), "acknowledgement of " + shopifyOrderId + ": " + ack.body());
        this.acknowledged.add(orderId);
        if (orderId % 2 == 0) {
            String key = "OC-SHP-" + orderId;
            JsonArrayBuilder lines = Json.createArrayBuilder();
            units.forEach((product, quantity) ->
                    lines.add(Json.createObjectBuilder().add("product", product).add("quantity", quantity)));
            String shipment = Json.createObjectBuilder()
                    .add("shipmentId", key)
                    .add("orderId", orderId)
                    .add("carrier", "UPS")
                    .add("shippedAt", "2026-11-27T10:00:00Z")
                    .add("lines", lines)
                    .add(
                            "parcels",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder().add("trackingNumber", "1Z" + orderId)))
                    .build()
                    .toString();
            HttpResponse<String> shipped =
                    this.fixture.apiUntilAnswered("POST", "/api/v1/shipments", shipment, PATIENCE, this.unanswered);
            assertTrue(shipped.statusCode() == 202 || shipped.statusCode() == 200, key + ": " + shipped.body());
            if (this.shipments.put(key, shopifyOrderId) == null) {
                units.forEach((product, quantity) ->
                        this.shippedUnits.get(product.substring("W-".length())).addAndGet(quantity));
            }
        }
    }

    // ---- what must hold at the end ---------------------------------------------------------------------------

    private void assertEverythingSettled() throws Exception {
        await(
                PATIENCE,
                () -> {
                    try {
                        return this.fixture.longValue("select count(*) from shipment where state <> 'FULFILLED'") == 0
                                && this.fixture.longValue("select count(*) from shipment") == this.shipments.size();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "every shipment fulfilled");
        await(
                PATIENCE,
                () -> {
                    for (String sku : this.skus) {
                        if (this.shop.quantity(sku, this.location, "available") != expectedAvailable(sku)) {
                            return false;
                        }
                    }
                    return true;
                },
                "every quantity right on Shopify");
        // Every webhook Shopify tried reached the connector in the end (none was lost for good).
        await(PATIENCE, () -> undelivered().isEmpty(), "every webhook delivered");
    }

    private void assertEveryOrderOnceInTheWms() throws Exception {
        assertEquals(List.of(), this.violations, "what the WMS saw in the feed");
        Map<String, Long> rows = new HashMap<>();
        try (Connection db = this.fixture.connector.jdbc();
                ResultSet result = db.createStatement()
                        .executeQuery(
                                "select o.shopify_order_id, count(*) from shop_order o join store s on s.id = o.store_id "
                                        + "where s.domain = '" + DOMAIN + "' group by o.shopify_order_id")) {
            while (result.next()) {
                rows.put(result.getString(1), result.getLong(2));
            }
        }
        assertEquals(ORDERS, rows.size(), "one WMS order per Shopify order, no other");
        for (Order order : this.placed) {
            assertEquals(1L, rows.get(order.id()), order.name() + ": one WMS order");
            assertTrue(this.sightings.containsKey(order.id()), order.name() + " delivered to the WMS");
            assertEquals(1, this.connectorIds.get(order.id()).size(), order.name() + ": one connector order id");
        }
        assertEquals(ORDERS, this.acknowledged.size(), "every order acknowledged");
        assertTrue(!this.deferred.isEmpty(), "some orders were left unacknowledged at first");
        this.deferred.forEach((orderId, shopifyOrderId) -> assertTrue(
                this.sightings.get(shopifyOrderId).get() >= 2, "order " + orderId + ", unacknowledged, came again"));
        JsonObject rest = json(this.fixture.feed(0, 500));
        assertEquals(0, rest.getJsonArray("entries").size(), "nothing left in the feed: " + rest);
    }

    private void assertNoFulfillmentTwice() throws Exception {
        Map<String, Long> shipmentsPerOrder = new HashMap<>();
        this.shipments.values().forEach(id -> shipmentsPerOrder.merge(id, 1L, Long::sum));
        for (Order order : this.placed) {
            long expected = shipmentsPerOrder.getOrDefault(order.id(), 0L);
            assertEquals(expected, order.fulfillments().size(), order.name() + ": one fulfillment per shipment");
        }
        assertEquals(
                this.shipments.size(),
                this.shop.journal().applied("fulfillmentCreate").size(),
                "fulfillmentCreate applied once per shipment");
    }

    private void assertEveryQuantityRight() {
        for (String sku : this.skus) {
            assertEquals(
                    expectedAvailable(sku),
                    this.shop.quantity(sku, this.location, "available"),
                    sku + ": available = start + received - ordered");
            assertEquals(
                    this.sellable.get(sku).get(),
                    this.shop.quantity(sku, this.location, "available"),
                    sku + ": Shopify sells what the WMS has unallocated");
            assertEquals(
                    this.ordered.get(sku).get() - this.shippedUnits.get(sku).get(),
                    this.shop.quantity(sku, this.location, "committed"),
                    sku + ": committed = ordered - shipped");
            assertEquals(
                    START
                            + this.received.get(sku).get()
                            - this.shippedUnits.get(sku).get(),
                    this.shop.quantity(sku, this.location, "on_hand"),
                    sku + ": on hand = start + received - shipped");
        }
    }

    private int expectedAvailable(String sku) {
        return START + this.received.get(sku).get() - this.ordered.get(sku).get();
    }

    private int fulfilled() {
        return this.shop.journal().applied("fulfillmentCreate").size();
    }

    /** Webhooks (by id) with attempts but no delivery. */
    private Set<String> undelivered() {
        Set<String> tried = new HashSet<>();
        Set<String> delivered = new HashSet<>();
        for (Journal.Webhook attempt : this.shop.journal().webhooks()) {
            tried.add(attempt.webhookId());
            if (attempt.outcome() == Journal.WebhookOutcome.DELIVERED) {
                delivered.add(attempt.webhookId());
            }
        }
        tried.removeAll(delivered);
        return tried;
    }
}
