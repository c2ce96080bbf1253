package wms.shopify.warehouses.control;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.platform.Published;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.ItemsPerCall;
import wms.shopify.platform.api.RegistrationResult;
import wms.shopify.platform.api.Upsert;
import wms.shopify.warehouses.entity.ShippingProcess;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * The WMS's warehouses and shipping processes as the WMS registers them: bulk upserts by code that check the
 * whole call first and change nothing when any item is wrong. The boundary checks a call with the check methods
 * before the registration's own transaction starts, so that a refused call (400) never rolls a transaction back
 * (Liberty writes an FFDC incident for each exception that does); the registration checks again inside, as a
 * guard. Each registration is one transaction, all or nothing; each that changes something is one event in the
 * activity log.
 */
@Published
@ApplicationScoped
public class Warehouses {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    @Inject
    ItemsPerCall itemsPerCall;

    private WarehouseRules rules;

    @PostConstruct
    void init() {
        this.rules = new WarehouseRules(this.itemsPerCall.max());
    }

    public List<Warehouse> allWarehouses() {
        return this.entityManager
                .createNamedQuery(Warehouse.ALL, Warehouse.class)
                .getResultList();
    }

    public List<ShippingProcess> allShippingProcesses() {
        return this.entityManager
                .createNamedQuery(ShippingProcess.ALL, ShippingProcess.class)
                .getResultList();
    }

    /**
     * Checks a registration of warehouses without a transaction or the database.
     *
     * @throws InvalidRequestException when any item breaks the rules
     */
    public void checkWarehouses(List<WarehouseRegistration> items) {
        refuseIfAny(this.rules.checkWarehouses(items));
    }

    /**
     * Checks a registration of shipping processes, the warehouses it names included (read without a transaction:
     * warehouses are never deleted, so one found here is still there when the registration runs).
     *
     * @throws InvalidRequestException when any item breaks the rules or names an unknown warehouse
     */
    public void checkShippingProcesses(List<ShippingProcessRegistration> items) {
        refuseIfAny(this.rules.checkShippingProcesses(items));
        refuseIfAny(unknownWarehouses(
                items,
                warehousesByCode(items.stream()
                        .map(ShippingProcessRegistration::warehouse)
                        .filter(Objects::nonNull)
                        .distinct()
                        .toList())));
    }

    /**
     * Registers warehouses: creates the new codes, updates the known ones.
     *
     * @throws InvalidRequestException when any item breaks the rules; nothing is changed then
     */
    @Transactional
    public RegistrationResult registerWarehouses(List<WarehouseRegistration> items, String actor) {
        refuseIfAny(this.rules.checkWarehouses(items));
        Instant now = this.clock.instant();
        Map<String, Warehouse> existing =
                warehousesByCode(items.stream().map(WarehouseRegistration::code).toList());
        RegistrationResult result = Upsert.apply(
                items,
                WarehouseRegistration::code,
                existing,
                item -> new Warehouse(item.code(), item.name(), item.activeOrDefault(), now),
                (warehouse, item) -> warehouse.update(item.name(), item.activeOrDefault(), now),
                this.entityManager::persist);
        return recorded(result, "Warehouses", actor);
    }

    /**
     * Registers shipping processes: creates the new codes, updates the known ones. The warehouses they name must
     * be registered already.
     *
     * @throws InvalidRequestException when any item breaks the rules or names an unknown warehouse; nothing is
     *         changed then
     */
    @Transactional
    public RegistrationResult registerShippingProcesses(List<ShippingProcessRegistration> items, String actor) {
        refuseIfAny(this.rules.checkShippingProcesses(items));
        Map<String, Warehouse> warehouses = warehousesByCode(items.stream()
                .map(ShippingProcessRegistration::warehouse)
                .filter(Objects::nonNull)
                .distinct()
                .toList());
        refuseIfAny(unknownWarehouses(items, warehouses));
        Instant now = this.clock.instant();
        Map<String, ShippingProcess> existing = byCode(
                ShippingProcess.class,
                ShippingProcess.BY_CODES,
                ShippingProcess::code,
                items.stream().map(ShippingProcessRegistration::code).toList());
        RegistrationResult result = Upsert.apply(
                items,
                ShippingProcessRegistration::code,
                existing,
                item -> new ShippingProcess(
                        item.code(), item.name(), warehouseOf(item, warehouses), item.activeOrDefault(), now),
                (process, item) ->
                        process.update(item.name(), warehouseOf(item, warehouses), item.activeOrDefault(), now),
                this.entityManager::persist);
        return recorded(result, "Shipping processes", actor);
    }

    /**
     * The warehouse a process ships from, or null for a process without one (the documented meaning of a warehouse
     * left out): looked up only when one is named, as the map of a call naming none refuses a null key.
     */
    private static Warehouse warehouseOf(ShippingProcessRegistration item, Map<String, Warehouse> warehouses) {
        return item.warehouse() == null ? null : warehouses.get(item.warehouse());
    }

    private static List<FieldError> unknownWarehouses(
            List<ShippingProcessRegistration> items, Map<String, Warehouse> known) {
        List<FieldError> unknown = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String warehouse = items.get(i).warehouse();
            if (warehouse != null && !known.containsKey(warehouse)) {
                unknown.add(new FieldError(
                        "[" + i + "].warehouse",
                        "no warehouse has the code '" + warehouse
                                + "'; register it first with PUT /api/v1/warehouses"));
            }
        }
        return unknown;
    }

    private static void refuseIfAny(List<FieldError> errors) {
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /** Writes now, so a clash with a concurrent call surfaces in this call, and logs what changed, if anything. */
    private RegistrationResult recorded(RegistrationResult result, String what, String actor) {
        this.entityManager.flush();
        if (result.changed()) {
            this.activity.record("warehouses", what + " registered by the WMS: " + result.summary(), actor);
        }
        return result;
    }

    private Map<String, Warehouse> warehousesByCode(Collection<String> codes) {
        return byCode(Warehouse.class, Warehouse.BY_CODES, Warehouse::code, codes);
    }

    /** One query for all the codes of a call, not one per item. */
    private <E> Map<String, E> byCode(Class<E> type, String query, Function<E, String> code, Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        Set<String> distinct = Set.copyOf(codes);
        return this.entityManager
                .createNamedQuery(query, type)
                .setParameter("codes", distinct)
                .getResultStream()
                .collect(Collectors.toMap(code, Function.identity()));
    }
}
