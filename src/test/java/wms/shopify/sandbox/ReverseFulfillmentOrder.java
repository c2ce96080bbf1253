package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** The goods-in side of an approved return: the lines expected back and what was done with them. */
public final class ReverseFulfillmentOrder extends ShopifyObject {

    private final Return aReturn;
    private final List<ReverseFulfillmentOrderLineItem> lineItems = new ArrayList<>();
    private String status = "OPEN";

    ReverseFulfillmentOrder(long id, Return aReturn, Instant at) {
        super("ReverseFulfillmentOrder", id, at);
        this.aReturn = aReturn;
    }

    public Order order() {
        return aReturn.order();
    }

    Return returnOf() {
        return aReturn;
    }

    public String status() {
        return status;
    }

    public List<ReverseFulfillmentOrderLineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    void add(ReverseFulfillmentOrderLineItem lineItem) {
        lineItems.add(lineItem);
    }

    void close(Instant at) {
        status = "CLOSED";
        touch(at);
    }
}
