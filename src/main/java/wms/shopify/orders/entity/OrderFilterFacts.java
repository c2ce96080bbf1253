package wms.shopify.orders.entity;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What the store's order filters look at of one order, as {@code shop_order} kept it from the order's last read:
 * enough to decide it again with {@link OrderFilters#refusal} (the one rule that decides orders) for the filter
 * preview, without reading Shopify. Tags are kept one a line ({@link #storedTags}).
 *
 * @param countryCode the shipping address's country (null when there is none, or after an erasure)
 */
public record OrderFilterFacts(
        String orderId,
        boolean test,
        boolean closed,
        Instant cancelledAt,
        String financialStatus,
        String fulfillmentStatus,
        List<String> tags,
        String salesChannel,
        String shippingMethod,
        String countryCode) {

    public OrderFilterFacts {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /**
     * The facts of a row of {@code shop_order}: id, test, shopify_closed, cancelled_at, financial_status,
     * fulfillment_status, tags, sales_channel, shipping_method, ship_country_code, in this order; empty when the
     * order's tags are not known (read before they were kept, or erased for privacy): such an order cannot be decided
     * again without Shopify.
     */
    public static java.util.Optional<OrderFilterFacts> of(Object[] row) {
        if (row[6] == null) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(new OrderFilterFacts(
                (String) row[0],
                Boolean.TRUE.equals(row[1]),
                Boolean.TRUE.equals(row[2]),
                (Instant) row[3],
                (String) row[4],
                (String) row[5],
                tags((String) row[6]),
                (String) row[7],
                (String) row[8],
                (String) row[9]));
    }

    /** The tags as {@code shop_order.tags} keeps them: one a line, "" for none (a line break in a tag ends it). */
    public static String storedTags(List<String> tags) {
        return String.join("\n", tags == null ? List.of() : tags);
    }

    /** The tags of {@code shop_order.tags}. */
    public static List<String> tags(String stored) {
        if (stored == null || stored.isEmpty()) {
            return List.of();
        }
        return new ArrayList<>(Arrays.asList(stored.split("\n")));
    }

    /** The order as the filters see it: a snapshot with these facts and nothing else (no lines, no contact). */
    public ShopifyOrderSnapshot snapshot() {
        return new ShopifyOrderSnapshot(
                this.orderId,
                null,
                null,
                null,
                this.test,
                this.closed,
                this.cancelledAt,
                this.financialStatus == null ? "" : this.financialStatus,
                this.fulfillmentStatus == null ? "" : this.fulfillmentStatus,
                null,
                null,
                null,
                this.countryCode == null
                        ? null
                        : new ShopifyOrderSnapshot.ShipTo(
                                null, null, null, null, null, null, null, null, this.countryCode, null),
                this.shippingMethod,
                null,
                List.of(),
                List.of(),
                true,
                Set.of(),
                null,
                this.tags,
                this.salesChannel);
    }
}
