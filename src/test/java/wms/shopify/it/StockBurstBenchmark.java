package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.InventoryItem;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Product;
import wms.shopify.sandbox.ProductVariant;
import wms.shopify.sandbox.Shop;

/**
 * Issue #20's P1, P1b and P7 benchmark, not part of the default run (its name does not end in IT): a recount of
 * {@code bench.skus} SKUs (100 000) at one warehouse, sent as calls of 1000 movements from 4 concurrent clients,
 * to {@code bench.stores} stores (1; P7: 20 stores of 10 000 SKUs each, all selling the warehouse) on the Standard
 * plan ({@code -Dbench.plan=plus}: P1b). Prints the intake rate, the time until every quantity is right on Shopify
 * after the first and after the last call, and per store the budget floor computed in the same run ((points spent
 * beyond one full bucket) ÷ restore rate), the target (the later of 2 s after the last call and 1.2 × floor + 2 s
 * after the first), the mutations, quantities per mutation and THROTTLED answers, and the CPU of the connector, its
 * PostgreSQL and the test JVM. Asserts only that every quantity is right, never a time.
 *
 * <p>Switches: {@code -Dbench.skus=10000} (the size), {@code -Dbench.stores=20}, {@code -Dbench.plan=plus},
 * {@code -Dbench.pushesInFlight=1} (the connector's {@code STOCK_PUSHES_IN_FLIGHT}, to compare with pushes one at a
 * time). It also prints the {@code inventory_levels/update} echoes Shopify delivered (none: the connector does not
 * subscribe to them).
 *
 * <pre>DB_PORT=15515 ./mvnw verify -Dit.http.port=9185 -Dit.https.port=9485 -Dit.db.port=15515 -Dit.test=StockBurstBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dbench.skus=100000</pre>
 */
class StockBurstBenchmark {

    private static final int SKUS = Integer.getInteger("bench.skus", 100_000);
    private static final int STORES = Integer.getInteger("bench.stores", 1);
    private static final Plan PLAN =
            "plus".equalsIgnoreCase(System.getProperty("bench.plan")) ? Plan.PLUS : Plan.STANDARD;
    private static final String IN_FLIGHT = System.getProperty("bench.pushesInFlight");
    private static final int CALL = 1000;
    private static final int CLIENTS = 4;
    private static final int VARIANTS_PER_PRODUCT = 100;
    private static final String WAREHOUSE = "BURST-WH";

