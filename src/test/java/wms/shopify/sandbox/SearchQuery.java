package wms.shopify.sandbox;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Shopify's search syntax ({@code query:} arguments) that the sandbox understands: terms joined by spaces
 * or {@code AND}, each {@code field:value}, {@code field:>value} ({@code >=}, {@code <}, {@code <=}), {@code -field:value}
 * to negate, quoted values, a trailing {@code *} as prefix match, and bare words matched against title, name and SKU.
 * As in Shopify, a field the resource does not have is ignored. {@code OR} and parentheses are not supported.
 */
final class SearchQuery {

    private static final Pattern TERM =
            Pattern.compile("(-?)([a-z_]+):(>=|<=|>|<)?(?:\"([^\"]*)\"|'([^']*)'|(\\S+))|(\\S+)");

    private SearchQuery() {}

    static Predicate<ShopifyObject> parse(String query) {
        List<Predicate<ShopifyObject>> terms = new ArrayList<>();
        if (query == null || query.isBlank()) {
            return o -> true;
        }
        Matcher m = TERM.matcher(query);
        while (m.find()) {
            if (m.group(7) != null) {
                String word = m.group(7);
                if (!word.equals("AND")) {
                    String needle = word.replace("*", "").toLowerCase(Locale.ROOT);
                    terms.add(o -> List.of("title", "name", "sku").stream()
                            .map(o::searchValue)
                            .anyMatch(v -> v != null
                                    && v.toString().toLowerCase(Locale.ROOT).contains(needle)));
                }
                continue;
            }
            boolean negated = !m.group(1).isEmpty();
            String field = m.group(2);
            String op = m.group(3) == null ? "" : m.group(3);
            String value = m.group(4) != null ? m.group(4) : m.group(5) != null ? m.group(5) : m.group(6);
            Predicate<ShopifyObject> term = o -> matches(o.searchValue(field), op, value);
            terms.add(negated ? term.negate() : term);
        }
        return terms.stream().reduce(o -> true, Predicate::and);
    }

    private static boolean matches(Object actual, String op, String value) {
        if (actual == null) {
            return true;
        }
        if (actual instanceof List<?> list) {
            return list.stream().anyMatch(v -> v != null && matches(v, op, value));
        }
        int cmp;
        if (actual instanceof Long number) {
            String digits = value.startsWith("gid://") ? value.substring(value.lastIndexOf('/') + 1) : value;
            try {
                cmp = Long.compare(number, Long.parseLong(digits));
            } catch (NumberFormatException e) {
                return false;
            }
        } else if (actual instanceof Integer number) {
            return matches((long) number, op, value);
        } else if (actual instanceof Instant at) {
            Instant other = instant(value);
            if (other == null) {
                return false;
            }
            cmp = at.compareTo(other);
        } else if (actual instanceof Boolean flag) {
            return flag.toString().equalsIgnoreCase(value);
        } else {
            String text = actual.toString().toLowerCase(Locale.ROOT);
            String wanted = value.toLowerCase(Locale.ROOT);
            if (op.isEmpty()) {
                return wanted.endsWith("*")
                        ? text.startsWith(wanted.substring(0, wanted.length() - 1))
                        : text.equals(wanted);
            }
            cmp = text.compareTo(wanted);
        }
        return switch (op) {
            case ">" -> cmp > 0;
            case ">=" -> cmp >= 0;
            case "<" -> cmp < 0;
            case "<=" -> cmp <= 0;
            default -> cmp == 0;
        };
    }

    private static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (RuntimeException notAnOffsetTime) {
            try {
                return Instant.parse(value);
            } catch (RuntimeException notAnInstant) {
                try {
                    return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
                } catch (RuntimeException notADate) {
                    return null;
                }
            }
        }
    }
}
