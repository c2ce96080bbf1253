package wms.shopify.sandbox;

import java.time.Instant;

/**
 * A hold on a fulfillment order ({@code fulfillmentOrderHold}): why (a {@code FulfillmentHoldReason} such as
 * AWAITING_PAYMENT or HIGH_RISK_OF_FRAUD), the notes, and the app's handle for it (unique per app and fulfillment
 * order). The order cannot be fulfilled while a hold is in force.
 */
public final class FulfillmentHold extends ShopifyObject {

    private final String reason;
    private final String reasonNotes;
    private final String handle;
    private final String externalId;

    FulfillmentHold(long id, String reason, String reasonNotes, String handle, String externalId, Instant at) {
        super("FulfillmentHold", id, at);
        this.reason = reason;
        this.reasonNotes = reasonNotes;
        this.handle = handle;
        this.externalId = externalId;
    }

    public String reason() {
        return reason;
    }

    public String reasonNotes() {
        return reasonNotes;
    }

    public String handle() {
        return handle;
    }

    String externalId() {
        return externalId;
    }

    /** The reason in the merchant's words, as the Shopify admin shows it. */
    public String displayReason() {
        return switch (reason) {
            case "AWAITING_PAYMENT" -> "Awaiting payment";
            case "HIGH_RISK_OF_FRAUD" -> "High risk of fraud";
            case "INCORRECT_ADDRESS" -> "Incorrect address";
            case "INVENTORY_OUT_OF_STOCK" -> "Inventory out of stock";
            case "UNKNOWN_DELIVERY_DATE" -> "Unknown delivery date";
            case "AWAITING_RETURN_ITEMS" -> "Awaiting return items";
            case "ONLINE_STORE_POST_PURCHASE_CROSS_SELL" -> "Post-purchase offer";
            default -> "Other";
        };
    }

    /** Every hold in the sandbox is placed by the app (or the merchant through a test), so it is the requester's. */
    public boolean heldByRequestingApp() {
        return true;
    }
}
