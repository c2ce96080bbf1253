package wms.shopify.orders.entity;

/** How many fulfillment services the WMS is registered as on a store in fulfillment-service mode. */
public enum FulfillmentScope {
    /** One service, with one location, for all the WMS's warehouses (the default, and the behaviour before). */
    ONE_FOR_ALL,
    /**
     * One service per warehouse the store sells from (each mapped to one of the store's locations), each with its
     * own location, which is mapped to its warehouse.
     */
    PER_WAREHOUSE
}
