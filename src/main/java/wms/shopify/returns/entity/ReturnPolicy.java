package wms.shopify.returns.entity;

/**
 * How returns of one store are handled, as the merchant set it on Store Settings. A new store's values are the
 * defaults of the {@code return_policy} table.
 *
 * @param syncEnabled whether Shopify's returns are announced to the WMS and its receipts taken
 * @param autoClose whether a return is closed on Shopify once it was received
 * @param refundOnProcess whether processing received units on Shopify ({@code returnProcess}) also refunds them, for
 *     the amount Shopify suggests for the returned lines (shipping not refunded); off, the merchant refunds in
 *     Shopify's admin
 */
public record ReturnPolicy(boolean syncEnabled, boolean autoClose, boolean refundOnProcess) {

    /** A policy that leaves refunds to the merchant (the default). */
    public ReturnPolicy(boolean syncEnabled, boolean autoClose) {
        this(syncEnabled, autoClose, false);
    }
}
