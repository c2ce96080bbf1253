package wms.shopify.activity.control;

import java.time.Instant;
import wms.shopify.platform.Published;

/**
 * What the Activity page's filters ask for (published with {@link ActivityLog}'s search); every part is optional (null or blank: no condition).
 *
 * @param category the area of the entries (an activity category, such as {@code orders})
 * @param mentions a text the message must contain, such as a store's domain
 * @param text a further text the message must contain, in any case
 * @param from the earliest time, inclusive
 * @param until the latest time, exclusive
 */
@Published
public record ActivityFilter(String category, String mentions, String text, Instant from, Instant until) {

    /** No condition: every entry. */
    public static final ActivityFilter NONE = new ActivityFilter(null, null, null, null, null);
}
