package wms.shopify.stock.control;

import java.util.List;
import wms.shopify.stock.entity.StockRule;

/**
 * What replacing a store's availability rules changes (a preview) or changed (a save): of the levels the WMS has
 * reported, how many would be published higher, lower, and at zero, with the first few in detail; and the rules.
 *
 * @param levels the store's levels the WMS has reported stock of
 * @param up levels published higher
 * @param down levels published lower
 * @param toZero of those lower, the levels published at 0
 * @param examples the first changed levels, by product code and location
 * @param rules the rules, as they would be (preview) or are (save)
 */
public record RulesChangeView(int levels, int up, int down, int toZero, List<Level> examples, List<StockRule> rules) {

    /** One level's published quantity before and after. */
    public record Level(String product, String locationId, long wms, long before, long after) {}

    /** In the merchant's words: "412 items would go down, 3 to zero, 2 up". */
    public String summary() {
        return down + " items down (" + toZero + " to zero), " + up + " up, of " + levels;
    }
}
