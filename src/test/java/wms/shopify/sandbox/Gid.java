package wms.shopify.sandbox;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Shopify's global ids: {@code gid://shopify/InventoryItem/30322695}, optionally followed by a query string. */
public final class Gid {

    private static final Pattern FORM = Pattern.compile("gid://shopify/([A-Za-z]+)/(\\d+)(\\?.*)?");

    private Gid() {}

    public static String of(String type, long id) {
        return "gid://shopify/" + type + "/" + id;
    }

    /** The numeric id of a gid of the given type, or -1 when the text is not such a gid. */
    public static long idOf(String gid, String type) {
        if (gid == null) {
            return -1;
        }
        Matcher m = FORM.matcher(gid);
        return m.matches() && m.group(1).equals(type) ? Long.parseLong(m.group(2)) : -1;
    }

    /** The type part of a gid, or null when the text is not a Shopify gid. */
    public static String typeOf(String gid) {
        Matcher m = gid == null ? null : FORM.matcher(gid);
        return m != null && m.matches() ? m.group(1) : null;
    }
}
