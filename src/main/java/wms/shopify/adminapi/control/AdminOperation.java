package wms.shopify.adminapi.control;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The GraphQL Admin API operations the connector sends, each a {@code .graphql} resource named after it (never a
 * query built from strings), with the cost it is expected to take from the store's budget before the answer says
 * what it really took. A unit test validates every one against Shopify's real schema.
 */
public enum AdminOperation {
    SHOP("Shop", 1),
    /** A page of 100 locations with their fulfillment service: 2 + 100 x 2 objects. */
    LOCATIONS("Locations", 202),
    /** A page of 100 subscriptions: 2 + 100 objects. */
    WEBHOOK_SUBSCRIPTIONS("WebhookSubscriptions", 102),
    WEBHOOK_SUBSCRIPTION_CREATE("WebhookSubscriptionCreate", 10),
    WEBHOOK_SUBSCRIPTION_DELETE("WebhookSubscriptionDelete", 10),
    /** A page of 250 variants: 2 + 250 x 3 objects. */
    PRODUCT_VARIANTS("ProductVariants", 752),
    /** A page of 250 inventory levels of one location: 1 + 2 + 250 x 2 objects. */
    LOCATION_INVENTORY_LEVELS("LocationInventoryLevels", 503),
    /** How many variants a store has (a Count object). */
    PRODUCT_VARIANTS_COUNT("ProductVariantsCount", 1),
    BULK_VARIANTS("BulkVariants", 10),
    BULK_OPERATION_STATUS("BulkOperationStatus", 1),
    /**
     * One order with its lines (and their bundle groups) and fulfillment orders (about 750 requested; Shopify refunds
     * what is not returned).
     */
    ORDER("Order", 750),
    /** The next 200 lines of a large order: 1 + 2 + 200 x 4 objects (line, bundle group, variant, item). */
    ORDER_LINE_ITEMS("OrderLineItems", 803),
    /** The next 5 fulfillment orders of a large order, 50 lines each: 1 + 2 + 5 x (3 + 2 + 50 x 2) objects. */
    ORDER_FULFILLMENT_ORDERS("OrderFulfillmentOrders", 528),
    /** The order of a fulfillment order (fulfillment_orders/* webhooks name only the fulfillment order). */
    /** The WMS puts a fulfillment order on hold (orders' WMS API hold). */
    FULFILLMENT_ORDER_HOLD("FulfillmentOrderHold", 13),
    /** The WMS releases its holds of a fulfillment order. */
    FULFILLMENT_ORDER_RELEASE_HOLD("FulfillmentOrderReleaseHold", 12),
    /** The next 250 lines of a large fulfillment order: 2 + 2 + 250 x 2 objects. */
    FULFILLMENT_ORDER_LINE_ITEMS("FulfillmentOrderLineItems", 504),
    /** Whose a moved fulfillment order is and where it is now: the fulfillment order, its assignment and location. */
    FULFILLMENT_ORDER_PLACE("FulfillmentOrderPlace", 3),
    /** A page of 100 orders updated since a time, id and time only: 2 + 100 objects. */
    ORDERS_UPDATED_SINCE("OrdersUpdatedSince", 102),
    /** Stock sync, Delta mode: a mutation costs a flat 10, whatever its input holds. */
    INVENTORY_ADJUST("InventoryAdjust", 10),
    /** Stock sync, Absolute mode. */
    INVENTORY_SET("InventorySet", 10),
    /** Stock sync with buffers shown as safety stock: two mutations, 10 each. */
    INVENTORY_SET_WITH_SAFETY_STOCK("InventorySetWithSafetyStock", 20),
    INVENTORY_ADJUST_WITH_SAFETY_STOCK("InventoryAdjustWithSafetyStock", 20),
    /** Stock sync, only buffers shown as safety stock changed. */
    INVENTORY_SAFETY_STOCK("InventorySafetyStock", 10),
    /** "available" of up to 100 items at one location: 100 x 3 objects. */
    STOCK_LEVELS("StockLevels", 300),
    /** A page of 250 levels of one location with "available": 3 + 250 x 3 objects. */
    LOCATION_AVAILABLE("LocationAvailable", 753),
    /** An order's fulfillment orders (5 x 50 lines) and fulfillments (20 x 20 lines). */
    ORDER_FULFILLMENTS("OrderFulfillments", 700),
    /** The next 250 lines of a large fulfillment: 1 + 2 + 250 x 2 objects. */
    FULFILLMENT_LINE_ITEMS("FulfillmentLineItems", 503),
    FULFILLMENT_CREATE("FulfillmentCreate", 10),
    FULFILLMENT_TRACKING_INFO_UPDATE("FulfillmentTrackingInfoUpdate", 10),
    /** One return with 50 lines and 2 reverse fulfillment orders of 50 lines. */
    RETURN("Return", 400),
    /** The next 200 lines of a large return: 1 + 2 + 200 x 4 objects. */
    RETURN_LINE_ITEMS("ReturnLineItems", 803),
    /** The next 250 lines of a large reverse fulfillment order: 1 + 2 + 250 x 3 objects. */
    REVERSE_FULFILLMENT_ORDER_LINE_ITEMS("ReverseFulfillmentOrderLineItems", 753),
    /** Received units processed with their dispositions (replaced reverseFulfillmentOrderDispose, see docs/wms-api.md). */
    RETURN_PROCESS("ReturnProcess", 10),
    /**
     * The refund Shopify suggests for the lines about to be processed: return, outcome, transfer, amount and its money
     * (2), a suggested transaction, its amount and money (2) and its parent: 9 objects.
     */
    RETURN_REFUND_SUGGESTION("ReturnRefundSuggestion", 9),
    RETURN_CLOSE("ReturnClose", 10),
    RETURN_CREATE("ReturnCreate", 10),
    /** Fulfillment-service mode: the WMS registered as the store's fulfillment service. */
    FULFILLMENT_SERVICE_CREATE("FulfillmentServiceCreate", 10),
    FULFILLMENT_SERVICE_DELETE("FulfillmentServiceDelete", 10),
    /** A page of 50 fulfillment orders at the service's location: 2 + 50 x 4 objects. */
    ASSIGNED_FULFILLMENT_ORDERS("AssignedFulfillmentOrders", 202),
    FULFILLMENT_ORDER_ACCEPT_FULFILLMENT_REQUEST("FulfillmentOrderAcceptFulfillmentRequest", 10),
    FULFILLMENT_ORDER_REJECT_FULFILLMENT_REQUEST("FulfillmentOrderRejectFulfillmentRequest", 10),
    FULFILLMENT_ORDER_ACCEPT_CANCELLATION_REQUEST("FulfillmentOrderAcceptCancellationRequest", 10),
    FULFILLMENT_ORDER_REJECT_CANCELLATION_REQUEST("FulfillmentOrderRejectCancellationRequest", 10);

    private final String operationName;
    private final double estimatedCost;
    private final String document;

    AdminOperation(String operationName, double estimatedCost) {
        this.operationName = operationName;
        this.estimatedCost = estimatedCost;
        this.document = load(resource(operationName));
    }

    /** Where the document is on the class path. */
    public static String resource(String operationName) {
        return "/wms/shopify/adminapi/graphql/" + operationName + ".graphql";
    }

    private static String load(String resource) {
        try (InputStream in = AdminOperation.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("GraphQL document " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String operationName() {
        return this.operationName;
    }

    public double estimatedCost() {
        return this.estimatedCost;
    }

    public String document() {
        return this.document;
    }
}
