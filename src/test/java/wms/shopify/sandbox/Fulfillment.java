package wms.shopify.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A shipment of some units of an order from one location, with its tracking information. */
public final class Fulfillment extends ShopifyObject {

    private final Order order;
    private final Location location;
    private final int sequence;
    private final List<FulfillmentLineItem> lineItems;
    private volatile List<Map<String, Object>> trackingInfo;
    private volatile boolean notifyCustomer;

    Fulfillment(
            long id,
            Order order,
            Location location,
            int sequence,
            List<FulfillmentLineItem> lineItems,
            List<Map<String, Object>> trackingInfo,
            Instant at) {
        super("Fulfillment", id, at);
        this.order = order;
        this.location = location;
        this.sequence = sequence;
        this.lineItems = List.copyOf(lineItems);
        this.trackingInfo = List.copyOf(trackingInfo);
    }

    public Order order() {
        return order;
    }

    public Location location() {
        return location;
    }

    /** Shopify's name of the fulfillment: the order's name and the fulfillment's number in it, "#1001.1". */
    public String name() {
        return order.name() + "." + sequence;
    }

    public String status() {
        return "SUCCESS";
    }

    public int totalQuantity() {
        return lineItems.stream().mapToInt(FulfillmentLineItem::quantity).sum();
    }

    /** Entries with {@code company}, {@code number} and {@code url}. */
    public List<Map<String, Object>> trackingInfo() {
        return trackingInfo;
    }

    /** {@code fulfillmentTrackingInfoUpdate}: the tracking information is replaced. */
    void trackingInfo(List<Map<String, Object>> entries, Instant at) {
        this.trackingInfo = List.copyOf(entries);
        touch(at);
    }

    /**
     * Whether Shopify sent the customer a shipping confirmation for this fulfillment ({@code notifyCustomer} of
     * {@code fulfillmentCreate}, false by default); the REST body's {@code notify_customer}.
     */
    public boolean notifyCustomer() {
        return notifyCustomer;
    }

    void notifyCustomer(boolean notify) {
        this.notifyCustomer = notify;
    }

    public List<FulfillmentLineItem> fulfillmentLineItems() {
        return lineItems;
    }
}
