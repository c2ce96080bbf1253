package wms.shopify.adminapi.entity;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Shopify store's permanent domain, {@code <name>.myshopify.com}, and nothing else. What a merchant types is
 * normalised first (surrounding blanks, case, {@code http(s)://}, trailing slashes, the admin address
 * {@code admin.shopify.com/store/<name>}); the result must then match exactly. Everything a security reviewer would
 * try to slip past a looser check (other hosts, user-info, paths, ports, encoded or control characters, extra
 * labels) is refused, because the domain becomes part of the URL the connector redirects to and sends tokens to.
 */
public record ShopDomain(String value) {

    /** Letters, digits and hyphens, not starting with a hyphen; one label before {@code .myshopify.com}. */
    private static final Pattern DOMAIN = Pattern.compile("[a-z0-9][a-z0-9-]{0,59}\\.myshopify\\.com");

    private static final Pattern ADMIN_URL = Pattern.compile("admin\\.shopify\\.com/store/([a-z0-9][a-z0-9-]{0,59})");
    private static final int LONGEST_INPUT = 255;

    public ShopDomain {
        if (value == null || !DOMAIN.matcher(value).matches()) {
            throw new InvalidShopDomainException(value);
        }
    }

    /**
     * The store domain a merchant (or Shopify's callback) gave, normalised.
     *
     * @throws InvalidShopDomainException when it is not a {@code <name>.myshopify.com} domain after normalising
     */
    public static ShopDomain parse(String input) {
        if (input == null || input.length() > LONGEST_INPUT) {
            throw new InvalidShopDomainException(input);
        }
        // Only spaces and tabs are trimmed: a control character (a smuggled newline or NUL) makes the input invalid.
        String text = input.replaceAll("^[ \\t]+|[ \\t]+$", "").toLowerCase(Locale.ROOT);
        if (text.startsWith("https://")) {
            text = text.substring("https://".length());
        } else if (text.startsWith("http://")) {
            text = text.substring("http://".length());
        }
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        var admin = ADMIN_URL.matcher(text);
        if (admin.matches()) {
            text = admin.group(1) + ".myshopify.com";
        }
        return new ShopDomain(text);
    }

    /** The store's name: the part before {@code .myshopify.com}. */
    public String name() {
        return this.value.substring(0, this.value.indexOf('.'));
    }

    @Override
    public String toString() {
        return this.value;
    }
}
