package wms.shopify.orders.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * The order filters a merchant chooses from the values Shopify offers (Store Settings' pickers, the API's lists):
 * order tags to include (at least one of them) and to exclude (none of them), sales channels (Shopify's
 * {@code sourceName}, e.g. web, pos), shipping methods (the shipping line's title) and destination countries (ISO
 * 3166 codes of the shipping address). An empty set lets every value through. Tags, channels and methods compare in
 * lower case, as Shopify's tags do; countries in upper case.
 */
public record OrderChoices(
        Set<String> tagsIncluded,
        Set<String> tagsExcluded,
        Set<String> salesChannels,
        Set<String> shippingMethods,
        Set<String> countries) {

    /** No choice made: every order passes. */
    public static final OrderChoices NONE = new OrderChoices(Set.of(), Set.of(), Set.of(), Set.of(), Set.of());

    /** The most values one choice holds, and the longest value (Shopify's tags are at most 255 characters). */
    public static final int MOST_VALUES = 250;

    public static final int LONGEST_VALUE = 255;

    /** The countries a destination may be, ISO 3166 alpha-2, as Shopify's {@code countryCodeV2}. */
    public static final Set<String> COUNTRIES = Set.of(Locale.getISOCountries());

    public OrderChoices {
        tagsIncluded = normal(tagsIncluded, OrderChoices::lower);
        tagsExcluded = normal(tagsExcluded, OrderChoices::lower);
        salesChannels = normal(salesChannels, OrderChoices::lower);
        shippingMethods = normal(shippingMethods, OrderChoices::lower);
        countries = normal(countries, c -> c.toUpperCase(Locale.ROOT));
    }

    /** Why the order does not pass, for the merchant; empty when it does. */
    public Optional<String> refusal(ShopifyOrderSnapshot order) {
        Set<String> tags = new TreeSet<>();
        order.tags().forEach(t -> tags.add(lower(t.trim())));
        for (String tag : tags) {
            if (this.tagsExcluded.contains(tag)) {
                return Optional.of("tagged \"" + tag + "\", which is excluded");
            }
        }
        if (!this.tagsIncluded.isEmpty() && tags.stream().noneMatch(this.tagsIncluded::contains)) {
            return Optional.of("it has none of the tags " + sorted(this.tagsIncluded));
        }
        String channel =
                order.salesChannel() == null ? "" : lower(order.salesChannel().trim());
        if (!this.salesChannels.isEmpty() && !this.salesChannels.contains(channel)) {
            return Optional.of("sales channel \"" + channel + "\" is not among " + sorted(this.salesChannels));
        }
        String method = order.shippingMethod() == null
                ? ""
                : lower(order.shippingMethod().trim());
        if (!this.shippingMethods.isEmpty() && !this.shippingMethods.contains(method)) {
            return Optional.of("shipping method \"" + method + "\" is not among " + sorted(this.shippingMethods));
        }
        String country = order.shipTo() == null || order.shipTo().countryCode() == null
                ? ""
                : order.shipTo().countryCode().toUpperCase(Locale.ROOT);
        if (!this.countries.isEmpty() && !this.countries.contains(country)) {
            return Optional.of("destination country " + (country.isEmpty() ? "(none)" : country) + " is not among "
                    + sorted(this.countries));
        }
        return Optional.empty();
    }

    /** What is wrong with the choices, for the merchant, naming the field; empty when nothing is. */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        check("tagsIncluded", this.tagsIncluded, problems);
        check("tagsExcluded", this.tagsExcluded, problems);
        check("salesChannels", this.salesChannels, problems);
        check("shippingMethods", this.shippingMethods, problems);
        check("countries", this.countries, problems);
        for (String country : this.countries) {
            if (!COUNTRIES.contains(country)) {
                problems.add("countries: \"" + country + "\" is not an ISO 3166 country code (such as DE, US).");
            }
        }
        for (String tag : this.tagsIncluded) {
            if (this.tagsExcluded.contains(tag)) {
                problems.add("tagsExcluded: \"" + tag + "\" is also a tag to include.");
            }
        }
        return problems;
    }

    private static void check(String field, Set<String> values, List<String> problems) {
        if (values.size() > MOST_VALUES) {
            problems.add(field + ": at most " + MOST_VALUES + " values.");
        }
        values.stream()
                .filter(v -> v.length() > LONGEST_VALUE)
                .findFirst()
                .ifPresent(v -> problems.add(field + ": a value longer than " + LONGEST_VALUE + " characters."));
        if (values.stream().anyMatch(v -> v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0)) {
            problems.add(field + ": a value with a line break.");
        }
    }

    private static Set<String> normal(Set<String> values, UnaryOperator<String> form) {
        if (values == null) {
            return Set.of();
        }
        Set<String> normal = new LinkedHashSet<>();
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                normal.add(form.apply(value.trim()));
            }
        }
        return java.util.Collections.unmodifiableSet(normal);
    }

    private static String lower(String text) {
        return text.toLowerCase(Locale.ROOT);
    }

    private static List<String> sorted(Set<String> values) {
        return new ArrayList<>(new TreeSet<>(values));
    }
}
