package wms.shopify.sandbox;

import java.time.Instant;

/**
 * A request the merchant sent to the fulfillment service of a fulfillment order: its kind (FULFILLMENT_REQUEST or
 * CANCELLATION_REQUEST), the merchant's message and when it was sent. The service reads it to know what it is asked.
 */
public final class FulfillmentOrderMerchantRequest extends ShopifyObject {

    private final FulfillmentOrder fulfillmentOrder;
    private final String kind;
    private final String message;

    FulfillmentOrderMerchantRequest(
            long id, FulfillmentOrder fulfillmentOrder, String kind, String message, Instant at) {
        super("FulfillmentOrderMerchantRequest", id, at);
        this.fulfillmentOrder = fulfillmentOrder;
        this.kind = kind;
        this.message = message;
    }

    public FulfillmentOrder fulfillmentOrder() {
        return fulfillmentOrder;
    }

    public String kind() {
        return kind;
    }

    public String message() {
        return message;
    }

    public Instant sentAt() {
        return createdAt();
    }
}
