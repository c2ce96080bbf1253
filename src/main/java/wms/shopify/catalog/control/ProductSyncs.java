package wms.shopify.catalog.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.catalog.entity.ProductSync;
import wms.shopify.catalog.entity.ShopifyVariant;
import wms.shopify.platform.time.Progress;
import wms.shopify.stores.entity.Store;

/**
 * Sync Products for one store, in the background: indexes the active WMS catalog once, asks Shopify how many
 * variants the store has, then reads them page by page: for a small catalog, cursor pages after reading which
 * inventory items are stocked at each mapped location; for a large one (from the first sync on), a streamed Bulk
 * Operation that carries each variant's stocked locations with it. Each page is recorded (new variants added, unmapped ones matched, mapped and hand-decided ones left alone). Progress and the
 * result are in the {@link ProductSync} row, so every page and every server instance sees the same; the database
 * lets only one run per store. It reads Shopify and writes only this connector's tables: no stock, anywhere.
 */
@ApplicationScoped
public class ProductSyncs {

    private static final Logger LOG = Logger.getLogger(ProductSyncs.class.getName());

    @Resource
    ManagedExecutorService executor;

    @Inject
    SyncRecords records;

    @Inject
    ShopifyCatalog shopify;

    @Inject
    Catalog catalog;

    @Inject
    ActivityLog activity;

    /**
     * From how many variants (as Shopify counts them when the sync starts) a sync reads through a Bulk Operation
     * instead of cursor pages: pages cost 752 points per 250 variants, which a standard plan restores in 7.5 s,
     * and 503 more per 250 items stocked at each mapped location. 0: always, without asking for the count.
     */
    @Inject
    @ConfigProperty(name = "wms.catalog.bulk-from-variants")
    int bulkFromVariants;

    /** How long a Bulk Operation may run on Shopify's side before the sync gives up. */
    @Inject
    @ConfigProperty(name = "wms.catalog.bulk-timeout-minutes")
    int bulkTimeoutMinutes;

    /**
     * Starts a sync of the store and returns at once.
     *
     * @throws SyncAlreadyRunningException when the store's previous sync is still running
     */
    public ProductSync start(Store store, String by) {
        ProductSync sync = this.records.start(store.id(), by);
        this.executor.execute(() -> run(store, sync.id()));
        return sync;
    }

    /**
     * Asks the store's running sync to stop: it does at its next page of 250 variants (or the next batch of a Bulk
     * Operation's result), keeping every page it recorded, and ends CANCELLED.
     *
     * @return the sync asked, empty when none runs
     */
    public Optional<ProductSync> cancel(Store store) {
        return this.records.requestCancel(store.id());
    }

    /** How far a sync has come: variants read, of those Shopify counted when it started. */
    public static Progress progress(ProductSync sync) {
        return new Progress(
                sync.variantsRead(), sync.total() == null ? null : sync.total().longValue(), sync.startedAt());
    }

    /** The store's latest sync, running or finished, for the page and the API. */
    public Optional<ProductSync> latest(Store store) {
        return this.records.latest(store.id());
    }

    void run(Store store, long syncId) {
        try {
            List<String> locations = this.records.mappedLocations(store.id());
            CatalogIndex index = this.catalog.activeIndex();
            Consumer<List<ShopifyVariant>> record = page -> this.records.page(syncId, store.id(), page, index);
            int count = -1;
            if (this.bulkFromVariants > 0) {
                // Counted with no bound worth the name: the whole of the progress bar as well as the way to read.
                count = this.shopify.variantCount(store, Integer.MAX_VALUE);
                this.records.counted(syncId, count);
            }
            if (this.bulkFromVariants <= 0 || count >= this.bulkFromVariants) {
                this.shopify.eachPageInBulk(
                        store, Set.copyOf(locations), record, Duration.ofMinutes(this.bulkTimeoutMinutes));
            } else {
                this.shopify.eachPage(store, stockedAtEvery(store, locations), record);
            }
            this.records.succeeded(syncId);
            ProductSync done = this.records.latest(store.id()).orElseThrow();
            this.activity.record(
                    "catalog",
                    "Sync Products of " + store.domain().value() + ": "
                            + done.variantsRead() + " variants read, " + done.matched() + " mapped, " + done.unmapped()
                            + " unmapped, " + done.ambiguous() + " ambiguous, " + done.problems() + " with problems",
                    done.startedBy());
        } catch (RuntimeException e) {
            if (e instanceof SyncCancelledException || this.records.cancelRequested(syncId)) {
                // Stopped at a page boundary as asked (a Bulk Operation's stream may wrap the exception).
                this.records.cancelled(syncId);
                ProductSync done = this.records.latest(store.id()).orElseThrow();
                this.activity.record(
                        "catalog",
                        "Sync Products of " + store.domain().value() + " cancelled after " + done.variantsRead()
                                + " variants read (" + done.matched() + " mapped); what it recorded stays",
                        done.startedBy());
                return;
            }
            LOG.log(Level.WARNING, "Sync Products of " + store.domain().value() + " failed", e);
            this.records.failed(syncId, e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage());
        }
    }

    /**
     * Whether an inventory item is stocked at every given location of the store (true for all when none is mapped
     * yet: there is nothing stock sync would write then). For a small catalog only: the sets hold the ids of the
     * items stocked at each location, no more than the store has variants.
     */
    private Predicate<String> stockedAtEvery(Store store, List<String> locations) {
        List<Set<String>> stocked = locations.stream()
                .map(location -> this.shopify.stockedAt(store, location))
                .toList();
        return item -> stocked.stream().allMatch(items -> items.contains(item));
    }
}
