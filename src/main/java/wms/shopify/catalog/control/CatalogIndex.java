package wms.shopify.catalog.control;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wms.shopify.catalog.entity.Match;

/**
 * The active WMS catalog indexed by SKU and by barcode, and the matching rules of Sync Products: exact SKU first
 * (trimmed, case-sensitive; an empty SKU never matches), then barcode (the same way). When a SKU or barcode is on
 * several products, the variant is ambiguous: reported, never guessed. An ambiguous SKU does not fall back to the
 * barcode either, because the SKU already says the WMS holds two candidates and the barcode would silently pick
 * one. Pure: built once per sync from (id, SKU, barcode) triples, so 50 000 products cost a few megabytes.
 */
public final class CatalogIndex {

    /** What matching needs of one WMS product. */
    public record Keys(long id, String sku, String barcode) {}

    private final Map<String, long[]> bySku = new HashMap<>();
    private final Map<String, long[]> byBarcode = new HashMap<>();

    private CatalogIndex() {}

    /** Indexes the active products (the caller leaves inactive ones out: they stop matching). */
    public static CatalogIndex of(Iterable<Keys> activeProducts) {
        CatalogIndex index = new CatalogIndex();
        for (Keys product : activeProducts) {
            add(index.bySku, normalised(product.sku()), product.id());
            add(index.byBarcode, normalised(product.barcode()), product.id());
        }
        return index;
    }

    /** Matches one variant by its SKU, then its barcode, as Shopify has them. */
    public Match match(String variantSku, String variantBarcode) {
        String sku = normalised(variantSku);
        long[] skuMatches = sku == null ? null : this.bySku.get(sku);
        if (skuMatches != null) {
            return skuMatches.length == 1
                    ? Match.bySku(skuMatches[0])
                    : Match.ambiguous("SKU '" + sku + "' is on " + skuMatches.length + " WMS products");
        }
        String barcode = normalised(variantBarcode);
        long[] barcodeMatches = barcode == null ? null : this.byBarcode.get(barcode);
        if (barcodeMatches != null) {
            return barcodeMatches.length == 1
                    ? Match.byBarcode(barcodeMatches[0])
                    : Match.ambiguous("barcode '" + barcode + "' is on " + barcodeMatches.length + " WMS products");
        }
        return Match.none();
    }

    /** SKUs that are on more than one active product: the WMS should know, since they can never match. */
    public List<String> duplicateSkus() {
        List<String> duplicates = new ArrayList<>();
        this.bySku.forEach((sku, ids) -> {
            if (ids.length > 1) {
                duplicates.add(sku);
            }
        });
        duplicates.sort(null);
        return duplicates;
    }

    /** Trimmed; blank is no value at all, so that an empty SKU can never match another empty SKU. */
    static String normalised(String value) {
        if (value == null) {
            return null;
        }
        String trimmed = value.strip();
        return trimmed.isEmpty() ? null : trimmed;
    }

    private static void add(Map<String, long[]> index, String key, long id) {
        if (key == null) {
            return;
        }
        // Arrays, not lists: almost every key has one product, and 50 000 small lists would be most of the memory.
        index.merge(key, new long[] {id}, (earlier, more) -> {
            long[] all = java.util.Arrays.copyOf(earlier, earlier.length + 1);
            all[earlier.length] = more[0];
            return all;
        });
    }
}
