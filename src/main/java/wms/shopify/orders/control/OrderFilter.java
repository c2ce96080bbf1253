package wms.shopify.orders.control;

import java.time.Instant;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.OrderState;

/**
 * What the Orders page's filters ask for; every part is optional (null or blank: no condition).
 *
 * @param storeId the store
 * @param state the connector's state of the order
 * @param reason why it is held
 * @param name a text the order's name contains (such as {@code 1001} for {@code #1001}), in any case
 * @param from the earliest last update, inclusive
 * @param until the latest last update, exclusive
 */
public record OrderFilter(
        Long storeId, OrderState state, HoldReason reason, String name, Instant from, Instant until) {}
