package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
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
import wms.shopify.orders.control.OrderRecords;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * The order feed is gap-safe without a global lock. While dozens of threads bring orders in at once (the sandbox's
 * own webhooks, and each order's {@code orders/paid} and {@code orders/updated} sent again at the same time, so the
 * connector imports many orders concurrently), a WMS reads the feed by cursor in a loop, a few entries a page. It
 * must see every entry exactly once, in position order: an entry that commits after a later position was read must
 * not be skipped by the cursor. And that case made to happen at will, with a writer's transaction held open.
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
                    byte[] body = ("{\"id\":" + order.legacyResourceId() + ",\"admin_graphql_api_id\":\"" + order.id()
                                    + "\"}")
                            .getBytes(StandardCharsets.UTF_8);
                    for (String topic : List.of("orders/paid", "orders/updated")) {
                        int status = SandboxConnector.deliverWebhook(
                                        connector.url(),
                                        DOMAIN,
                                        topic,
                                        UUID.randomUUID().toString(),
                                        body)
                                .statusCode();
                        assertEquals(200, status, topic + " of " + order.id());
                    }
                    return order.id();
                });
            }
            Set<String> placed = new TreeSet<>();
            for (Future<String> done : threads.invokeAll(imports)) {
                placed.add(done.get());
            }
            WmsFixture.await(
                    Duration.ofSeconds(180),
                    () -> ourIds(wms.feed("orders", 100)).containsAll(placed)
                            && wms.count("select count(*) from webhook_delivery where outcome = 'RECEIVED'") == 0,
                    "all " + ORDERS + " orders in the feed and every delivery processed",
                    () -> "; in the feed: " + ourIds(wms.feed("orders", 100)).size());
            importsDone.set(true);
            List<JsonObject> seen = reader.get();

            List<Long> positions = seen.stream()
                    .map(e -> e.getJsonNumber("revision").longValue())
                    .toList();
            for (int i = 1; i < positions.size(); i++) {
                assertTrue(
                        positions.get(i) > positions.get(i - 1),
                        "in position order, never one twice: " + positions.get(i - 1) + " then " + positions.get(i));
            }
            Map<String, Long> timesSeen = new HashMap<>();
            seen.stream()
                    .filter(e -> DOMAIN.equals(e.getString("store")))
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
     * The case the cursor must survive, made to happen: an order's new position is taken (as the import takes it,
     * under the feed's shared lock) in a transaction left open, a later order enters the feed and commits with a larger
     * position, and a WMS reads from a cursor before both. The reader must wait for the open transaction rather than
     * hand out the larger position alone (its cursor would then have passed the smaller one for good), and then see
     * both, the smaller first.
     */
    @Test
    void aReaderWaitsForAPositionStillBeingCommittedInsteadOfSkippingIt() throws Exception {
        SandboxConnector connector = SandboxConnector.get();
        String domain = "feed-commit-it.myshopify.com";
        Shop shop = WmsFixture.stockedShop(connector, domain, "Commit main", 100, "Glove", "G-GLOVE");
        Location main = shop.location("Commit main");
        WmsFixture wms = new WmsFixture(connector, "feed-commit-it");
        wms.installForOrders(shop, main, "WH-COMMIT", "COMMIT-PARCEL");
        wms.catalog(domain, "W-GLOVE", "G-GLOVE");
        Order first = shop.placeOrder(main, true, Map.of("G-GLOVE", 1));
        long cursor = awaitPosition(wms, first.id());
        awaitProcessed(wms);

        ExecutorService reader = Executors.newSingleThreadExecutor();
        try (Connection writer = connector.jdbc()) {
            writer.setAutoCommit(false);
            long moved;
            try (Statement statement = writer.createStatement();
                    ResultSet next = statement.executeQuery("select nextval('" + OrderRecords.FEED.sequence()
                            + "') from (select " + "pg_advisory_xact_lock_shared(" + OrderRecords.FEED.lock()
                            + ") offset 0) as writer")) {
                next.next();
                moved = next.getLong(1);
            }
            try (PreparedStatement update =
                    writer.prepareStatement("update shop_order set feed_seq = ? where " + "shopify_order_id = ?")) {
                update.setLong(1, moved);
                update.setString(2, first.id());
                assertEquals(1, update.executeUpdate());
            }
            Order second = shop.placeOrder(main, true, Map.of("G-GLOVE", 1));
            long later = awaitPosition(wms, second.id());
            assertTrue(later > moved, "the later order committed with the larger position: " + later + " > " + moved);

            Future<JsonObject> page = reader.submit(
                    () -> json(wms.api("GET", "/api/v1/orders/feed?after=" + cursor + "&limit=500", null)));
            WmsFixture.await(
                    Duration.ofSeconds(60),
                    () -> wms.count("select count(*) from pg_locks where "
                                    + "locktype = 'advisory' and mode = 'ExclusiveLock' and not granted and classid = 0 and objid = "
                                    + OrderRecords.FEED.lock())
                            > 0,
                    "the reader to wait for the position still being committed",
                    () -> page.isDone() ? "; it answered at once: " + page.get() : "");
            writer.commit();

            List<String> read = page.get().getJsonArray("entries").stream()
                    .map(JsonValue::asJsonObject)
                    .filter(e -> domain.equals(e.getString("store")))
                    .map(e -> e.getJsonNumber("revision") + " " + e.getString("shopifyOrderId"))
                    .toList();
            assertEquals(
                    List.of(moved + " " + first.id(), later + " " + second.id()),
                    read,
                    "both, the position committed last (and smaller) first");
        } finally {
            reader.shutdownNow();
        }
    }

    /** Waits until the order is in the feed (committed), and answers its position. */
    private static long awaitPosition(WmsFixture wms, String shopifyOrderId) throws Exception {
        String query = "select coalesce(max(feed_seq), 0) from shop_order where feed_pending and shopify_order_id = '"
                + shopifyOrderId + "'";
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wms.count(query) > 0,
                "order " + shopifyOrderId + " in the feed",
                () -> "");
        return wms.count(query);
    }

    private static void awaitProcessed(WmsFixture wms) throws Exception {
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> wms.count("select count(*) from webhook_delivery where " + "outcome = 'RECEIVED'") == 0,
                "every delivery processed",
                () -> "");
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
        return entries.stream()
                .filter(e -> DOMAIN.equals(e.getString("store")))
                .map(e -> e.getString("shopifyOrderId"))
                .collect(Collectors.toSet());
    }

    /** This store's entries as (revision, order), in the order read. */
    private static List<String> ours(List<JsonObject> entries) {
        return entries.stream()
                .filter(e -> DOMAIN.equals(e.getString("store")))
                .map(e -> e.getJsonNumber("revision") + " " + e.getString("shopifyOrderId"))
                .toList();
    }
}
