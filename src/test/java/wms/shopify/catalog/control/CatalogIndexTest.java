package wms.shopify.catalog.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.catalog.control.CatalogIndex.Keys;
import wms.shopify.catalog.entity.Match;
import wms.shopify.catalog.entity.VariantStatus;

/** The matching rules of Sync Products: SKU first, then barcode, trimmed, exact, never guessing. */
class CatalogIndexTest {

    private final CatalogIndex index = CatalogIndex.of(List.of(
            new Keys(1, "SHIRT-M", "4006381333931"),
            new Keys(2, "  SHIRT-L ", null),
            new Keys(3, "MUG", "111"),
            new Keys(4, "MUG", "222"),
            new Keys(5, null, "333"),
            new Keys(6, "", "333"),
            new Keys(7, "   ", "444"),
            new Keys(8, "CAP", "555")));

    @Test
    void anExactSkuMatchesItsProduct() {
        assertEquals(Match.bySku(1), this.index.match("SHIRT-M", null));
    }

    @Test
    void skusAreTrimmedOnBothSides() {
        assertEquals(Match.bySku(1), this.index.match("  SHIRT-M\t", null));
        assertEquals(Match.bySku(2), this.index.match("SHIRT-L", null), "the WMS's spaces do not count either");
    }

    @Test
    void skusAreCaseSensitive() {
        assertEquals(VariantStatus.UNMAPPED, this.index.match("shirt-m", null).status());
    }

    @Test
    void theSkuWinsOverTheBarcode() {
        // SKU of product 8, barcode of product 1: the SKU decides.
        assertEquals(Match.bySku(8), this.index.match("CAP", "4006381333931"));
    }

    @Test
    void withoutASkuMatchTheBarcodeMatches() {
        assertEquals(Match.byBarcode(1), this.index.match("UNKNOWN", "4006381333931"));
        assertEquals(Match.byBarcode(8), this.index.match(null, " 555 "));
    }

    @Test
    void anEmptySkuNeverMatchesAnotherEmptySku() {
        // Products 6 and 7 have empty SKUs: a variant without a SKU must not match them (or be ambiguous).
        assertEquals(Match.none(), this.index.match("", null));
        assertEquals(Match.none(), this.index.match("  ", null));
        assertEquals(Match.none(), this.index.match(null, null));
        assertEquals(Match.byBarcode(7), this.index.match("", "444"));
    }

    @Test
    void aSkuOnSeveralProductsIsAmbiguousAndNotResolvedByTheBarcode() {
        Match match = this.index.match("MUG", "111");
        assertEquals(VariantStatus.AMBIGUOUS, match.status());
        assertNull(match.productId());
        assertTrue(match.note().contains("'MUG'") && match.note().contains("2 WMS products"), match.note());
    }

    @Test
    void aBarcodeOnSeveralProductsIsAmbiguous() {
        Match match = this.index.match(null, "333");
        assertEquals(VariantStatus.AMBIGUOUS, match.status());
        assertTrue(match.note().contains("barcode '333'"), match.note());
    }

    @Test
    void nothingMatchingIsUnmapped() {
        assertEquals(Match.none(), this.index.match("NOPE", "999"));
    }

    @Test
    void duplicateSkusAreListedSorted() {
        assertEquals(List.of("MUG"), this.index.duplicateSkus());
    }

    @Test
    void anEmptyCatalogMatchesNothing() {
        assertEquals(Match.none(), CatalogIndex.of(List.of()).match("SHIRT-M", "4006381333931"));
    }
}
