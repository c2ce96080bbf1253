package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static wms.shopify.it.WmsFixture.movement;

import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * Sales on Shopify racing WMS receipts of the same product, in both stock sync modes: once the traffic has settled,
 * Shopify's "available" is exactly the WMS's sellable quantity less the units of the orders the WMS has not taken on
 * yet (all orders here stay unacknowledged in the feed), and it never exceeds that at any moment (no oversell).
 *
 * <p>The first test is issue #18's report as a merchant met it (Absolute mode, 20 sales each paired with a receipt).
 * The second runs seeded random rounds: random numbers and timings of sales and receipts, and webhooks delivered late,
 * out of order and twice (the sandbox's faults), so that writes race sales and compare-and-set refuses stale ones.
 * The seed is printed, and named in every failure; {@code -Dit.stock.race.seed=N} replays its choices. The random
 * rounds run in both modes with the availability rules off and on (two more stores with a store-wide buffer of
 * {@value #BUFFER}, where Shopify must settle at the sellable quantity less the orders and the buffer).
 */
class StockRaceIT {

    private static final int START = 30;
    private static final int ROUNDS = Integer.getInteger("it.stock.race.rounds", 10);
    private static final long SEED = Long.getLong("it.stock.race.seed", System.nanoTime());

    static WmsFixture fixture;
    static Racer absolute;
    static Racer delta;
    static Racer merchant;
    static Racer absoluteBuffered;
    static Racer deltaBuffered;

    /** The buffer of the stores that race with an availability rule on (issue #18: rules switched on and off). */
    private static final int BUFFER = 3;

    @BeforeAll
    static void twoStoresOneInEachMode() throws Exception {
        SandboxConnector connector =
                SandboxConnector.get(List.of("STOCK_RECONCILE_MINUTES=0", "ORDER_SWEEP_INTERVAL_SECONDS=0"));
        fixture = new WmsFixture(connector, "stock-race-it");
        System.out.println("StockRaceIT seed: " + SEED + " (replay with -Dit.stock.race.seed=" + SEED + ")");
        absolute = new Racer(connector, "ABSOLUTE", "stock-race-absolute.myshopify.com", "RACE-A", ROUNDS, 2, 0);
        delta = new Racer(connector, "DELTA", "stock-race-delta.myshopify.com", "RACE-D", ROUNDS, 2, 0);
        absoluteBuffered = new Racer(
                connector, "ABSOLUTE", "stock-race-absolute-buffer.myshopify.com", "RACE-AB", ROUNDS, 2, BUFFER);
        deltaBuffered =
                new Racer(connector, "DELTA", "stock-race-delta-buffer.myshopify.com", "RACE-DB", ROUNDS, 2, BUFFER);
        // As a new user runs it: the default coalescing window.
        merchant = new Racer(connector, "ABSOLUTE", "stock-race-merchant.myshopify.com", "RACE-M", 1, 30, 0);
    }

    /**
     * Issue #18: 20 single-unit sales, each at about the same moment as a receipt of one unit, pairs 0.3 to 1.1 s
     * apart. Before the fix the demand of an order that arrived while a write or a read of the level was under way
     * was forgotten, its sale later counted a second time as an unexplained drop: Shopify settled at 13, not 30.
     */
    @Test
    void absoluteModeSettlesAtSellableLessDemandWhenSalesRaceReceipts() throws Exception {
        Random random = new Random(SEED);
        String sku = merchant.skus.get(0);
        List<Event> events = new ArrayList<>();
        long at = 0;
        for (int pair = 0; pair < 20; pair++) {
            at += 300 + random.nextInt(801);
            long other = at + random.nextInt(101) - 50;
            events.add(new Event(at, true, 1));
            events.add(new Event(Math.max(0, other), false, 1));
        }
        // A round trip to Shopify never the same twice, and inventory writes answered slowly (1.5 s after Shopify
        // applied them, as under load): a sale lands while a write or a read is on its way back, and its order, read
        // by a quicker call, reaches the connector first.
        merchant.shop
                .faults()
                .latency(Duration.ofMillis(50))
                .returnLatency(Duration.ofMillis(800))
                .answerDelayAfterWrite(Duration.ofMillis(1500), 1000);
        try {
            merchant.round(sku, events, "issue #18 (seed " + SEED + ")");
        } finally {
            merchant.shop.faults().none();
        }
    }

    /**
     * Seeded random rounds in both modes (the two stores' rounds side by side), with an ordinary round trip to
     * Shopify and webhooks late, reordered and duplicated. Every choice is drawn from the seed before a round starts.
     */
    @Test
    void randomRacesSettleExactlyInBothModes() throws Exception {
        Random random = new Random(SEED);
        List<Racer> racers = List.of(absolute, delta, absoluteBuffered, deltaBuffered);
        ExecutorService modes = Executors.newFixedThreadPool(racers.size());
        try {
            for (int round = 0; round < ROUNDS; round++) {
                List<Future<?>> running = new ArrayList<>();
                for (Racer racer : racers) {
                    racer.shop
                            .faults()
                            .none()
                            .webhookDuplicateShare(List.of(0.0, 0.3, 0.6).get(random.nextInt(3)))
                            .webhookDelay(Duration.ofMillis(random.nextInt(400)))
                            .webhookReorderWindow(
                                    Duration.ofMillis(List.of(0, 800, 2000).get(random.nextInt(3))))
                            .latency(Duration.ofMillis(random.nextInt(150)))
                            .returnLatency(Duration.ofMillis(random.nextInt(800)))
                            .answerDelayAfterWrite(Duration.ofMillis(random.nextInt(1500)), 1000);
                    int sales = 3 + random.nextInt(8);
                    int receipts = 3 + random.nextInt(8);
                    int spread = 500 + random.nextInt(2500);
                    List<Event> events = new ArrayList<>();
                    // Half the rounds pair each sale with a receipt of one unit at about the same moment (the
                    // issue's pattern: the target stays put while Shopify drops), the others mix them freely.
                    boolean paired = random.nextBoolean();
                    for (int i = 0; i < sales; i++) {
                        int at = random.nextInt(spread);
                        events.add(new Event(at, true, 1));
                        if (paired) {
                            events.add(new Event(Math.max(0, at + random.nextInt(101) - 50), false, 1));
                        }
                    }
                    for (int i = 0; i < receipts; i++) {
                        events.add(new Event(random.nextInt(spread), false, 1 + random.nextInt(2)));
                    }
                    String sku = racer.skus.get(round);
                    String what = racer.mode + (racer.buffer > 0 ? " with a buffer of " + racer.buffer : "")
                            + " round " + round + " (seed " + SEED + ", " + sales + " sales, "
                            + receipts + " receipts" + (paired ? ", and one paired with each sale," : "") + " over "
                            + spread + " ms)";
                    running.add(modes.submit(() -> {
                        racer.round(sku, events, what);
                        return null;
                    }));
                }
                try {
                    for (Future<?> mode : running) {
                        mode.get();
                    }
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof AssertionError failed) {
                        throw failed;
                    }
                    throw e;
                } finally {
                    for (Racer racer : racers) {
                        racer.shop.faults().none();
                    }
                }
            }
        } finally {
            modes.shutdownNow();
        }
    }

    /** A sale (one order of {@code units}) or a WMS receipt, {@code at} ms after the round starts. */
    record Event(long at, boolean sale, int units) {}

    /** One store in one mode, with a fresh product per round, each stocked {@value #START} on both sides. */
    static final class Racer {
        final String mode;
        final Shop shop;
        final Location location;
        final String warehouse;
        final long storeId;
        final int buffer;
        final List<String> skus = new ArrayList<>();

        /** @param buffer a store-wide buffer rule, or 0 for none */
        Racer(
                SandboxConnector connector,
                String mode,
                String domain,
                String warehouse,
                int products,
                int window,
                int buffer)
                throws Exception {
            this.mode = mode;
            this.buffer = buffer;
            this.warehouse = warehouse;
            this.shop = connector.sandbox().createShop(domain, Plan.STANDARD);
            this.location = shop.addLocation("Race warehouse " + mode);
            for (int i = 0; i < products; i++) {
                String sku = warehouse + "-" + i;
                shop.addProduct("Race " + sku, sku);
                shop.stock(sku, location, START);
                skus.add(sku);
            }
            this.storeId = fixture.install(shop, location, warehouse);
            fixture.registerProducts(skus);
            fixture.syncProducts(domain);
            fixture.stockSync(storeId, mode, window);
            if (buffer > 0) {
                var saved = fixture.api(
                        "PUT",
                        "/api/v1/stores/" + domain + "/stock-rules",
                        "{\"rules\":[{\"buffer\":" + buffer + "}]}");
                assertEquals(200, saved.statusCode(), saved.body());
            }
        }

        /**
         * Runs the events (sales on one thread, receipts on another, each at its time) while a third checks that
         * Shopify never offers more than the WMS has less the sales placed, then waits for the traffic to settle
         * and checks Shopify's quantity exactly.
         */
        void round(String sku, List<Event> events, String what) throws Exception {
            // One receipt first, pushed and settled: the level is known on both sides before the race.
            long[] sellable = {START + 1};
            send(sku, sellable[0], 1);
            awaitSettled(sku, 0, what + ", before the race");
            assertEquals(START + 1 - this.buffer, available(sku), what + ": the first receipt is on Shopify");

            AtomicInteger salesPlaced = new AtomicInteger();
            AtomicInteger receivedSent = new AtomicInteger();
            List<String> oversold = Collections.synchronizedList(new ArrayList<>());
            AtomicBoolean racing = new AtomicBoolean(true);
            List<Event> sales =
                    events.stream().filter(Event::sale).sorted(byTime()).toList();
            List<Event> receipts =
                    events.stream().filter(e -> !e.sale()).sorted(byTime()).toList();
            ExecutorService threads = Executors.newFixedThreadPool(3);
            try {
                long start = System.nanoTime();
                Future<?> watch = threads.submit(() -> {
                    while (racing.get()) {
                        synchronized (shop) {
                            long shown = available(sku);
                            long may = START + 1 + receivedSent.get() - salesPlaced.get() - this.buffer;
                            if (shown > may) {
                                oversold.add("Shopify showed " + shown + " when at most " + may + " could be sold");
                            }
                        }
                        pause(5);
                    }
                    return null;
                });
                Future<?> selling = threads.submit(() -> {
                    for (Event sale : sales) {
                        waitUntil(start, sale.at());
                        synchronized (shop) {
                            shop.placeOrder(location, true, Map.of(sku, sale.units()));
                            salesPlaced.addAndGet(sale.units());
                        }
                    }
                    return null;
                });
                Future<?> receiving = threads.submit(() -> {
                    for (Event receipt : receipts) {
                        waitUntil(start, receipt.at());
                        receivedSent.addAndGet(receipt.units());
                        sellable[0] += receipt.units();
                        send(sku, sellable[0], receipt.units());
                    }
                    return null;
                });
                selling.get();
                receiving.get();
                awaitSettled(sku, salesPlaced.get(), what);
                racing.set(false);
                watch.get();
            } finally {
                racing.set(false);
                threads.shutdownNow();
            }
            long expected = Math.max(0, sellable[0] - salesPlaced.get() - this.buffer);
            assertEquals(List.of(), oversold, what + ": never more on sale than the WMS has less the sales");
            assertEquals(
                    expected,
                    available(sku),
                    what + ": WMS sellable " + sellable[0] + " less the " + salesPlaced.get()
                            + " units of unacknowledged orders"
                            + (this.buffer > 0 ? " and the buffer of " + this.buffer : "")
                            + "; the level: " + level(sku));
        }

        private void send(String sku, long sellableAfter, int units) throws Exception {
            HttpResponse<String> sent = fixture.send(movement(
                    "race-" + sku + "-" + sellableAfter + "-" + System.nanoTime(),
                    "receiving",
                    sku,
                    warehouse,
                    units,
                    sellableAfter));
            assertEquals(200, sent.statusCode(), sent.body());
        }

        /**
         * Settled: every webhook the store announced was delivered (or given up on) and processed, every order's
         * demand is known, the level has nothing pending and no write of the store is under way.
         */
        private void awaitSettled(String sku, int units, String what) throws Exception {
            String item = shop.item(sku).id();
            WmsFixture.await(
                    Duration.ofSeconds(120),
                    () -> shop.webhooksUnderWay() == 0
                            && count(
                                            "select count(*) from webhook_delivery where store_id = ? "
                                                    + "and outcome = 'RECEIVED'",
                                            item)
                                    == 0
                            && count(
                                            "select coalesce(sum(quantity), 0) from order_demand "
                                                    + "where store_id = ? and inventory_item_id = ?",
                                            item)
                                    == units
                            && count(
                                            "select count(*) from stock_change where store_id = ? "
                                                    + "and inventory_item_id = ? and state <> 'IDLE'",
                                            item)
                                    == 0
                            && count("select count(*) from stock_push where store_id = ? and state = 'SENDING'", item)
                                    == 0,
                    what + " to settle",
                    () -> " (webhooks under way " + shop.webhooksUnderWay() + "; the level: " + level(sku) + ")");
        }

        /** A count for this store; {@code ?} after the first is the inventory item when the query names it. */
        private long count(String query, String item) throws Exception {
            try (Connection db = fixture.connector.jdbc();
                    PreparedStatement statement = db.prepareStatement(query)) {
                statement.setLong(1, storeId);
                if (query.contains("inventory_item_id = ?")) {
                    statement.setString(2, item);
                }
                try (ResultSet row = statement.executeQuery()) {
                    row.next();
                    return row.getLong(1);
                }
            }
        }

        private String level(String sku) {
            try (Connection db = fixture.connector.jdbc();
                    PreparedStatement statement = db.prepareStatement("select state, sellable, shopify_known, "
                            + "unexplained, explained_ahead from stock_change where store_id = ? and "
                            + "inventory_item_id = ?")) {
                statement.setLong(1, storeId);
                statement.setString(2, shop.item(sku).id());
                try (ResultSet row = statement.executeQuery()) {
                    return row.next()
                            ? "state " + row.getString(1) + ", sellable " + row.getLong(2) + ", Shopify known "
                                    + row.getObject(3) + ", unexplained " + row.getLong(4) + ", explained ahead "
                                    + row.getLong(5) + ", Shopify now " + available(sku)
                            : "no change row";
                }
            } catch (Exception e) {
                return "unreadable: " + e;
            }
        }

        private int available(String sku) {
            return shop.quantity(sku, location, "available");
        }
    }

    private static java.util.Comparator<Event> byTime() {
        return java.util.Comparator.comparingLong(Event::at);
    }

    private static void waitUntil(long start, long atMillis) throws InterruptedException {
        long wait = atMillis - (System.nanoTime() - start) / 1_000_000;
        if (wait > 0) {
            Thread.sleep(wait);
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