    @Test
    void recountOfEverySkuAtOneWarehouse() throws Exception {
        List<String> environment =
                new ArrayList<>(List.of("PRODUCT_SYNC_BULK_FROM_VARIANTS=0", "STOCK_RECONCILE_MINUTES=0"));
        if (IN_FLIGHT != null) {
            environment.add("STOCK_PUSHES_IN_FLIGHT=" + IN_FLIGHT);
        }
        SandboxConnector connector = SandboxConnector.get(environment);
        WmsFixture fixture = new WmsFixture(connector, "stock-burst");

        // Set-up: the catalog registered in calls of 5000, each store's variants mapped by one Sync Products (a Bulk
        // Operation), on Plus so that the sync does not wait minutes for Standard budget.
        long setUp = System.nanoTime();
        List<String> skus = new ArrayList<>(SKUS);
        for (int i = 0; i < SKUS; i++) {
            skus.add("BK-" + i);
        }
        fixture.registerProducts(skus);
        List<Store> stores = new ArrayList<>();
        for (int s = 0; s < STORES; s++) {
            Shop shop = connector.sandbox().createShop("burst-" + s + ".myshopify.com", Plan.PLUS);
            Location location = shop.addLocation("Burst warehouse");
            List<InventoryItem> items = new ArrayList<>(SKUS);
            for (int from = 0; from < SKUS; from += VARIANTS_PER_PRODUCT) {
                Product product = shop.addProduct(
                        "Burst " + from,
                        skus.subList(from, Math.min(SKUS, from + VARIANTS_PER_PRODUCT))
                                .toArray(String[]::new));
                for (ProductVariant variant : product.variants()) {
                    shop.stock(variant.inventoryItem(), location, 0);
                    items.add(variant.inventoryItem());
                }
            }
            long storeId = fixture.install(shop, location, WAREHOUSE);
            assertEquals("succeeded", fixture.syncProducts(shop.domain()).getString("state"));
            fixture.stockSync(storeId, "DELTA", 30);
            stores.add(new Store(shop, location, items));
        }
        for (Store store : stores) {
            store.shop().plan(PLAN); // a full bucket of the plan, as in a quiet store
            store.shop().journal().clear();
        }
        System.out.printf(
                "%nStock burst: %d SKUs, %d store(s) on %s, calls of %d from %d clients, pushes in flight %s, "
                        + "set-up %.1f s; load average %s%n",
                SKUS,
                STORES,
                PLAN,
                CALL,
                CLIENTS,
                IN_FLIGHT == null ? "default" : IN_FLIGHT,
                (System.nanoTime() - setUp) / 1e9,
                ProcessCpu.loadAverage());

        // The calls' bodies are built before the clock starts.
        List<String> calls = new ArrayList<>();
        long run = System.currentTimeMillis();
        for (int from = 0; from < SKUS; from += CALL) {
            JsonArrayBuilder body = Json.createArrayBuilder();
            for (int i = from; i < Math.min(SKUS, from + CALL); i++) {
                body.add(movement("BURST-" + run + "-" + i, "receiving", skus.get(i), WAREHOUSE, 5, 5));
            }
            calls.add(body.build().toString());
        }
        ProcessCpu cpuBefore = ProcessCpu.of(connector);
        long first = System.nanoTime();
        List<Long> answered = Collections.synchronizedList(new ArrayList<>());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (String call : calls) {
                sent.add(clients.submit(() -> {
                    long start = System.nanoTime();
                    HttpResponse<String> answer = fixture.api("POST", "/api/v1/stock-movements", call);
                    long end = System.nanoTime();
                    assertEquals(200, answer.statusCode(), answer.body());
                    answered.add(end);
                    latencies.add(end - start);
                    return null;
                }));
            }
            for (Future<?> call : sent) {
                call.get();
            }
        } finally {
            clients.shutdown();
        }
        long last = Collections.max(answered);
        ProcessCpu intakeCpu = ProcessCpu.of(connector).minus(cpuBefore);
        double intake = (last - first) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);

        // Until every quantity is right on each store: the items are checked in order, each once it is right.
        List<Double> rightAfter = new ArrayList<>();
        for (Store store : stores) {
            Deque<InventoryItem> remaining = new ArrayDeque<>(store.items());
            WmsFixture.await(
                    Duration.ofMinutes(20),
                    () -> {
                        synchronized (store.shop()) {
                            while (!remaining.isEmpty()
                                    && remaining
                                                    .peekFirst()
                                                    .inventoryLevel(store.location())
                                                    .quantity("available")
                                            == 5) {
                                remaining.pollFirst();
                            }
                        }
                        return remaining.isEmpty();
                    },
                    "every quantity of " + store.shop().domain() + " on Shopify");
            rightAfter.add((System.nanoTime() - first) / 1e9);
        }
        ProcessCpu cpu = ProcessCpu.of(connector).minus(cpuBefore);
        double lastCall = (last - first) / 1e9;
        System.out.printf(
                "  intake: %d movements in %.1f s, %.0f movements/s; call answer p50 %.0f ms, p95 %.0f ms, max %.0f ms; "
                        + "CPU connector %.1f s, PostgreSQL %.1f s, test JVM %.1f s (%.2f / %.2f ms per movement)%n",
                SKUS,
                intake,
                SKUS / intake,
                sorted.get(sorted.size() / 2) / 1e6,
                sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1) / 1e6,
                sorted.get(sorted.size() - 1) / 1e6,
                intakeCpu.connector() / 1000,
                intakeCpu.database() / 1000,
                intakeCpu.tests() / 1000,
                intakeCpu.connector() / SKUS,
                intakeCpu.database() / SKUS);
        for (int s = 0; s < stores.size(); s++) {
            Store store = stores.get(s);
            Journal journal = store.shop().journal();
            List<Journal.Mutation> applied = journal.applied("inventoryAdjustQuantities");
            long points = journal.requests().stream()
                    .filter(r -> "InventoryAdjust".equals(r.operationName()))
                    .filter(r -> r.actualQueryCost() != null)
                    .mapToLong(Journal.Request::actualQueryCost)
                    .sum();
            long throttled = journal.requests().stream()
                    .filter(r -> "THROTTLED".equals(r.errorCode()))
                    .count();
            double floor = Math.max(0, (points - PLAN.maximumAvailable()) / PLAN.restoreRate());
            double target = Math.max(lastCall + 2, 1.2 * floor + 2);
            double done = rightAfter.get(s);
            System.out.printf(
                    "  %s: every quantity right %.1f s after the first call, %.1f s after the last; budget floor "
                            + "%.1f s (%d points, bucket %.0f, %.0f points/s), target %.1f s after the first call: %s; "
                            + "%d mutations, %.1f quantities each (largest %d), %d THROTTLED; %d echoes delivered%n",
                    store.shop().domain(),
                    done,
                    done - lastCall,
                    floor,
                    points,
                    PLAN.maximumAvailable(),
                    PLAN.restoreRate(),
                    target,
                    done <= target ? "met" : String.format("missed by %.1f s", done - target),
                    applied.size(),
                    applied.isEmpty() ? 0.0 : (double) SKUS / applied.size(),
                    journal.largestInputArray(),
                    throttled,
                    journal.webhooks("inventory_levels/update").size());
        }
        System.out.printf(
                "  until all right: CPU connector %.1f s, PostgreSQL %.1f s, test JVM %.1f s; load average %s%n",
                cpu.connector() / 1000, cpu.database() / 1000, cpu.tests() / 1000, ProcessCpu.loadAverage());
        for (Store store : stores) {
            for (InventoryItem item : store.items()) {
                assertEquals(5, item.inventoryLevel(store.location()).quantity("available"), item.sku());
            }
        }
    }

    /** A sandbox store of the burst, its mapped location and its items in the order the movements are sent. */
    private record Store(Shop shop, Location location, List<InventoryItem> items) {}
}
