package wms.shopify.stock.control;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.stock.entity.MovementKind;

/**
 * The rules a stock movement call must keep, checked on the whole call before anything is stored, so that the WMS
 * learns every problem at once: required fields, known types, sane quantities, no id twice in one call, a well
 * formed order reference. Whether products, warehouses and stores exist is checked by {@link StockIntake}.
 */
public final class MovementRules {

    public static final int ID_LIMIT = 128;
    /** A single movement of more than a million units is a unit or sign mistake, not a movement. */
    public static final long DELTA_LIMIT = 1_000_000;
    /** Shopify's own ceiling for a quantity. */
    public static final long SELLABLE_LIMIT = StockSettings.SET_QUANTITY_LIMIT;

    private static final Pattern ORDER_ID = Pattern.compile("^(gid://shopify/Order/)?[1-9][0-9]{0,18}$");

    private MovementRules() {}

    public static List<FieldError> check(List<StockMovementInput> movements, int maxPerCall) {
        List<FieldError> errors = new ArrayList<>();
        if (movements == null || movements.isEmpty()) {
            errors.add(new FieldError("body", "must be a non-empty array of stock movements"));
            return errors;
        }
        if (movements.size() > maxPerCall) {
            errors.add(new FieldError(
                    "body", "holds " + movements.size() + " movements; at most " + maxPerCall + " per call"));
            return errors;
        }
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < movements.size(); i++) {
            String at = "[" + i + "]";
            StockMovementInput m = movements.get(i);
            if (m == null) {
                errors.add(new FieldError(at, "must be a movement object"));
                continue;
            }
            if (blank(m.movementId())) {
                errors.add(new FieldError(at + ".movementId", "is required"));
            } else if (m.movementId().trim().length() > ID_LIMIT) {
                errors.add(new FieldError(at + ".movementId", "is longer than " + ID_LIMIT + " characters"));
            } else if (!ids.add(m.movementId().trim())) {
                errors.add(new FieldError(at + ".movementId", "appears more than once in this call"));
            }
            if (blank(m.type())) {
                errors.add(new FieldError(at + ".type", "is required"));
            } else if (MovementKind.parse(m.type()).isEmpty()) {
                errors.add(new FieldError(
                        at + ".type",
                        "must be one of receiving, picking, adjustment, transfer, " + "return_receipt, allocation"));
            }
            if (blank(m.product())) {
                errors.add(new FieldError(at + ".product", "is required (the WMS product code)"));
            }
            if (blank(m.warehouse())) {
                errors.add(new FieldError(at + ".warehouse", "is required (the WMS warehouse code)"));
            }
            WholeNumber.required(m.delta(), at + ".delta", -DELTA_LIMIT, DELTA_LIMIT, errors);
            WholeNumber.required(m.sellableAfter(), at + ".sellableAfter", 0, SELLABLE_LIMIT, errors);
            WholeNumber.required(m.sequence(), at + ".sequence", 0, Long.MAX_VALUE, errors);
            if (m.order() != null) {
                if (blank(m.order().store())) {
                    errors.add(new FieldError(at + ".order.store", "is required when an order is given"));
                }
                if (blank(m.order().orderId())) {
                    errors.add(new FieldError(at + ".order.orderId", "is required when an order is given"));
                } else if (!ORDER_ID.matcher(m.order().orderId().trim()).matches()) {
                    errors.add(new FieldError(
                            at + ".order.orderId", "must be a Shopify order id (digits or gid://shopify/Order/...)"));
                }
            }
        }
        return errors;
    }

    /** The order's global id whatever form the WMS sent. */
    public static String orderGid(String orderId) {
        String id = orderId.trim();
        return id.startsWith("gid://") ? id : "gid://shopify/Order/" + id;
    }

    private static boolean blank(String text) {
        return text == null || text.isBlank();
    }
}
