package wms.shopify.orders.entity;

/**
 * Why the WMS rejects a merchant's fulfillment request: Shopify's {@code FulfillmentOrderRejectionReason} (Admin API
 * 2026-07), which the merchant sees with the WMS's message.
 */
public enum FulfillmentRejectionReason {
    INCORRECT_ADDRESS,
    INVENTORY_OUT_OF_STOCK,
    INELIGIBLE_PRODUCT,
    UNDELIVERABLE_DESTINATION,
    INTERNATIONAL_SHIPPING_UNAVAILABLE,
    INCORRECT_PRODUCT_INFO,
    MISSING_CUSTOMS_INFO,
    INVALID_SKU,
    PAYMENT_DECLINED,
    PACKAGE_PREFERENCE_NOT_SET,
    INVALID_CONTACT_INFORMATION,
    ORDER_TOO_LARGE,
    MERCHANT_BLOCKED_OR_SUSPENDED,
    OTHER
}
