package wms.shopify.returns.entity;

/**
 * How returns of one store are handled, as the merchant set it on Store Settings. A new store's values are the
 * defaults of the {@code return_policy} table.
 *
 * @param syncEnabled whether Shopify's returns are announced to the WMS and its receipts taken
 * @param autoClose whether a return is closed on Shopify once it was received
 */
public record ReturnPolicy(boolean syncEnabled, boolean autoClose) {}
