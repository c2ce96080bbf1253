package wms.shopify.orders.entity;

import java.util.List;

/**
 * What a change of a store's order filters would do to its recent orders: of the last orders the connector read
 * (at most a bound, newest first), how many the proposed filters filter out and how many the current ones do, each
 * decided by {@link OrderFilters#refusal}, the rule that decides every order on its read. It previews the filters only:
 * an order they let through may still be held (an unmapped line, a risk hold, a hold on Shopify).
 *
 * @param orders the recent orders decided
 * @param filteredOut how many of them the proposed filters filter out
 * @param filteredOutNow how many of them the current filters filter out
 * @param notCounted recent orders whose facts the connector does not have (read before it kept their tags and
 *     channel, or erased for privacy): left out, never guessed
 */
public record FilterPreview(int orders, int filteredOut, int filteredOutNow, int notCounted) {

    /** Decides each order with the current and the proposed filters. */
    public static FilterPreview of(
            List<ShopifyOrderSnapshot> orders, int notCounted, OrderFilters now, OrderFilters proposed) {
        int filtered = 0;
        int filteredNow = 0;
        for (ShopifyOrderSnapshot order : orders) {
            if (proposed.refusal(order).isPresent()) {
                filtered++;
            }
            if (now.refusal(order).isPresent()) {
                filteredNow++;
            }
        }
        return new FilterPreview(orders.size(), filtered, filteredNow, notCounted);
    }

    /** How many more orders the proposed filters filter out than the current ones (fewer when negative). */
    public int moreThanNow() {
        return this.filteredOut - this.filteredOutNow;
    }

    /**
     * For the merchant, e.g. "These filters would filter out 3 of the last 12 orders: 2 more than now."; with the
     * orders not counted, and why.
     */
    public String text() {
        String text;
        if (this.orders == 0) {
            text = "No order of this store is known yet: there is nothing to preview.";
        } else {
            int more = moreThanNow();
            text = "These filters would filter out " + this.filteredOut + " of the last "
                    + this.orders + (this.orders == 1 ? " order" : " orders") + ": "
                    + (more == 0 ? "as many as now" : Math.abs(more) + (more > 0 ? " more" : " fewer") + " than now")
                    + ".";
        }
        if (this.notCounted > 0) {
            text += " Not counted: " + this.notCounted + (this.notCounted == 1 ? " order" : " orders")
                    + " read before the connector kept their tags and channel, or erased for privacy.";
        }
        return text;
    }
}
