package wms.shopify.orders.entity;

/**
 * A fulfillment order at the WMS's fulfillment-service location, as Shopify lists it ({@code assignedFulfillmentOrders}):
 * what a request to the WMS concerns, and what is still open there when the merchant switches back.
 *
 * @param status the work's status (OPEN, IN_PROGRESS...)
 * @param requestStatus the conversation with the service (SUBMITTED, ACCEPTED, CANCELLATION_REQUESTED...)
 * @param orderName the order's name, e.g. #1001
 */
public record AssignedFulfillmentOrder(String id, String status, String requestStatus, String orderId, String orderName)
        implements java.io.Serializable {}
