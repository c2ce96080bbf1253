package wms.shopify.stock.entity;

import java.util.Locale;
import java.util.Optional;

/** What happened in the WMS. A transfer is two movements (out of one warehouse, into the other). */
public enum MovementKind {
    RECEIVING,
    PICKING,
    ADJUSTMENT,
    TRANSFER,
    RETURN_RECEIPT,
    ALLOCATION;

    /** The kind named in the API ({@code receiving}, {@code return_receipt}, ... in any case). */
    public static Optional<MovementKind> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(valueOf(text.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The name the API uses. */
    public String apiName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
