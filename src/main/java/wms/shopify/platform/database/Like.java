package wms.shopify.platform.database;

import java.util.Locale;

/** SQL LIKE patterns for a text typed by a person, its own {@code %}, {@code _} and backslash taken literally. */
public final class Like {

    private Like() {}

    /**
     * A pattern matching the text anywhere, in lower case, for {@code lower(column) like ? escape '\'} (served by a
     * pg_trgm index on {@code lower(column)}).
     */
    public static String anywhere(String text) {
        return "%"
                + text.trim()
                        .toLowerCase(Locale.ROOT)
                        .replace("\\", "\\\\")
                        .replace("%", "\\%")
                        .replace("_", "\\_")
                + "%";
    }
}
