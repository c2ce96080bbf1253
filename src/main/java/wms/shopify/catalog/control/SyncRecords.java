package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.PersistenceException;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import wms.shopify.catalog.entity.Match;
import wms.shopify.catalog.entity.ProductSync;
import wms.shopify.catalog.entity.ShopifyVariant;
import wms.shopify.catalog.entity.StoreVariant;
import wms.shopify.catalog.entity.SyncCounts;
import wms.shopify.catalog.entity.VariantStatus;
import wms.shopify.catalog.entity.WmsProduct;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;

/**
 * What a sync writes, each step its own short transaction, so that a sync of 50 000 variants never holds a
 * connection or a lock while it waits for Shopify, and what it recorded stays when it stops half way (every
 * page is complete in itself). Called by {@link ProductSyncs}, through this bean, so the transactions apply.
 */
@ApplicationScoped
public class SyncRecords {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** A sync still "running" this long after it started was abandoned (its server stopped): it no longer blocks. */
    @Inject
    @org.eclipse.microprofile.config.inject.ConfigProperty(name = "wms.catalog.sync-abandoned-after-minutes")
    long abandonedAfterMinutes;

    /**
     * Records that a sync of the store starts.
     *
     * @throws SyncAlreadyRunningException when one is running: the database allows one running sync per store
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public ProductSync start(long storeId, String by) {
        Store store = this.entityManager.find(Store.class, storeId);
        Instant now = this.clock.instant();
        this.entityManager
                .createNamedQuery(ProductSync.ABANDONED, ProductSync.class)
                .setParameter("store", storeId)
                .setParameter("running", ProductSync.State.RUNNING)
                .setParameter("before", now.minus(java.time.Duration.ofMinutes(this.abandonedAfterMinutes)))
                .getResultStream()
                .forEach(abandoned -> abandoned.failed("abandoned: its server stopped", now));
        ProductSync sync = new ProductSync(store, by, now);
        try {
            this.entityManager.persist(sync);
            this.entityManager.flush();
        } catch (PersistenceException e) {
            throw new SyncAlreadyRunningException(store.domain().value());
        }
        return sync;
    }

    /**
     * The Shopify ids of the store's active locations mapped to a warehouse: where stock sync writes (a shipping
     * process is needed for orders, not for stock, so it is not asked for here).
     */
    @Transactional
    public List<String> mappedLocations(long storeId) {
        return this.entityManager
                .createNamedQuery(StoreLocation.OF_STORE, StoreLocation.class)
                .setParameter("store", storeId)
                .getResultStream()
                .filter(location -> location.active() && location.warehouse() != null)
                .map(StoreLocation::shopifyLocationId)
                .toList();
    }

    /**
     * Records one page of variants: new ones are added, known ones take what Shopify says now, and those open to
     * matching (never a mapped or hand-decided one) are matched. Adds the page's counts to the sync.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public SyncCounts page(long syncId, long storeId, List<ShopifyVariant> variants, CatalogIndex index) {
        ProductSync sync = this.entityManager.find(ProductSync.class, syncId);
        if (sync.cancelRequested()) {
            throw new SyncCancelledException(syncId); // at a page boundary: every page recorded before stays
        }
        Instant now = this.clock.instant();
        Store store = this.entityManager.getReference(Store.class, storeId);
        Map<String, StoreVariant> known = variants.isEmpty()
                ? Map.of()
                : this.entityManager
                        .createNamedQuery(StoreVariant.BY_VARIANT_IDS, StoreVariant.class)
                        .setParameter("store", storeId)
                        .setParameter(
                                "ids",
                                variants.stream().map(ShopifyVariant::variantId).toList())
                        .getResultStream()
                        .collect(Collectors.toMap(StoreVariant::variantId, Function.identity()));
        int matched = 0;
        int unmapped = 0;
        int ambiguous = 0;
        int problems = 0;
        for (ShopifyVariant seen : variants) {
            StoreVariant variant = known.get(seen.variantId());
            if (variant == null) {
                variant = new StoreVariant(store, seen, now);
                this.entityManager.persist(variant);
            } else {
                variant.seenOnShopify(seen, now);
            }
            if (variant.openToMatching()) {
                Match match = index.match(seen.sku(), seen.barcode());
                variant.matched(
                        match,
                        match.productId() == null
                                ? null
                                : this.entityManager.getReference(WmsProduct.class, match.productId()),
                        now);
            }
            VariantStatus status = variant.status();
            if (status.mapped()) {
                matched++;
            } else if (status == VariantStatus.AMBIGUOUS) {
                ambiguous++;
            } else {
                unmapped++;
            }
            if (variant.problem() != null) {
                problems++;
            }
        }
        SyncCounts counts = new SyncCounts(variants.size(), matched, unmapped, ambiguous, problems);
        sync.progressed(counts);
        return counts;
    }

    /** How many variants Shopify counted when the sync started: the progress bar's whole. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void counted(long syncId, int variants) {
        this.entityManager.find(ProductSync.class, syncId).counted(variants);
    }

    /**
     * Asks the store's running sync to stop at its next page.
     *
     * @return the sync asked, empty when none runs
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Optional<ProductSync> requestCancel(long storeId) {
        Instant now = this.clock.instant();
        Optional<ProductSync> running = latest(storeId).filter(ProductSync::running);
        running.ifPresent(sync -> {
            if (sync.startedAt().isBefore(now.minus(java.time.Duration.ofMinutes(this.abandonedAfterMinutes)))) {
                sync.failed("abandoned: its server stopped", now); // no one is left to see the request
            } else {
                sync.requestCancel();
            }
        });
        return running;
    }

    /** Whether the admin asked the sync to stop. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public boolean cancelRequested(long syncId) {
        return this.entityManager.find(ProductSync.class, syncId).cancelRequested();
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void cancelled(long syncId) {
        this.entityManager.find(ProductSync.class, syncId).cancelled(this.clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void succeeded(long syncId) {
        this.entityManager.find(ProductSync.class, syncId).succeeded(this.clock.instant());
    }

    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void failed(long syncId, String why) {
        this.entityManager.find(ProductSync.class, syncId).failed(why, this.clock.instant());
    }

    /** The store's latest sync, running or finished. */
    @Transactional
    public Optional<ProductSync> latest(long storeId) {
        return this.entityManager
                .createNamedQuery(ProductSync.LATEST, ProductSync.class)
                .setParameter("store", storeId)
                .setMaxResults(1)
                .getResultStream()
                .findFirst();
    }
}
