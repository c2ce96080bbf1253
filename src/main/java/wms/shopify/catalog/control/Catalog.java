package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.catalog.entity.KitComponent;
import wms.shopify.catalog.entity.WmsProduct;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.RegistrationResult;
import wms.shopify.platform.api.RegistrationRules;
import wms.shopify.platform.api.Upsert;
import wms.shopify.platform.api.WholeNumber;

/**
 * The WMS catalog as the WMS registers it: a bulk upsert by code with the same rules as warehouses (checked whole
 * first, all or nothing, idempotent), plus the catalog's own: SKU and barcode optional and bounded. Several
 * products may share a SKU or barcode (the WMS may have reasons); the call then reports them, because such a SKU
 * can never match a Shopify variant. The boundary checks a call with {@link #check(List)} before the
 * registration's own transaction starts, so that a refused call (400) never rolls a transaction back (Liberty
 * writes an FFDC incident for each exception that does); the registration checks again inside, as a guard.
 *
 * <p>A product may be a kit (issue #18): made of components, each a product registered before or in the same call,
 * with a whole number of units per kit. Kits of kits are refused (a component is never a kit, and a component is
 * never made a kit), so a kit's quantity is always one minimum over plain products (docs/stock.md, "WMS kits").
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

    /** Most components one kit may have. */
    public static final int COMPONENT_LIMIT = 100;

    /** Most units of one component one kit may take. */
    public static final long UNITS_PER_KIT_LIMIT = 1_000_000;

    /** The rules of one call, item by item; every error is reported. */
    static List<FieldError> check(List<ProductRegistration> items, int maxItems) {
        List<FieldError> errors = new RegistrationRules(maxItems)
                .check(items, ProductRegistration::code, (item, at, found) -> {
                    RegistrationRules.checkName(item.name(), at, found);
                    RegistrationRules.checkOptionalText(item.sku(), at + ".sku", KEY_LIMIT, found);
                    RegistrationRules.checkOptionalText(item.barcode(), at + ".barcode", KEY_LIMIT, found);
                    RegistrationRules.checkActive(item.active(), at, found);
                    checkComponents(item, at, found);
                });
        if (errors.isEmpty()) {
            // Kits of kits: a component that this call makes a kit.
            Set<String> kits = new HashSet<>();
            items.forEach(item -> {
                if (!item.componentsOrNone().isEmpty()) {
                    kits.add(item.code());
                }
            });
            eachComponent(items, (component, field) -> {
                if (kits.contains(component.product())) {
                    errors.add(new FieldError(
                            field + ".product",
                            component.product() + " is a kit itself: kits of kits are not supported; list its "
                                    + "components instead"));
                }
            });
        }
        return errors;
    }

    /** A kit's components: each a product code once, not the kit itself, a whole number of units from 1. */
    private static void checkComponents(ProductRegistration item, String at, List<FieldError> errors) {
        List<KitComponentInput> components = item.componentsOrNone();
        if (components.size() > COMPONENT_LIMIT) {
            errors.add(new FieldError(
                    at + ".components",
                    "has " + components.size() + " components; a kit has at most " + COMPONENT_LIMIT));
            return;
        }
        Map<String, Integer> firstAt = new HashMap<>();
        for (int j = 0; j < components.size(); j++) {
            String field = at + ".components[" + j + "]";
            KitComponentInput component = components.get(j);
            if (component == null) {
                errors.add(new FieldError(field, "must be an object with product and quantity"));
                continue;
            }
            if (RegistrationRules.checkCode(component.product(), field + ".product", errors)) {
                if (component.product().equals(item.code())) {
                    errors.add(new FieldError(field + ".product", "a kit cannot be a component of itself"));
                }
                Integer earlier = firstAt.putIfAbsent(component.product(), j);
                if (earlier != null) {
                    errors.add(new FieldError(
                            field + ".product",
                            "'" + component.product() + "' is also at components[" + earlier
                                    + "]; give each component once, with the units one kit takes"));
                }
            }
            WholeNumber.required(component.quantity(), field + ".quantity", 1, UNITS_PER_KIT_LIMIT, errors);
        }
    }

    private interface ComponentVisitor {
        void visit(KitComponentInput component, String field);
    }

    private static void eachComponent(List<ProductRegistration> items, ComponentVisitor visitor) {
        for (int i = 0; i < items.size(); i++) {
            List<KitComponentInput> components = items.get(i).componentsOrNone();
            for (int j = 0; j < components.size(); j++) {
                visitor.visit(components.get(j), "[" + i + "].components[" + j + "]");
            }
        }
    }

    /**
     * Checks a registration of products without a transaction: the call's own rules, then what its kits refer to
     * (components registered or in the call, no kit of kits with the catalog as it is).
     *
     * @throws InvalidRequestException when any item breaks the rules
     */
    public void check(List<ProductRegistration> items) {
        List<FieldError> errors = check(items, this.maxProductsPerCall);
        if (errors.isEmpty()) {
            errors.addAll(checkKitsAgainstCatalog(items));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * The kits of a call against the catalog: every component is registered or in the call; none is a kit the call
     * leaves a kit; no product the call makes a kit is a component of a kit the call does not change.
     */
    private List<FieldError> checkKitsAgainstCatalog(List<ProductRegistration> items) {
        List<FieldError> errors = new ArrayList<>();
        Map<String, ProductRegistration> inCall = new HashMap<>();
        Set<String> componentCodes = new HashSet<>();
        items.forEach(item -> inCall.put(item.code(), item));
        eachComponent(items, (component, field) -> componentCodes.add(component.product()));
        List<String> kitCodes = items.stream()
                .filter(item -> !item.componentsOrNone().isEmpty())
                .map(ProductRegistration::code)
                .toList();
        if (componentCodes.isEmpty() && kitCodes.isEmpty()) {
            return errors;
        }
        Set<String> registered = byCode(componentCodes).keySet();
        Set<String> registeredKits = new HashSet<>();
        for (Object[] row : kitComponents(componentCodes)) {
            registeredKits.add((String) row[0]);
        }
        eachComponent(items, (component, field) -> {
            String code = component.product();
            if (!inCall.containsKey(code) && !registered.contains(code)) {
                errors.add(new FieldError(
                        field + ".product",
                        "unknown product code " + code + ": register it first, or in the same call"));
            } else if (!inCall.containsKey(code) && registeredKits.contains(code)) {
                errors.add(new FieldError(
                        field + ".product",
                        code + " is a kit: kits of kits are not supported; list its components instead"));
            }
        });
        if (!kitCodes.isEmpty()) {
            // Kits (outside this call) that already hold a product this call makes a kit.
            List<Object[]> holding = this.entityManager
                    .createQuery(
                            "select p.code, c.code from WmsProduct p join p.components k, WmsProduct c "
                                    + "where c.id = k.productId and c.code in :codes order by p.code",
                            Object[].class)
                    .setParameter("codes", Set.copyOf(kitCodes))
                    .getResultList();
            Map<String, String> heldBy = new LinkedHashMap<>();
            for (Object[] row : holding) {
                String kit = (String) row[0];
                ProductRegistration resent = inCall.get(kit);
                boolean stillHolds = resent == null
                        || resent.componentsOrNone().stream().anyMatch(component -> row[1].equals(component.product()));
                if (stillHolds) {
                    heldBy.putIfAbsent((String) row[1], kit);
                }
            }
            for (int i = 0; i < items.size(); i++) {
                String kit = heldBy.get(items.get(i).code());
                if (kit != null && !items.get(i).componentsOrNone().isEmpty()) {
                    errors.add(new FieldError(
                            "[" + i + "].components",
                            items.get(i).code() + " is a component of kit " + kit
                                    + ": kits of kits are not supported"));
                }
            }
        }
        return errors;
    }

    /** The components sent for a product, code → units per kit. */
    private static Map<String, Long> unitsByCode(ProductRegistration item) {
        Map<String, Long> units = new LinkedHashMap<>();
        item.componentsOrNone()
                .forEach(component -> units.put(component.product(), WholeNumber.of(component.quantity())));
        return units;
    }

    /** Kit code, component code and units per kit of the kits among these codes. */
    private List<Object[]> kitComponents(Collection<String> kitCodes) {
        if (kitCodes.isEmpty()) {
            return List.of();
        }
        return this.entityManager
                .createNamedQuery(WmsProduct.KIT_COMPONENTS, Object[].class)
                .setParameter("codes", Set.copyOf(kitCodes))
                .getResultList();
    }

    /**
     * The components of the kits among these products, by kit code: each component's code and units per kit, in
     * code order; products that are no kit are absent.
     */
    public Map<String, Map<String, Long>> componentsOf(Collection<String> codes) {
        Map<String, Map<String, Long>> kits = new HashMap<>();
        for (Object[] row : kitComponents(codes)) {
            kits.computeIfAbsent((String) row[0], kit -> new LinkedHashMap<>()).put((String) row[1], (Long) row[2]);
        }
        return kits;
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
        // A kit whose components change is updated even when nothing else of it does.
        Map<String, Map<String, Long>> kitsBefore = componentsOf(existing.keySet());
        RegistrationResult result = Upsert.apply(
                items,
                ProductRegistration::code,
                existing,
                item -> new WmsProduct(
                        item.code(), item.sku(), item.barcode(), item.name(), item.activeOrDefault(), now),
                (product, item) -> product.update(item.sku(), item.barcode(), item.name(), item.activeOrDefault(), now)
                        | !kitsBefore.getOrDefault(item.code(), Map.of()).equals(unitsByCode(item)),
                this.entityManager::persist);
        // Written now, so a clash with a concurrent call surfaces here and the duplicate check sees this call.
        this.entityManager.flush();
        // Then the kits' components, every product of the call now having its id (counted above as updates). Only the
        // kits of the call and those it makes plain products again: a product's components are read when
        // it is touched, so a call of 5000 plain products reads none.
        List<ProductRegistration> kits = items.stream()
                .filter(item -> !item.componentsOrNone().isEmpty() || kitsBefore.containsKey(item.code()))
                .toList();
        if (!kits.isEmpty()) {
            Set<String> codes = new HashSet<>();
            kits.forEach(item -> {
                codes.add(item.code());
                item.componentsOrNone().forEach(component -> codes.add(component.product()));
            });
            Map<String, WmsProduct> products = byCode(codes);
            for (ProductRegistration item : kits) {
                List<KitComponent> components = item.componentsOrNone().stream()
                        .map(component -> new KitComponent(
                                products.get(component.product()).id(), WholeNumber.of(component.quantity())))
                        .toList();
                products.get(item.code()).makeOf(components, now);
            }
            this.entityManager.flush();
        }
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
