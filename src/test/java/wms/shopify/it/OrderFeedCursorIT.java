package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * The order feed is gap-safe without a global lock: while dozens of threads bring orders in at once (the sandbox's
 * own webhooks, and each order's {@code orders/paid} and {@code orders/updated} sent again at the same time, so the
 * connector imports many orders concurrently), a WMS reads the feed by cursor in a loop, a few entries a page. It
 * must see every entry exactly once, in position order: an entry that commits after a later position was read must
 * not be skipped by the cursor.
 */
class OrderFeedCursorIT {

    private static final String DOMAIN = "feed-cursor-it.myshopify.com";
    private static final int ORDERS = 60;
    private static final int SENDERS = 32;

    @Test
    void aWmsReadingByCursorDuringConcurrentImportsSeesEveryEntryOnceInPositionOrder() throws Exception {
        SandboxConnector connector = SandboxConnector.get();
        Shop shop = WmsFixture.stockedShop(connector, DOMAIN, "Cursor main", 10_000, "Scarf", "C-SCARF");
        Location main = shop.location("Cursor main");
        WmsFixture wms = new WmsFixture(connector, "feed-cursor-it");
        wms.installForOrders(shop, main, "WH-CURSOR", "CURSOR-PARCEL");
        wms.catalog(DOMAIN, "W-SCARF", "C-SCARF");

        ExecutorService threads = Executors.newFixedThreadPool(SENDERS + 1);
        AtomicBoolean importsDone = new AtomicBoolean();
        try {
            Future<List<JsonObject>> reader = threads.submit(() -> readByCursor(wms, importsDone));
            List<Callable<String>> imports = new ArrayList<>();
            for (int i = 0; i < ORDERS; i++) {
                imports.add(() -> {
                    Order order = shop.placeOrder(main, true, Map.of("C-SCARF", 1));
                    byte[] body = ("{\"id\":" + order.legacyResourceId() + ",\"admin_graphql_api_id\":\""
                            + order.id() + "\"}").getBytes(StandardCharsets.UTF_8);
                    for (String topic : List.of("orders/paid", "orders/updated")) {
                        int status = SandboxConnector.deliverWebhook(connector.url(), DOMAIN, topic,
                                UUID.randomUUID().toString(), body).statusCode();
                        assertEquals(200, status, topic + " of " + order.id());
                    }
                    return order.id();
                });
            }
            Set<String> placed = new TreeSet<>();
            for (Future<String> done : threads.invokeAll(imports)) {
                placed.add(done.get());
            }
            WmsFixture.await(Duration.ofSeconds(180), () -> ourIds(wms.feed("orders", 100)).containsAll(placed)
                    && wms.count("select count(*) from webhook_delivery where outcome = 'RECEIVED'") == 0,
                    "all " + ORDERS + " orders in the feed and every delivery processed",
                    () -> "; in the feed: " + ourIds(wms.feed("orders", 100)).size());
            importsDone.set(true);
            List<JsonObject> seen = reader.get();

            List<Long> positions = seen.stream().map(e -> e.getJsonNumber("revision").longValue()).toList();
            for (int i = 1; i < positions.size(); i++) {
                assertTrue(positions.get(i) > positions.get(i - 1), "in position order, never one twice: "
                        + positions.get(i - 1) + " then " + positions.get(i));
            }
            Map<String, Long> timesSeen = new HashMap<>();
            seen.stream().filter(e -> DOMAIN.equals(e.getString("store")))
                    .forEach(e -> timesSeen.merge(e.getString("shopifyOrderId"), 1L, Long::sum));
            assertEquals(placed, timesSeen.keySet(), "the reader saw every order (none skipped by its cursor)");
            assertEquals(Set.of(1L), Set.copyOf(timesSeen.values()), "each exactly once: " + timesSeen);
            assertEquals(ours(wms.feed("orders", 100)), ours(seen), "what the cursor reader saw is the whole feed");
        } finally {
            importsDone.set(true);
            threads.shutdownNow();
        }
    }

    /**
     * Reads the feed from the start, a few entries a page, following the cursor, until the imports are done and a
     * page comes back empty.
     */
    private static List<JsonObject> readByCursor(WmsFixture wms, AtomicBoolean importsDone) throws Exception {
        List<JsonObject> seen = new ArrayList<>();
        long cursor = 0;
        while (true) {
            boolean last = importsDone.get(); // read once more after the imports ended: the final catch-up
            JsonObject page = json(wms.api("GET", "/api/v1/orders/feed?after=" + cursor + "&limit=3", null));
            page.getJsonArray("entries").forEach(e -> seen.add(e.asJsonObject()));
            long next = page.getJsonNumber("cursor").longValue();
            if (page.getJsonArray("entries").isEmpty() && last) {
                return seen;
            }
            cursor = next;
        }
    }

    private static Set<String> ourIds(List<JsonObject> entries) {
        return entries.stream().filter(e -> DOMAIN.equals(e.getString("store")))
                .map(e -> e.getString("shopifyOrderId")).collect(Collectors.toSet());
    }

    /** This store's entries as (revision, order), in the order read. */
    private static List<String> ours(List<JsonObject> entries) {
        return entries.stream().filter(e -> DOMAIN.equals(e.getString("store")))
                .map(e -> e.getJsonNumber("revision") + " " + e.getString("shopifyOrderId")).toList();
    }
}
