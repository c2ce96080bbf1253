package wms.shopify.stock.entity;

/**
 * One availability rule of a store: what Shopify is shown of the WMS's sellable quantity, for a scope. The scope is
 * every location of the store or one Shopify location, and every product, a product group (a WMS product code
 * prefix) or one WMS product (its code). Of the rules that match a level, the most specific is applied, all of it:
 * the product scope decides first (a product over the longest matching group over every product), then the location.
 * The arithmetic, in this order, is the one availability calculation's ({@code stock_may_sell}, docs/stock.md):
 * share, then the store's open order units, then buffer, then out of stock below, then maximum.
 *
 * @param locationId the Shopify location (a {@code gid://shopify/Location/...}), null for every mapped location
 * @param productCode one WMS product's code, or null
 * @param productPrefix a product group: every WMS product whose code starts with it, or null
 * @param buffer units held back (published: available − buffer, never below 0), or null
 * @param sharePercent the store's share of the warehouse, 0 to 100 % (rounded down), or null for all of it
 * @param maximum the most ever shown, or null
 * @param outOfStockBelow 0 is shown when fewer than this many remain, or null
 * @param bufferAsSafetyStock whether the units the buffer holds back are shown on Shopify in the level's
 *     {@code safety_stock} state (on hand, not for sale) instead of hidden; only with a buffer
 */
public record StockRule(
        String locationId,
        String productCode,
        String productPrefix,
        Long buffer,
        Integer sharePercent,
        Long maximum,
        Long outOfStockBelow,
        boolean bufferAsSafetyStock) {

    /** A rule whose buffer, if any, is hidden. */
    public StockRule(
            String locationId,
            String productCode,
            String productPrefix,
            Long buffer,
            Integer sharePercent,
            Long maximum,
            Long outOfStockBelow) {
        this(locationId, productCode, productPrefix, buffer, sharePercent, maximum, outOfStockBelow, false);
    }

    /** The largest buffer, maximum or threshold (also a database constraint): Shopify's largest quantity. */
    public static final long LARGEST_QUANTITY = 1_000_000_000L;

    /**
     * @throws IllegalArgumentException with a message for the merchant when the rule says nothing, names two
     *     product scopes, or holds a value out of range
     */
    public StockRule {
        if (productCode != null && productPrefix != null) {
            throw new IllegalArgumentException("A rule is for one product or for a product group, not both.");
        }
        if (buffer == null && sharePercent == null && maximum == null && outOfStockBelow == null) {
            throw new IllegalArgumentException(
                    "A rule sets at least one of buffer, sharePercent, maximum and outOfStockBelow.");
        }
        if (bufferAsSafetyStock && buffer == null) {
            throw new IllegalArgumentException("Only a buffer can be shown as safety stock: set the buffer too.");
        }
        if (sharePercent != null && (sharePercent < 0 || sharePercent > 100)) {
            throw new IllegalArgumentException("The share must be between 0 and 100 %.");
        }
        for (Long quantity : new Long[] {buffer, maximum, outOfStockBelow}) {
            if (quantity != null && (quantity < 0 || quantity > LARGEST_QUANTITY)) {
                throw new IllegalArgumentException(
                        "Buffer, maximum and out of stock below must be between 0 and " + LARGEST_QUANTITY + ".");
            }
        }
    }

    /** The scope in the merchant's words, e.g. "product P-1 at gid://shopify/Location/1". */
    public String scope() {
        String products = productCode != null
                ? "product " + productCode
                : productPrefix != null ? "products " + productPrefix + "*" : "every product";
        return products + (locationId != null ? " at " + locationId : " at every location");
    }

    /** What the rule does, e.g. "share 50 %, buffer 2". */
    public String effect() {
        StringBuilder effect = new StringBuilder();
        if (sharePercent != null) {
            effect.append("share ").append(sharePercent).append(" %");
        }
        if (buffer != null) {
            effect.append(effect.isEmpty() ? "" : ", ").append("buffer ").append(buffer);
            if (bufferAsSafetyStock) {
                effect.append(" shown as safety stock");
            }
        }
        if (outOfStockBelow != null) {
            effect.append(effect.isEmpty() ? "" : ", ")
                    .append("out of stock below ")
                    .append(outOfStockBelow);
        }
        if (maximum != null) {
            effect.append(effect.isEmpty() ? "" : ", ").append("maximum ").append(maximum);
        }
        return effect.toString();
    }
}
