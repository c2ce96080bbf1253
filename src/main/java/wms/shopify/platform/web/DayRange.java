package wms.shopify.platform.web;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Whole days in UTC as a page's date filter picks them: from the start of the first day to the end of the last,
 * either end open when not given.
 *
 * @param first the first day, or null for no lower bound
 * @param last the last day (included), or null for no upper bound
 */
public record DayRange(LocalDate first, LocalDate last) {

    /** The start of the first day, inclusive; null for none. */
    public Instant from() {
        return this.first == null
                ? null
                : this.first.atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /** The start of the day after the last, exclusive; null for none. */
    public Instant until() {
        return this.last == null
                ? null
                : this.last.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * Refuses a reversed range on a page: an error on the "until" field, named as the page labels it, and the request
     * marked failed (the range matches nothing, and the page says why).
     *
     * @return whether the range was refused
     */
    public boolean refuseIfReversed(jakarta.faces.context.FacesContext faces, String untilField, String label) {
        if (!reversed()) {
            return false;
        }
        faces.addMessage(
                untilField,
                new jakarta.faces.application.FacesMessage(
                        jakarta.faces.application.FacesMessage.SEVERITY_ERROR,
                        label + ": the last day must not be before the first.",
                        null));
        faces.validationFailed();
        return true;
    }

    /** Whether the last day comes before the first, which matches nothing and is the merchant's slip. */
    public boolean reversed() {
        return this.first != null && this.last != null && this.first.isAfter(this.last);
    }
}
