package wms.shopify.catalog.entity;

/** Where a Shopify variant stands with the WMS catalog: mapped (and how), or why not. */
public enum VariantStatus {
    /** Mapped automatically: its SKU is the SKU of exactly one active WMS product. */
    SKU,
    /** Mapped automatically: no SKU match, its barcode is the barcode of exactly one active WMS product. */
    BARCODE,
    /** Mapped by the merchant; no sync changes it. */
    MANUAL,
    /** Not mapped: nothing in the catalog matches (or the merchant unmapped it by hand). */
    UNMAPPED,
    /** Not mapped: its SKU or barcode is on several WMS products, and which one is meant is not guessed. */
    AMBIGUOUS;

    /** Whether a variant in this state is mapped to a WMS product. */
    public boolean mapped() {
        return this == SKU || this == BARCODE || this == MANUAL;
    }
}
