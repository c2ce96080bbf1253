package wms.shopify.stock.control;

import java.time.Instant;
import java.util.Locale;

/**
 * The filters of the Stock page's lists of changes and pushes: a store, a state as the page names it, a SKU (or WMS
 * product code) contained, and a range of time (changes by their last update, pushes by their creation). Each part
 * null for any.
 *
 * @param storeId the store, or null for all
 * @param state pending, pushing, parked or pushed (as {@link State}), or null for any
 * @param sku a text the SKU or the WMS product code contains, or null
 * @param from the start of the range, inclusive, or null
 * @param until the end of the range, exclusive, or null
 */
public record StockFilter(Long storeId, State state, String sku, Instant from, Instant until) {

    /** A state as the page's filter offers it, and what it selects of changes and of pushes. */
    public enum State {
        /** Changes waiting for their window or their store's budget; no push is pending. */
        PENDING("Pending", new String[] {"PENDING"}, new String[] {}),
        /** Changes in a push being sent, and the pushes being sent. */
        PUSHING("Pushing", new String[] {"PUSHING"}, new String[] {"SENDING"}),
        /** Changes and pushes parked after Shopify refused them or failed repeatedly. */
        PARKED("Parked", new String[] {"FAILED"}, new String[] {"FAILED"}),
        /** The pushes Shopify took (a change that went out is idle and not listed). */
        PUSHED("Pushed", new String[] {}, new String[] {"PUSHED"});

        private final String label;
        private final String[] changeStates;
        private final String[] pushStates;

        State(String label, String[] changeStates, String[] pushStates) {
            this.label = label;
            this.changeStates = changeStates;
            this.pushStates = pushStates;
        }

        public String label() {
            return this.label;
        }

        /** The page's name of a state, null for none or one it does not know. */
        public static State of(String name) {
            if (name == null || name.isBlank()) {
                return null;
            }
            try {
                return valueOf(name.trim().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                return null;
            }
        }
    }

    /** The states of stock_change the filter lists. */
    String[] changeStates() {
        return this.state == null ? new String[] {"PENDING", "PUSHING", "FAILED"} : this.state.changeStates;
    }

    /** The states of stock_push the filter lists, null for all. */
    String[] pushStates() {
        return this.state == null ? null : this.state.pushStates;
    }

    /** The SKU filter as an ILIKE pattern (its wildcards taken literally), null for none. */
    String skuPattern() {
        if (this.sku == null || this.sku.isBlank()) {
            return null;
        }
        return "%" + this.sku.trim().replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
