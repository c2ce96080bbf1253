package wms.shopify.orders.entity;

/**
 * An entry was added to the WMS feed (an order to ship, or a cancellation): fired in the transaction that added it,
 * observed after it committed by {@code orders.control.WmsCallback}.
 *
 * @param kind ORDER or CANCELLATION
 */
public record FeedEntryAdded(long orderId, long revision, String kind, String shop, String shopifyOrderId) {}
