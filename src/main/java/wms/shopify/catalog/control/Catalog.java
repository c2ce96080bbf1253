package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.catalog.entity.WmsProduct;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.RegistrationResult;
import wms.shopify.platform.api.RegistrationRules;
import wms.shopify.platform.api.Upsert;

/**
 * The WMS catalog as the WMS registers it: a bulk upsert by code with the same rules as warehouses (checked whole
 * first, all or nothing, idempotent), plus the catalog's own: SKU and barcode optional and bounded. Several
 * products may share a SKU or barcode (the WMS may have reasons); the call then reports them, because such a SKU
 * can never match a Shopify variant. The boundary checks a call with {@link #check(List)} before the
 * registration's own transaction starts, so that a refused call (400) never rolls a transaction back (Liberty
 * writes an FFDC incident for each exception that does); the registration checks again inside, as a guard.
 */
@ApplicationScoped
public class Catalog {

    /** Longest SKU or barcode, as Shopify allows. */
    public static final int KEY_LIMIT = 255;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wms.api.max-products-per-call")
    int maxProductsPerCall;

    /**
     * What a registration did, and which of the call's SKUs and barcodes are now on more than one active product.
     *
     * @param result each product's outcome
     * @param duplicateSkus SKUs of the call on several active products (none of them will match by SKU)
     * @param duplicateBarcodes the same for barcodes
     */
    public record ProductRegistrationResult(
            RegistrationResult result, List<String> duplicateSkus, List<String> duplicateBarcodes) {}

    /** The rules of one call, item by item; every error is reported. */
    static List<FieldError> check(List<ProductRegistration> items, int maxItems) {
        return new RegistrationRules(maxItems).check(items, ProductRegistration::code, (item, at, errors) -> {
            RegistrationRules.checkName(item.name(), at, errors);
            RegistrationRules.checkOptionalText(item.sku(), at + ".sku", KEY_LIMIT, errors);
            RegistrationRules.checkOptionalText(item.barcode(), at + ".barcode", KEY_LIMIT, errors);
            RegistrationRules.checkActive(item.active(), at, errors);
        });
    }

    /**
     * Checks a registration of products without a transaction or the database.
     *
     * @throws InvalidRequestException when any item breaks the rules
     */
    public void check(List<ProductRegistration> items) {
        List<FieldError> errors = check(items, this.maxProductsPerCall);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * Registers products, all or nothing in one transaction: creates the new codes, updates the known ones.
     *
     * @throws InvalidRequestException when any item breaks the rules; nothing is changed then
     */
    @Transactional
    public ProductRegistrationResult register(List<ProductRegistration> items, String actor) {
        check(items);
        Instant now = this.clock.instant();
        Map<String, WmsProduct> existing =
                byCode(items.stream().map(ProductRegistration::code).toList());
        RegistrationResult result = Upsert.apply(
                items,
                ProductRegistration::code,
                existing,
                item -> new WmsProduct(
                        item.code(), item.sku(), item.barcode(), item.name(), item.activeOrDefault(), now),
                (product, item) -> product.update(item.sku(), item.barcode(), item.name(), item.activeOrDefault(), now),
                this.entityManager::persist);
        // Written now, so a clash with a concurrent call surfaces here and the duplicate check sees this call.
        this.entityManager.flush();
        if (result.changed()) {
            this.activity.record("catalog", "Products registered by the WMS: " + result.summary(), actor);
        }
        return new ProductRegistrationResult(
                result,
                sharedKeys("sku", items.stream().map(ProductRegistration::sku)),
                sharedKeys("barcode", items.stream().map(ProductRegistration::barcode)));
    }

    /** A page of the catalog in code order, after a code (keyset: as fast on the last page as on the first). */
    public List<WmsProduct> page(String afterCode, int limit) {
        return this.entityManager
                .createNamedQuery(WmsProduct.PAGE, WmsProduct.class)
                .setParameter("after", afterCode == null ? "" : afterCode)
                .setMaxResults(limit)
                .getResultList();
    }

    /** The matching keys of every active product, for one sync; no entities are built. */
    public CatalogIndex activeIndex() {
        List<Object[]> rows = this.entityManager
                .createNamedQuery(WmsProduct.ACTIVE, Object[].class)
                .getResultList();
        return CatalogIndex.of(rows.stream()
                .map(row -> new CatalogIndex.Keys((Long) row[0], (String) row[1], (String) row[2]))::iterator);
    }

    /** Which of these SKUs (or barcodes), trimmed, are on more than one active product. */
    private List<String> sharedKeys(String column, java.util.stream.Stream<String> values) {
        Set<String> keys =
                values.map(CatalogIndex::normalised).filter(Objects::nonNull).collect(Collectors.toSet());
        if (keys.isEmpty()) {
            return List.of();
        }
        // The column name is one of two constants of this class, never input.
        @SuppressWarnings("unchecked")
        List<String> shared = this.entityManager
                .createQuery("select trim(p." + column + ") from WmsProduct p "
                        + "where p.active = true and trim(p." + column + ") in :keys group by trim(p." + column + ") "
                        + "having count(p) > 1 order by trim(p." + column + ")")
                .setParameter("keys", keys)
                .getResultList();
        return shared;
    }

    private Map<String, WmsProduct> byCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        return this.entityManager
                .createNamedQuery(WmsProduct.BY_CODES, WmsProduct.class)
                .setParameter("codes", Set.copyOf(codes))
                .getResultStream()
                .collect(Collectors.toMap(WmsProduct::code, Function.identity()));
    }
}
