package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.catalog.entity.StoreVariant;
import wms.shopify.catalog.entity.VariantStatus;
import wms.shopify.catalog.entity.WmsProduct;

/**
 * A store's product mappings as the merchant sees and changes them: a filtered page of variants (keyset by id, so
 * page 200 of 50 000 variants is as quick as page 1), and mapping, remapping or unmapping one by hand, which
 * marks it as the merchant's decision that no sync changes.
 */
@ApplicationScoped
public class Mappings {

    /** Which variants a page shows. */
    public enum Filter {
        ALL,
        SKU,
        BARCODE,
        MANUAL,
        UNMAPPED,
        AMBIGUOUS,
        PROBLEMS;

        /** The filter named in a link, ALL for anything else. */
        public static Filter of(String name) {
            for (Filter filter : values()) {
                if (filter.name().equalsIgnoreCase(name == null ? "" : name)) {
                    return filter;
                }
            }
            return ALL;
        }
    }

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    /**
     * Variants of the store after a row id, in id order.
     *
     * <p>A search is served by indexes (V9): SKU and barcode per store, and a trigram index on the lower-cased
     * product title, combined by PostgreSQL's bitmap OR. The plan is made for each search's own term: a plan made
     * once for any term (what PostgreSQL switches to after a statement's fifth run) cannot know that a term is rare
     * and walks the store's variants in id order instead.
     *
     * @param search a SKU or barcode (exact) or part of a product title (any case); null or blank for all
     */
    @Transactional
    public List<StoreVariant> page(long storeId, Filter filter, String search, long afterId, int size) {
        // Only fixed fragments are put together here; every value is a parameter.
        StringBuilder jpql = new StringBuilder("select v from StoreVariant v left join fetch v.product "
                + "where v.store.id = :store and v.id > :after");
        switch (filter) {
            case ALL -> {}
            case PROBLEMS -> jpql.append(" and v.bundle = false and (v.tracked = false or v.stockedAtMapped = false)");
            default -> jpql.append(" and v.status = :status");
        }
        String term = search == null ? "" : search.strip();
        if (!term.isEmpty()) {
            this.entityManager
                    .createNativeQuery("set local plan_cache_mode = force_custom_plan")
                    .executeUpdate();
            jpql.append(" and (v.sku = :term or v.barcode = :term or lower(v.productTitle) like :pattern)");
        }
        jpql.append(" order by v.id");
        TypedQuery<StoreVariant> query = this.entityManager
                .createQuery(jpql.toString(), StoreVariant.class)
                .setParameter("store", storeId)
                .setParameter("after", afterId)
                .setMaxResults(size);
        if (filter != Filter.ALL && filter != Filter.PROBLEMS) {
            query.setParameter("status", VariantStatus.valueOf(filter.name()));
        }
        if (!term.isEmpty()) {
            query.setParameter("term", term)
                    .setParameter(
                            "pattern",
                            "%"
                                    + term.toLowerCase(Locale.ROOT)
                                            .replace("\\", "\\\\")
                                            .replace("%", "\\%")
                                            .replace("_", "\\_")
                                    + "%");
        }
        return query.getResultList();
    }

    /**
     * Maps (or remaps) a variant by hand to the WMS product with this code, or else to the one active product
     * with this SKU.
     *
     * @throws UnknownProductException when no product, or several, answer to it; nothing is changed then
     */
    @Transactional
    public StoreVariant mapByHand(long storeId, long variantRowId, String product, String by) {
        StoreVariant variant = variantOf(storeId, variantRowId);
        WmsProduct target = productFor(product);
        variant.mapByHand(target, by, this.clock.instant());
        this.activity.record("catalog", "Variant " + variant.variantId() + " mapped by hand to " + target.code(), by);
        return variant;
    }

    /** Unmaps a variant by hand: it stays unmapped through every sync until mapped by hand again. */
    @Transactional
    public StoreVariant unmapByHand(long storeId, long variantRowId, String by) {
        StoreVariant variant = variantOf(storeId, variantRowId);
        variant.unmapByHand(by, this.clock.instant());
        this.activity.record("catalog", "Variant " + variant.variantId() + " unmapped by hand", by);
        return variant;
    }

    private StoreVariant variantOf(long storeId, long variantRowId) {
        StoreVariant variant = this.entityManager.find(StoreVariant.class, variantRowId);
        if (variant == null || !variant.belongsTo(storeId)) {
            throw new UnknownProductException("This variant is not one of the store's; sync again.");
        }
        return variant;
    }

    private WmsProduct productFor(String codeOrSku) {
        String key = codeOrSku == null ? "" : codeOrSku.strip();
        if (key.isEmpty()) {
            throw new UnknownProductException("Enter the code or SKU of a WMS product.");
        }
        List<WmsProduct> byCode = this.entityManager
                .createNamedQuery(WmsProduct.BY_CODES, WmsProduct.class)
                .setParameter("codes", List.of(key))
                .getResultList();
        if (!byCode.isEmpty()) {
            return byCode.get(0);
        }
        List<WmsProduct> bySku = this.entityManager
                .createNamedQuery(WmsProduct.ACTIVE_BY_SKU, WmsProduct.class)
                .setParameter("sku", key)
                .setMaxResults(2)
                .getResultList();
        if (bySku.size() == 1) {
            return bySku.get(0);
        }
        throw new UnknownProductException(
                bySku.isEmpty()
                        ? "No WMS product has the code or SKU '" + key + "'."
                        : "Several WMS products have the SKU '" + key + "': enter the product's code.");
    }
}
