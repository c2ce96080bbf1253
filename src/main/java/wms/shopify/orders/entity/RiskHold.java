package wms.shopify.orders.entity;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The store filter "hold orders whose risk is high": which of Shopify's fraud recommendations for an order
 * ({@code Order.risk.recommendation}: CANCEL, INVESTIGATE, ACCEPT, NONE) keep it from the WMS until Shopify's
 * recommendation changes or the merchant releases it.
 */
public enum RiskHold {
    /** Risk is not looked at (a new store's default). */
    OFF,
    /** Held when Shopify recommends cancelling the order. */
    CANCEL,
    /** Held when Shopify recommends cancelling the order or investigating it (contacting the buyer). */
    CANCEL_OR_INVESTIGATE;

    /** Whether an order with this recommendation of Shopify's (null when not read) is held. */
    public boolean holds(String recommendation) {
        if (recommendation == null) {
            return false;
        }
        return switch (this) {
            case OFF -> false;
            case CANCEL -> recommendation.equals("CANCEL");
            case CANCEL_OR_INVESTIGATE -> recommendation.equals("CANCEL") || recommendation.equals("INVESTIGATE");
        };
    }

    /** The value as the API writes it: off, cancel, cancel_or_investigate. */
    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The setting the API's word names (any case), or empty when it names none. */
    public static Optional<RiskHold> ofWord(String word) {
        return Arrays.stream(values())
                .filter(v -> v.name().equalsIgnoreCase(word == null ? "" : word.trim()))
                .findFirst();
    }

    /** What the merchant reads on Store Settings. */
    public String label() {
        return switch (this) {
            case OFF -> "Off: risk is not looked at";
            case CANCEL -> "Hold when Shopify recommends cancelling";
            case CANCEL_OR_INVESTIGATE -> "Hold when Shopify recommends cancelling or investigating";
        };
    }
}
