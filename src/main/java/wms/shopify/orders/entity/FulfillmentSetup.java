package wms.shopify.orders.entity;

/**
 * A store's fulfillment mode and, in fulfillment-service mode, the service Shopify registered for the WMS and the
 * location Shopify made for it (one service for the whole store).
 *
 * @param mode the mode
 * @param serviceId the fulfillment service's global id, null in merchant-managed mode
 * @param locationId the service's location's global id, null in merchant-managed mode
 */
public record FulfillmentSetup(FulfillmentMode mode, String serviceId, String locationId)
        implements java.io.Serializable {

    /** The default: merchant-managed, no service. */
    public static final FulfillmentSetup MERCHANT_MANAGED =
            new FulfillmentSetup(FulfillmentMode.MERCHANT_MANAGED, null, null);

    public FulfillmentSetup {
        if (mode == FulfillmentMode.FULFILLMENT_SERVICE && (serviceId == null || locationId == null)) {
            throw new IllegalArgumentException("A fulfillment service is recorded with its id and its location's id");
        }
    }

    /** Whether the WMS is the store's fulfillment service. */
    public boolean isFulfillmentService() {
        return this.mode == FulfillmentMode.FULFILLMENT_SERVICE;
    }
}
