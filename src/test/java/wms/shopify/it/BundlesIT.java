package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.json;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Shop;

/**
 * Shopify bundles end to end against the sandbox (issue #18): a variant that requires components is recognised by
 * Sync Products, marked on its mapping and shown as a bundle, and never written to (no error, nothing parked) while
 * its components are synced as any variant; an order of a bundle reaches the WMS as the components' lines, each
 * naming the bundle; and one item Shopify refuses in a batch of 250 is taken out and reported while the other 249
 * land.
 * land. Each test opens a store of its own on a warehouse of its own, so none depends on another's movements.
 */
class BundlesIT {

    private static final int BATCH = 250;

    static WmsFixture fixture;

    @BeforeAll
    static void theConnectorAndAWmsCredential() throws Exception {
        SandboxConnector connector = SandboxConnector.get(List.of("STOCK_MAX_ATTEMPTS=2", "STOCK_RECONCILE_MINUTES=0"));
        fixture = new WmsFixture(connector, "bundles-it");
    }

    /** The SKUs of the batch: 249 items and the sock Shopify will refuse. */
    private static List<String> batch() {
        List<String> batch = new ArrayList<>();
        for (int i = 0; i < BATCH - 1; i++) {
            batch.add("BB-" + i);
        }
        batch.add("BSOCK");
        return batch;
    }

    /**
     * A store of this test's own (named after {@code tag}) selling a gift set bundling 2 mugs (10 on hand) and 3
     * coffees (30 on hand), and when asked the {@link #BATCH} items of the batch (10 each), every variant mapped (the
     * WMS happens to know the bundle's SKU too: the mapping is made, and still nothing is written to it), stock sync
     * on in Delta mode and the location the default for orders.
     */
    private static SyncedStore store(String tag, boolean withBatch) throws Exception {
        Shop shop = SyncedStore.newShop(fixture.connector, "bundles-" + tag + ".myshopify.com");
        Location location = shop.locations().get(0);
        shop.addProduct("Mug", "BMUG");
        shop.addProduct("Coffee", "BCOFFEE");
        Map<String, Integer> units = new LinkedHashMap<>();
        units.put("BMUG", 2);
        units.put("BCOFFEE", 3);
        shop.addBundle("Coffee gift set", "BGIFT", units);
        shop.stock("BMUG", location, 10);
        shop.stock("BCOFFEE", location, 30);
        if (withBatch) {
            shop.addProduct("Batch", batch().toArray(String[]::new));
            for (String sku : batch()) {
                shop.stock(sku, location, 10);
            }
        }
        return SyncedStore.connect(fixture, shop, "BUNDLE-" + tag.toUpperCase(Locale.ROOT), "DELTA", 1, true);
    }

