package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.stores.entity.Store;

/**
 * The WMS puts an order on hold on Shopify (an address it cannot ship to, a fraud check of its own) and releases it:
 * a fulfillment hold with the WMS's reason on each of the order's fulfillment orders with units to ship, under the
 * connector's handle, and a release of those holds only (the merchant's stay). Shopify is called outside any
 * transaction; the order is then read again and recorded as on any hold signal, so the feed and the Orders page show
 * it at once, and the webhooks the hold causes change nothing more.
 */
@ApplicationScoped
public class OrderHolds {

    /** Shopify's FulfillmentHoldReason values (2026-07). */
    public static final Set<String> REASONS = Set.of(
            "AWAITING_PAYMENT",
            "HIGH_RISK_OF_FRAUD",
            "INCORRECT_ADDRESS",
            "INVENTORY_OUT_OF_STOCK",
            "UNKNOWN_DELIVERY_DATE",
            "ONLINE_STORE_POST_PURCHASE_CROSS_SELL",
            "AWAITING_RETURN_ITEMS",
            "OTHER");

    /** The statuses of a fulfillment order Shopify lets an app hold (not one a fulfillment service has). */
    private static final Set<String> HOLDABLE = Set.of("OPEN", "IN_PROGRESS", "ON_HOLD");

    private static final String DUPLICATE = "DUPLICATE_FULFILLMENT_HOLD_HANDLE";

    @Inject
    ShopifyOrders shopify;

    @Inject
    OrderImport importer;

    @Inject
    ActivityLog activity;

    /**
     * What a hold or release of the WMS did.
     *
     * @param changed fulfillment orders held or released now
     * @param already fulfillment orders that had it so before (a repeated call)
     * @param refusals what Shopify refused, in its words; empty when nothing was
     * @param note what became of the WMS order, as the import says
     */
    public record Outcome(int changed, int already, List<String> refusals, String note) {}

    /**
     * Puts the order on hold on Shopify with the WMS's reason.
     *
     * @throws IllegalStateException when the order is no longer on Shopify
     */
    public Outcome hold(ImportedOrder order, String reason, String notes, String by) {
        Store store = order.store();
        ShopifyOrderSnapshot now = current(order);
        int held = 0;
        int already = 0;
        List<String> refusals = new ArrayList<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : now.fulfillmentOrders()) {
            if (!HOLDABLE.contains(fo.status()) || fo.lines().stream().noneMatch(l -> l.remainingQuantity() > 0)) {
                continue;
            }
            if (fo.holds().stream().anyMatch(ShopifyOrderSnapshot.Hold::placedForTheWms)) {
                already++;
                continue;
            }
            ShopifyOrders.HoldAnswer answer = this.shopify.hold(store, fo.id(), reason, notes);
            if (answer.done()) {
                held++;
            } else if (answer.codes().contains(DUPLICATE)) {
                already++;
            } else {
                refusals.add(fo.id() + ": " + String.join("; ", answer.messages()));
            }
        }
        if (held == 0 && already == 0 && refusals.isEmpty()) {
            refusals.add("the order has no fulfillment order with units to ship that can be held (open or in"
                    + " progress, not with a fulfillment service)");
        }
        OrderRecords.Outcome recorded = this.importer.importOrder(store, order.shopifyOrderId(), "WMS hold");
        if (held > 0) {
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "Order " + name(order) + " of " + store.domain() + " put on hold on Shopify by the WMS: " + reason
                            + (notes == null ? "" : " (" + notes + ")") + ".",
                    by);
        }
        return new Outcome(held, already, refusals, recorded.note());
    }

    /** Releases the holds the WMS placed on the order; the merchant's holds stay. */
    public Outcome release(ImportedOrder order, String by) {
        Store store = order.store();
        ShopifyOrderSnapshot now = current(order);
        int released = 0;
        List<String> refusals = new ArrayList<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : now.fulfillmentOrders()) {
            List<String> ours = fo.holds().stream()
                    .filter(ShopifyOrderSnapshot.Hold::placedForTheWms)
                    .map(ShopifyOrderSnapshot.Hold::id)
                    .toList();
            if (ours.isEmpty()) {
                continue;
            }
            ShopifyOrders.HoldAnswer answer = this.shopify.release(store, fo.id(), ours);
            if (answer.done()) {
                released++;
            } else {
                refusals.add(fo.id() + ": " + String.join("; ", answer.messages()));
            }
        }
        OrderRecords.Outcome recorded = this.importer.importOrder(store, order.shopifyOrderId(), "WMS hold release");
        if (released > 0) {
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "Order " + name(order) + " of " + store.domain() + ": the WMS released its hold on Shopify.",
                    by);
        }
        return new Outcome(released, released == 0 && refusals.isEmpty() ? 1 : 0, refusals, recorded.note());
    }

    private ShopifyOrderSnapshot current(ImportedOrder order) {
        Optional<ShopifyOrderSnapshot> now = this.shopify.read(order.store(), order.shopifyOrderId());
        return now.orElseThrow(() -> new IllegalStateException(
                "Order " + name(order) + " is no longer on Shopify (deleted): nothing to hold or release."));
    }

    private static String name(ImportedOrder order) {
        return order.name() == null ? order.shopifyOrderId() : order.name();
    }
}
