package wms.shopify.orders.entity;

/**
 * A store's order filters changed (Store Settings or the filters API), fired within the transaction that changed
 * them: the orders component decides the store's filtered-out orders again once it commits.
 *
 * @param storeId the store
 * @param by who changed them (for the activity log), null for the system
 */
public record OrderFiltersChanged(long storeId, String by) {}