    @Test
    void syncProductsMarksTheBundleAndThePageSaysShopifyComputesItsStock() throws Exception {
        long storeId = store("marked", false).id();
        assertEquals(
                1,
                fixture.longValue("select count(*) from store_variant where store_id = " + storeId
                        + " and bundle and sku = 'BGIFT'"));
        assertEquals(
                0,
                fixture.longValue("select count(*) from store_variant where store_id = " + storeId
                        + " and bundle and sku <> 'BGIFT'"),
                "its components and every other variant are ordinary ones");
        try (Browser browser = new Browser()) {
            browser.visit(fixture.connector.url() + "/admin/product-mapping.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            String page = fixture.connector.url() + "/admin/product-mapping.xhtml?store=" + storeId;
            browser.visit(page + "&q=BGIFT");
            assertTrue(
                    browser.text(By.cssSelector("tr[data-sku='BGIFT']"))
                            .contains("bundle (Shopify computes its stock)"),
                    browser.text(By.cssSelector("tr[data-sku='BGIFT']")));
            browser.visit(page + "&q=BMUG");
            assertTrue(!browser.text(By.cssSelector("tr[data-sku='BMUG']")).contains("bundle"));
            browser.visit(page + "&filter=problems");
            assertTrue(
                    browser.driver()
                            .findElements(By.cssSelector("tr[data-sku='BGIFT']"))
                            .isEmpty(),
                    "a bundle is not a problem");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
        }
    }

    @Test
    void aMovementOfTheBundlesProductWritesNothingAndTheComponentsLand() throws Exception {
        SyncedStore store = store("moved", false);
        Shop shop = store.shop();
        Location location = store.location();
        long storeId = store.id();
        String warehouse = store.warehouse();
        HttpResponse<String> sent = fixture.send(
                movement("B-GIFT-1", "receiving", "BGIFT", warehouse, 5, 5),
                movement("B-MUG-1", "receiving", "BMUG", warehouse, 4, 4));
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals(1, json(sent).getInt("changes"), "only the mug's level is one stock sync writes");
        await(Duration.ofSeconds(30), () -> shop.quantity("BMUG", location, "available") == 14, "the mugs land");
        String giftItem = shop.item("BGIFT").id();
        for (String mutation : List.of("inventoryAdjustQuantities", "inventorySetQuantities")) {
            for (Journal.Mutation m : shop.journal().mutations(mutation)) {
                assertTrue(!m.arguments().toString().contains(giftItem), "the bundle was written: " + m);
            }
        }
        assertEquals(
                0,
                fixture.longValue("select count(*) from stock_change where store_id = " + storeId
                        + " and inventory_item_id = '" + giftItem + "'"));
        assertEquals(
                0,
                fixture.longValue(
                        "select count(*) from stock_change where store_id = " + storeId + " and state = 'FAILED'"),
                "nothing parked");
        // Shopify's own arithmetic: min(⌊14 ÷ 2⌋, ⌊30 ÷ 3⌋) = 7.
        assertEquals(7, shop.quantity("BGIFT", location, "available"));
    }

    @Test
    void aChangeParkedBeforeTheSyncFoundABundleIsResolvedNotRetried() throws Exception {
        Shop shop = SyncedStore.newShop(fixture.connector, "bundles-became.myshopify.com");
        Location location = shop.locations().get(0);
        shop.addProduct("Mug", "BMUG");
        shop.addProduct("Tea set", "BTEA");
        shop.stock("BMUG", location, 10);
        shop.stock("BTEA", location, 5);
        SyncedStore store = SyncedStore.connect(fixture, shop, "BUNDLE-BECAME", "DELTA", 1, false);
        long storeId = store.id();
        String teaItem = shop.item("BTEA").id();
        // A bundles app turns the tea set into a bundle of one mug after the sync: the connector still believes it
        // writable, so its next movement is written, refused and parked.
        shop.makeBundle("BTEA", Map.of("BMUG", 1));
        HttpResponse<String> sent = fixture.send(movement("B-TEA-1", "receiving", "BTEA", store.warehouse(), 3, 8));
        assertEquals(200, sent.statusCode(), sent.body());
        String parked = "select count(*) from stock_change where store_id = " + storeId + " and inventory_item_id = '"
                + teaItem + "' and state = 'FAILED' and reason like 'NON_MUTABLE_INVENTORY_ITEM:%'";
        await(Duration.ofSeconds(60), () -> count(parked) == 1, "the tea set's change parked");

        // Sync Products finds the bundle.
        JsonObject sync = fixture.syncProducts(shop.domain());
        assertEquals("succeeded", sync.getString("state"), sync.toString());
        assertEquals(
                1,
                fixture.longValue("select count(*) from store_variant where store_id = " + storeId
                        + " and bundle and sku = 'BTEA'"));

        // Retry parked: the tea set's change is not sent again but resolved, with the reason on the Activity page.
        shop.journal().clear();
        HttpResponse<String> retried = fixture.api("POST", "/api/v1/stores/" + shop.domain() + "/stock-retry", null);
        assertEquals(200, retried.statusCode(), retried.body());
        assertEquals(0, json(retried).getInt("retried"), "nothing set to go out again: " + retried.body());
        assertEquals(
                0,
                fixture.longValue("select count(*) from stock_change where store_id = " + storeId
                        + " and (state <> 'IDLE' or delta <> 0 or reason is not null)"),
                "resolved: idle, nothing left to push, nothing parked");
        await(
                Duration.ofSeconds(30),
                () -> count("select count(*) from activity_event where category = 'stock' and message = "
                                + "'Retry parked did not send " + shop.domain() + ": 1 stock change(s) of BTEA, now a "
                                + "bundle: Shopify computes it. Nothing was pushed; the change is resolved.'")
                        == 1,
                "the reason on the Activity page");

        // The store's stock still flows; the tea set is never written again.
        fixture.send(movement("B-TEA-MUG-1", "receiving", "BMUG", store.warehouse(), 4, 14));
        await(Duration.ofSeconds(30), () -> shop.quantity("BMUG", location, "available") == 14, "the mugs land");
        assertEquals(14, shop.quantity("BTEA", location, "available"), "Shopify computes it: ⌊14 ÷ 1⌋");
        for (String mutation : List.of("inventoryAdjustQuantities", "inventorySetQuantities")) {
            for (Journal.Mutation m : shop.journal().mutations(mutation)) {
                assertTrue(!m.arguments().toString().contains(teaItem), "the bundle was written again: " + m);
            }
        }
        assertEquals(
                0,
                fixture.longValue(
                        "select count(*) from stock_change where store_id = " + storeId + " and state = 'FAILED'"),
                "nothing parked");
    }

    @Test
    void anOrderOfTheBundleReachesTheWmsAsItsComponentsNamingTheBundle() throws Exception {
        SyncedStore store = store("ordered", false);
        wms.shopify.sandbox.Order sale = store.shop().placeOrder(store.location(), true, Map.of("BGIFT", 2));
        JsonObject[] entry = new JsonObject[1];
        await(
                Duration.ofSeconds(60),
                () -> (entry[0] = fixture.orderEntry(sale.id())) != null,
                "the bundle's order in the feed",
                () -> "");
        List<String> lines = new ArrayList<>();
        entry[0].getJsonArray("lines").forEach(value -> {
            JsonObject line = value.asJsonObject();
            lines.add(line.getString("product") + " x" + line.getInt("quantity") + " in "
                    + line.getString("bundle", "(none)"));
        });
        assertEquals(List.of("W-BMUG x4 in BGIFT", "W-BCOFFEE x6 in BGIFT"), lines, entry[0].toString());
        assertEquals("ORDER", entry[0].getString("kind"));
    }

    @Test
    void oneItemShopifyRefusesIsTakenOutOfABatchOf250AndTheOther249Land() throws Exception {
        SyncedStore store = store("batch", true);
        Shop shop = store.shop();
        Location location = store.location();
        long storeId = store.id();
        String warehouse = store.warehouse();
        List<String> batch = batch();
        // The merchant stops tracking one item after the sync: the connector still believes it writable.
        shop.stopTracking("BSOCK");
        shop.journal().clear();
        List<JsonObjectBuilder> movements = new ArrayList<>();
        for (String sku : batch) {
            movements.add(movement("B-BATCH-" + sku, "receiving", sku, warehouse, 1, 11));
        }
        HttpResponse<String> sent = fixture.send(movements.toArray(JsonObjectBuilder[]::new));
        assertEquals(200, sent.statusCode(), sent.body());
        assertEquals(BATCH, json(sent).getInt("changes"));
        String sockItem = shop.item("BSOCK").id();
        await(
                Duration.ofSeconds(60),
                () -> batch.stream()
                        .filter(sku -> !sku.equals("BSOCK"))
                        .allMatch(sku -> shop.quantity(sku, location, "available") == 11),
                "the other 249 land");
        await(
                Duration.ofSeconds(30),
                () -> count("select count(*) from stock_change where store_id = " + storeId
                                + " and inventory_item_id = '" + sockItem + "' and state = 'FAILED'")
                        == 1,
                "the refused item parked");
        try (Connection db = fixture.connector.jdbc();
                ResultSet row = db.createStatement()
                        .executeQuery("select reason from stock_change where store_id = " + storeId
                                + " and inventory_item_id = '" + sockItem + "'")) {
            assertTrue(row.next());
            assertTrue(row.getString(1).startsWith("NON_MUTABLE_INVENTORY_ITEM: "), row.getString(1));
        }
        assertEquals(10, shop.quantity("BSOCK", location, "available"), "Shopify holds what it had");

        List<Journal.Mutation> adjusts = shop.journal().mutations("inventoryAdjustQuantities");
        Journal.Mutation refused = adjusts.stream()
                .filter(m -> m.outcome() == Journal.Outcome.REJECTED)
                .findFirst()
                .orElseThrow(() -> new AssertionError("no refused write: " + adjusts));
        assertEquals(List.of("NON_MUTABLE_INVENTORY_ITEM"), refused.errors());
        assertEquals(BATCH, refused.largestInputArray(), "the refused write was the whole batch");
        List<Journal.Mutation> applied = shop.journal().applied("inventoryAdjustQuantities");
        assertEquals(1, applied.size(), "the rest went out again at once, in one write: " + applied);
        assertEquals(BATCH - 1, applied.get(0).largestInputArray());
        assertTrue(!applied.get(0).arguments().toString().contains(sockItem), "without the refused item");

        await(
                Duration.ofSeconds(30),
                () -> count("select count(*) from activity_event where category = 'stock' and message like "
                                + "'Shopify refused 1 of the 250 quantities of stock push %" + shop.domain()
                                + "%the other 249 go out again now%'")
                        == 1,
                "the refusal on the Activity page");
        assertEquals(
                0,
                fixture.longValue(
                        "select count(*) from stock_push where store_id = " + storeId + " and state = 'FAILED'"),
                "no push parked: only the refused item");
    }

    private static long count(String query) {
        try {
            return fixture.longValue(query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
