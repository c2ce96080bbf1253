package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A return of fulfilled units: REQUESTED (by the customer) or OPEN (approved), then processed and CLOSED. An open
 * return has one reverse fulfillment order whose lines receive the dispositions (restocked or not).
 */
public final class Return extends ShopifyObject {

    private final Order order;
    private final int sequence;
    private final List<ReturnLineItem> returnLineItems = new ArrayList<>();
    private final List<ReverseFulfillmentOrder> reverseFulfillmentOrders = new ArrayList<>();
    private String status;
    private Instant requestApprovedAt;
    private Instant closedAt;

    Return(long id, Order order, int sequence, String status, Instant at) {
        super("Return", id, at);
        this.order = order;
        this.sequence = sequence;
        this.status = status;
    }

    public Order order() {
        return order;
    }

    public String name() {
        return order.name() + "-R" + sequence;
    }

    public String status() {
        return status;
    }

    public Instant requestApprovedAt() {
        return requestApprovedAt;
    }

    public Instant closedAt() {
        return closedAt;
    }

    public int totalQuantity() {
        return returnLineItems.stream().mapToInt(ReturnLineItem::quantity).sum();
    }

    public List<ReturnLineItem> returnLineItems() {
        return List.copyOf(returnLineItems);
    }

    public List<ReverseFulfillmentOrder> reverseFulfillmentOrders() {
        return List.copyOf(reverseFulfillmentOrders);
    }

    void add(ReturnLineItem lineItem) {
        returnLineItems.add(lineItem);
    }

    void add(ReverseFulfillmentOrder reverseFulfillmentOrder) {
        reverseFulfillmentOrders.add(reverseFulfillmentOrder);
    }

    void open(Instant at) {
        status = "OPEN";
        requestApprovedAt = at;
        touch(at);
    }

    void close(Instant at) {
        status = "CLOSED";
        closedAt = at;
        reverseFulfillmentOrders.forEach(rfo -> rfo.close(at));
        touch(at);
    }

    @Override
    Object searchValue(String field) {
        return "status".equals(field) ? status.toLowerCase() : super.searchValue(field);
    }
}
