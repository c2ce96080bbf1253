package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import javax.sql.DataSource;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.ItemsPerCall;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.stock.entity.MovementKind;
import wms.shopify.stock.entity.ResolvedMovement;

/**
 * Takes the WMS's stock movements: checks the whole call (rules, then products, warehouses and order stores by
 * code, all read before any transaction), and hands the resolved movements to the {@link MovementLedger}, which
 * stores the new ones and fans them out to the stores' pending changes in one transaction.
 */
@ApplicationScoped
public class StockIntake {

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    MovementLedger ledger;

    @Inject
    ItemsPerCall itemsPerCall;

    /**
     * @throws InvalidRequestException listing every problem, when any movement breaks a rule or names something
     *         unknown; nothing is stored then
     */
    public IntakeResult accept(List<StockMovementInput> movements) {
        List<FieldError> errors = MovementRules.check(movements, this.itemsPerCall.max());
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        Set<String> productCodes = new LinkedHashSet<>();
        Set<String> warehouseCodes = new LinkedHashSet<>();
        Set<String> domains = new LinkedHashSet<>();
        for (StockMovementInput m : movements) {
            productCodes.add(m.product().trim());
            warehouseCodes.add(m.warehouse().trim());
            if (m.order() != null) {
                domains.add(domain(m.order().store()));
            }
        }
        Map<String, Long> products;
        Map<String, Long> warehouses;
        Map<String, Long> stores;
        Map<String, Long> kits;
        try (Connection db = this.dataSource.getConnection()) {
            products = ids(db, "select code, product_id from product_code where code = any(?)", productCodes);
            // A kit has no stock of its own: its quantity is computed from its components' (docs/stock.md).
            kits = ids(
                    db,
                    "select p.code, p.product_id from product_code p where p.code = any(?) "
                            + "and exists (select 1 from kit_component k where k.kit_product_id = p.product_id)",
                    productCodes);
            warehouses = ids(db, "select code, warehouse_id from warehouse_code where code = any(?)", warehouseCodes);
            stores = ids(db, "select domain, store_id from store_connection where domain = any(?)", domains);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the catalog: " + e.getMessage(), e);
        }
        List<ResolvedMovement> resolved = new ArrayList<>();
        for (int i = 0; i < movements.size(); i++) {
            StockMovementInput m = movements.get(i);
            String at = "[" + i + "]";
            Long product = products.get(m.product().trim());
            Long warehouse = warehouses.get(m.warehouse().trim());
            Long store = m.order() == null ? null : stores.get(domain(m.order().store()));
            if (product == null) {
                errors.add(new FieldError(
                        at + ".product",
                        "unknown product code " + m.product().trim() + ": register it first (PUT /api/v1/products)"));
            } else if (kits.containsKey(m.product().trim())) {
                errors.add(new FieldError(
                        at + ".product",
                        m.product().trim() + " is a kit: it has no stock of its own, its quantity is computed from "
                                + "its components; report the movements of its components instead"));
                product = null;
            }
            if (warehouse == null) {
                errors.add(new FieldError(
                        at + ".warehouse",
                        "unknown warehouse code " + m.warehouse().trim()
                                + ": register it first (PUT /api/v1/warehouses)"));
            }
            if (m.order() != null && store == null) {
                errors.add(new FieldError(
                        at + ".order.store", "no store " + m.order().store().trim() + " is connected"));
            }
            if (product != null && warehouse != null && (m.order() == null || store != null)) {
                resolved.add(new ResolvedMovement(
                        m.movementId().trim(),
                        MovementKind.parse(m.type()).orElseThrow(),
                        product,
                        warehouse,
                        WholeNumber.of(m.delta()),
                        WholeNumber.of(m.sellableAfter()),
                        WholeNumber.of(m.sequence()),
                        store,
                        m.order() == null
                                ? null
                                : MovementRules.orderGid(m.order().orderId())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return this.ledger.record(resolved);
    }

    private static String domain(String store) {
        return store.trim().toLowerCase(Locale.ROOT);
    }

    private static Map<String, Long> ids(Connection db, String sql, Set<String> keys) throws SQLException {
        Map<String, Long> ids = new HashMap<>();
        if (keys.isEmpty()) {
            return ids;
        }
        try (PreparedStatement query = db.prepareStatement(sql)) {
            query.setArray(1, db.createArrayOf("varchar", keys.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return ids;
    }
}
