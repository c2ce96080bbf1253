package wms.shopify.orders.entity;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One line of an order changed on Shopify since the WMS was given it: added (from 0), removed (to 0) or changed, in
 * units ordered ({@link OrderedUnits}).
 */
public record LineChange(String lineItemId, String productCode, int oldQuantity, int newQuantity) {

    /** What happened to the line. */
    public enum Kind {
        ADDED,
        REMOVED,
        CHANGED
    }

    public Kind kind() {
        return this.oldQuantity == 0 ? Kind.ADDED : this.newQuantity == 0 ? Kind.REMOVED : Kind.CHANGED;
    }

    /**
     * The lines that differ between what the WMS was given and what is ordered now, by line item: those given first in
     * their order, then the new ones. A line item missing on either side counts as 0 units; equal quantities are no
     * change.
     */
    public static List<LineChange> between(List<OrderedUnits> given, List<OrderedUnits> now) {
        Map<String, OrderedUnits> before = byLineItem(given);
        Map<String, OrderedUnits> after = byLineItem(now);
        List<LineChange> changes = new ArrayList<>();
        before.forEach((id, was) -> {
            OrderedUnits is = after.get(id);
            int quantity = is == null ? 0 : is.quantity();
            if (quantity != was.quantity()) {
                changes.add(new LineChange(
                        id,
                        is == null || is.productCode() == null ? was.productCode() : is.productCode(),
                        was.quantity(),
                        quantity));
            }
        });
        after.forEach((id, is) -> {
            if (!before.containsKey(id) && is.quantity() > 0) {
                changes.add(new LineChange(id, is.productCode(), 0, is.quantity()));
            }
        });
        return changes;
    }

    private static Map<String, OrderedUnits> byLineItem(List<OrderedUnits> lines) {
        Map<String, OrderedUnits> map = new LinkedHashMap<>();
        for (OrderedUnits line : lines) {
            OrderedUnits same = map.get(line.lineItemId());
            map.put(
                    line.lineItemId(),
                    same == null
                            ? line
                            : new OrderedUnits(
                                    line.lineItemId(), line.productCode(), same.quantity() + line.quantity()));
        }
        return map;
    }
}
