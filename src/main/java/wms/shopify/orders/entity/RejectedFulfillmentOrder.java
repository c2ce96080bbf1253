package wms.shopify.orders.entity;

import java.util.Map;

/**
 * A fulfillment request the WMS rejected on Shopify while rejecting the change that carried it (fulfillment-service
 * mode): the fulfillment order, the location it was requested at, and the units still to ship per line item, which
 * leave the order's lines (the WMS keeps the order as it was given).
 *
 * @param unitsByLineItem line item id → units the fulfillment order had still to ship
 */
public record RejectedFulfillmentOrder(
        String fulfillmentOrderId, String locationId, Map<String, Integer> unitsByLineItem) {

    public RejectedFulfillmentOrder {
        unitsByLineItem = Map.copyOf(unitsByLineItem);
    }
}
