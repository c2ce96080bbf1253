package wms.shopify.stock.control;

/**
 * Why a level is published as it is, as the Stock page explains it: the WMS quantity → the store's open order units
 * (Absolute mode) → the rule applied → what Shopify is shown (the one availability calculation).
 *
 * @param rule the rule applied, its effect and scope in words ("buffer 3 (product P-1 at every location)"), or null
 * @param published what Absolute mode writes; in Delta mode what the rule shows of the WMS quantity, from which
 *     Shopify subtracts its own sales until the WMS allocates them
 */
public record PublishedView(
        String store,
        String mode,
        String sku,
        String product,
        String locationId,
        long sellable,
        long demand,
        String rule,
        long published,
        Long shopifyKnown) {

    /** The explanation in one line: "21 in the WMS − 1 open → share 50 % (…) → 9". */
    public String explanation() {
        return sellable + " in the WMS"
                + ("ABSOLUTE".equals(mode) && demand != 0 ? " − " + demand + " in open orders" : "")
                + " → " + (rule == null ? "no rule" : rule) + " → " + published + " published";
    }
}
