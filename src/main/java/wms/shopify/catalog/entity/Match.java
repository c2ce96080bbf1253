package wms.shopify.catalog.entity;

import java.util.Objects;

/**
 * What matching found for one variant: a product by SKU or by barcode, several products (ambiguous), or none.
 *
 * @param status SKU, BARCODE, AMBIGUOUS or UNMAPPED (never MANUAL: only the merchant maps by hand)
 * @param productId the matched product, only for SKU and BARCODE
 * @param note why it is ambiguous, for the merchant; null otherwise
 */
public record Match(VariantStatus status, Long productId, String note) {

    public Match {
        Objects.requireNonNull(status, "status");
        if (status == VariantStatus.MANUAL) {
            throw new IllegalArgumentException("matching never maps by hand");
        }
        if (status.mapped() != (productId != null)) {
            throw new IllegalArgumentException(status + " with product " + productId);
        }
    }

    public static Match bySku(long productId) {
        return new Match(VariantStatus.SKU, productId, null);
    }

    public static Match byBarcode(long productId) {
        return new Match(VariantStatus.BARCODE, productId, null);
    }

    public static Match ambiguous(String note) {
        return new Match(VariantStatus.AMBIGUOUS, null, note);
    }

    public static Match none() {
        return new Match(VariantStatus.UNMAPPED, null, null);
    }
}
