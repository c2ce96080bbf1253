package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.spi.CDI;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Future;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.activity.entity.ActivityEvent;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.catalog.entity.ShopifyVariant;
import wms.shopify.catalog.entity.StoreVariant;
import wms.shopify.catalog.entity.WmsProduct;
import wms.shopify.orders.control.OrderFeed;
import wms.shopify.orders.control.OrderRecords;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.database.InstantConverter;
import wms.shopify.platform.time.SystemClock;
import wms.shopify.stores.entity.SealedTokens;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * In-container (Arquillian): the orders component fires {@link OrderDemand} inside its transaction each time an
 * order's unallocated lines change, and only then, as stock sync's contract says: the lines of a held or fed order
 * (inventory item from the mapping, the fulfillment order's location, units still to fulfil), none once the WMS
 * acknowledged it or when it is cancelled; a filtered-out open order keeps its lines as demand (Shopify committed
 * its units all the same). And concurrent reads of one new order make one row.
 */
@ExtendWith(ArquillianExtension.class)
class OrderDemandIT {

    static final String LOCATION = "gid://shopify/Location/7700";
    static final String SHIRT = "gid://shopify/ProductVariant/7701";
    static final String MUG = "gid://shopify/ProductVariant/7702";
    static final String SHIRT_ITEM = "gid://shopify/InventoryItem/7701";
    static final String MUG_ITEM = "gid://shopify/InventoryItem/7702";

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "order-demand-it.war")
                .addClasses(
                        OrderDemandIT.class,
                        OrderDemandRecorder.class,
                        OrderDemandRecorder.Seen.class,
                        Fixture.class,
                        InContainerResources.class,
                        OrderRecords.class,
                        OrderFeed.class,
                        wms.shopify.orders.entity.FeedEntryAdded.class,
                        wms.shopify.orders.control.UnallocatedDemand.class,
                        wms.shopify.orders.control.IntakePolicies.class,
                        wms.shopify.platform.Published.class,
                        ActivityLog.class,
                        wms.shopify.activity.control.ActivityFilter.class,
                        wms.shopify.platform.database.Like.class,
                        ActivityEvent.class,
                        DatabaseReady.class,
                        SystemClock.class,
                        InstantConverter.class,
                        wms.shopify.platform.database.FeedPositions.class,
                        wms.shopify.platform.database.FeedPositions.Feed.class,
                        wms.shopify.platform.database.PerStoreRows.class,
                        wms.shopify.orders.control.CancellationAnswerInput.class,
                        wms.shopify.orders.control.SeenOrderValues.class,
                        wms.shopify.platform.api.FieldError.class,
                        wms.shopify.platform.api.InvalidRequestException.class,
                        wms.shopify.platform.api.WholeNumber.class)
                .addPackages(
                        false,
                        ImportedOrder.class.getPackage(),
                        OrderDemand.class.getPackage(),
                        Store.class.getPackage(),
                        WmsProduct.class.getPackage(),
                        Warehouse.class.getPackage(),
                        ShopDomain.class.getPackage())
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    /** The executor for concurrent imports, injected in the container. */
    @Dependent
    public static class Fixture {
        @Resource
        ManagedExecutorService executor;
    }

    private static <T> T bean(Class<T> type) {
        return CDI.current().select(type).get();
    }

    /** Applies a read as the import does, in a transaction of its own under the order's lock. */
    private static OrderRecords.Outcome apply(OrderRecords records, long store, ShopifyOrderSnapshot order) {
        return records.readUnderLock(store, order.id(), () -> java.util.Optional.of(order), "it")
                .orElseThrow();
    }

    @Test
    void theUnallocatedLinesAreAnnouncedInTheTransactionWhenTheyChangeAndOnlyThen() throws Exception {
        long store = store(false);
        OrderRecords records = bean(OrderRecords.class);
        OrderDemandRecorder recorder = bean(OrderDemandRecorder.class);
        String id = "gid://shopify/Order/" + UUID.randomUUID().getMostSignificantBits();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        // Held (the mug is not mapped): Shopify committed the units and the WMS has not, so they are demand.
        assertEquals(
                OrderState.HELD,
                apply(records, store, order(id, t0, "paid", null, 2, 1)).state());
        List<OrderDemandRecorder.Seen> seen = recorder.of(id);
        assertEquals(1, seen.size());
        assertTrue(seen.get(0).inTransaction(), "fired inside the orders' transaction");
        assertEquals(store, seen.get(0).demand().storeId());
        assertEquals(
                List.of(new OrderDemand.Line(SHIRT_ITEM, LOCATION, 2), new OrderDemand.Line(MUG_ITEM, LOCATION, 1)),
                seen.get(0).demand().lines());

        apply(records, store, order(id, t0, "paid", null, 2, 1));
        assertEquals(1, recorder.of(id).size(), "a duplicate read changes nothing, announces nothing");
        assertEquals(
                seen.get(0).demand().lines(),
                bean(wms.shopify.orders.control.UnallocatedDemand.class).of(store),
                "the one query adds up to what was announced");

        mapMug(store);
        assertEquals(
                OrderState.READY,
                apply(records, store, order(id, t0, "paid", null, 2, 1)).state());
        assertEquals(1, recorder.of(id).size(), "released to the feed with the same lines: nothing changed for stock");

        apply(records, store, order(id, t0.plusSeconds(1), "paid", null, 3, 1));
        assertEquals(
                List.of(new OrderDemand.Line(SHIRT_ITEM, LOCATION, 3), new OrderDemand.Line(MUG_ITEM, LOCATION, 1)),
                last(recorder, id).lines(),
                "an edited quantity is announced");

        ImportedOrder fed = feedEntry(id);
        assertEquals(
                ImportedOrder.Ack.DONE,
                bean(OrderFeed.class).acknowledge(fed.id(), fed.feedSeq()).orElseThrow());
        assertEquals(List.of(), last(recorder, id).lines(), "acknowledged by the WMS: allocated, no demand");
        assertEquals(
                List.of(),
                bean(wms.shopify.orders.control.UnallocatedDemand.class).of(store));
        assertTrue(recorder.of(id).stream().allMatch(OrderDemandRecorder.Seen::inTransaction));
    }

    @Test
    void aFilteredOutOrderIsDemandUntilItIsCancelled() throws Exception {
        long store = store(true);
        OrderRecords records = bean(OrderRecords.class);
        OrderDemandRecorder recorder = bean(OrderDemandRecorder.class);
        String id = "gid://shopify/Order/" + UUID.randomUUID().getMostSignificantBits();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        assertEquals(
                OrderState.FILTERED,
                apply(records, store, order(id, t0, "pending", null, 1, 1)).state());
        assertEquals(
                2,
                last(recorder, id).lines().size(),
                "filtered out but open: Shopify took its units off sale, so they are demand");
        apply(records, store, order(id, t0.plusSeconds(1), "paid", null, 1, 1));
        assertEquals(1, recorder.of(id).size(), "paid later: in the feed with the same lines, nothing new to announce");
        assertEquals(2, last(recorder, id).lines().size(), "paid later: in the feed, its lines are still demand");
        assertEquals(
                OrderState.CANCELLED,
                apply(records, store, order(id, t0.plusSeconds(2), "paid", t0.plusSeconds(2), 1, 1))
                        .state());
        assertEquals(List.of(), last(recorder, id).lines(), "cancelled: released entirely");
    }

    @Test
    void concurrentReadsOfOneNewOrderMakeOneRow() throws Exception {
        long store = store(true);
        String id = "gid://shopify/Order/" + UUID.randomUUID().getMostSignificantBits();
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<Callable<OrderState>> reads = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            reads.add(() -> apply(bean(OrderRecords.class), store, order(id, t0, "paid", null, 1, 1))
                    .state());
        }
        for (Future<OrderState> read : bean(Fixture.class).executor.invokeAll(reads)) {
            assertEquals(OrderState.READY, read.get());
        }
        Number rows = (Number) bean(InContainerResources.class)
                .entityManager
                .createNativeQuery("select count(*) from " + "shop_order where shopify_order_id = ?")
                .setParameter(1, id)
                .getSingleResult();
        assertEquals(1, rows.intValue());
        assertEquals(1, bean(OrderDemandRecorder.class).of(id).size(), "announced once");
    }

    // ---- fixture ------------------------------------------------------------------------------------------

    private static OrderDemand last(OrderDemandRecorder recorder, String id) {
        List<OrderDemandRecorder.Seen> seen = recorder.of(id);
        return seen.get(seen.size() - 1).demand();
    }

    private static ImportedOrder feedEntry(String id) {
        return bean(InContainerResources.class)
                .entityManager
                .createQuery("select o from ImportedOrder o where " + "o.shopifyOrderId = :id", ImportedOrder.class)
                .setParameter("id", id)
                .getSingleResult();
    }

    private static ShopifyOrderSnapshot order(
            String id, Instant updated, String financial, Instant cancelled, int shirts, int mugs) {
        List<ShopifyOrderSnapshot.Line> lines = List.of(
                new ShopifyOrderSnapshot.Line(
                        id + "-L1", SHIRT, SHIRT_ITEM, "D-SHIRT", "Shirt", shirts, shirts, true, shirts, null),
                new ShopifyOrderSnapshot.Line(id + "-L2", MUG, MUG_ITEM, "D-MUG", "Mug", mugs, mugs, true, mugs, null));
        return new ShopifyOrderSnapshot(
                id,
                "#D" + Math.abs(id.hashCode() % 10000),
                updated,
                updated,
                false,
                cancelled != null,
                cancelled,
                financial,
                "unfulfilled",
                "d@example.com",
                null,
                null,
                null,
                null,
                null,
                lines,
                List.of(new ShopifyOrderSnapshot.FulfillmentOrder(
                        id + "-FO",
                        cancelled == null ? "OPEN" : "CLOSED",
                        LOCATION,
                        List.of(
                                new ShopifyOrderSnapshot.FulfillmentLine(id + "-L1", SHIRT_ITEM, shirts),
                                new ShopifyOrderSnapshot.FulfillmentLine(id + "-L2", MUG_ITEM, mugs)))),
                true,
                java.util.Set.of());
    }

    /** A store with one location mapped to a warehouse as the default, the shirt mapped (and the mug if asked). */
    private static long store(boolean mugMapped) throws Exception {
        InContainerResources resources = bean(InContainerResources.class);
        String suffix = Long.toString(Math.abs(UUID.randomUUID().getMostSignificantBits()), 36);
        Instant now = Instant.now();
        resources.transaction.begin();
        Store store = new Store(
                new ShopDomain("demand-" + suffix + ".myshopify.com"),
                new SealedTokens("v1:sealed", null, null, null, "read_orders"),
                now,
                "it");
        resources.entityManager.persist(store);
        Warehouse warehouse = new Warehouse("WD-" + suffix, "Demand " + suffix, true, now);
        resources.entityManager.persist(warehouse);
        StoreLocation location = new StoreLocation(store, LOCATION, "Main", true);
        location.mapTo(warehouse, null);
        location.defaultForOrders(true);
        resources.entityManager.persist(location);
        variant(resources, store, SHIRT, SHIRT_ITEM, "PD-SHIRT-" + suffix, now);
        if (mugMapped) {
            variant(resources, store, MUG, MUG_ITEM, "PD-MUG-" + suffix, now);
        }
        resources.transaction.commit();
        return store.id();
    }

    private static void mapMug(long storeId) throws Exception {
        InContainerResources resources = bean(InContainerResources.class);
        resources.transaction.begin();
        variant(
                resources,
                resources.entityManager.find(Store.class, storeId),
                MUG,
                MUG_ITEM,
                "PD-MUG-" + storeId + "-" + UUID.randomUUID().toString().substring(0, 6),
                Instant.now());
        resources.transaction.commit();
    }

    private static void variant(
            InContainerResources resources, Store store, String variantId, String itemId, String code, Instant at) {
        WmsProduct product = new WmsProduct(code, null, null, code, true, at);
        resources.entityManager.persist(product);
        StoreVariant variant = new StoreVariant(
                store, new ShopifyVariant(variantId, itemId, "Product", null, null, null, true, true, false), at);
        variant.mapByHand(product, "it", at);
        resources.entityManager.persist(variant);
    }
}
