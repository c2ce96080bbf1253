package wms.shopify.stock.control;

/**
 * Why a level is published as it is, as the Stock page explains it: the WMS quantity → the store's open order units
 * (Absolute mode) → the rule applied → what Shopify is shown (the one availability calculation).
 *
 * @param rule the rule applied, its effect and scope in words ("buffer 3 (product P-1 at every location)"), or null
 * @param published what Absolute mode writes; in Delta mode what the rule shows of the WMS quantity, from which
 *     Shopify subtracts its own sales until the WMS allocates them
 * @param kit for a kit's level, the component that limits it ("MUG-01: 8 ÷ 2 = 4": what the store may sell of it,
 *     units per kit, whole kits); null for any other product. A kit's sellable is the whole kits the WMS's
 *     quantities of its components make up
 * @param safetyStock the units the rule's buffer holds back that are shown on Shopify as safety stock (0 when the
 *     buffer is hidden, or there is none)
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
        Long shopifyKnown,
        String kit,
        long safetyStock) {

    /**
     * The explanation in one line: "21 in the WMS − 1 open → share 50 % (…) → 9" (and "; 2 shown as safety stock
     * on Shopify" when the rule's buffer is shown there); for a kit "kit of the WMS's
     * components, limited by MUG-01: 8 ÷ 2 = 4 → no rule → 4 published".
     */
    public String explanation() {
        if (kit != null) {
            return "kit of the WMS's components, limited by " + kit + " → " + (rule == null ? "no rule" : rule) + " → "
                    + published + " published";
        }
        return sellable + " in the WMS"
                + ("ABSOLUTE".equals(mode) && demand != 0 ? " − " + demand + " in open orders" : "")
                + " → " + (rule == null ? "no rule" : rule) + " → " + published + " published"
                + (safetyStock > 0 ? "; " + safetyStock + " shown as safety stock on Shopify" : "");
    }
}
