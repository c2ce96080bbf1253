package wms.shopify.sandbox;

import graphql.schema.DataFetchingEnvironment;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Relay connections as Shopify serves them: {@code first}/{@code last} (one of them required, at most 250),
 * opaque cursors for {@code after}/{@code before}, {@code reverse}, {@code sortKey} and the {@code query:} filter.
 * Inside a bulk operation connections take no page size and return everything.
 */
final class Connections {

    static final int MAX_PAGE = 250;
    /** Set in the GraphQL context while a bulk operation's query runs. */
    static final String BULK = "bulk";

    private static final Pattern LAST_ID = Pattern.compile("\"last_id\":(\\d+)");

    private Connections() {}

    static Map<String, Object> page(List<? extends ShopifyObject> all, DataFetchingEnvironment env) {
        boolean bulk = Boolean.TRUE.equals(env.getGraphQlContext().get(BULK));
        Integer first = env.getArgument("first");
        Integer last = env.getArgument("last");
        if (!bulk && first == null && last == null) {
            throw new AdminError("BAD_REQUEST", "you must provide one of first or last");
        }
        for (Integer size : new Integer[] {first, last}) {
            if (size != null && (size < 0 || size > MAX_PAGE)) {
                throw new AdminError(
                        "BAD_REQUEST", "The page size must be between 0 and " + MAX_PAGE + " (was " + size + ").");
            }
        }
        List<ShopifyObject> items = new ArrayList<>(all);
        if (env.containsArgument("query")) {
            items.removeIf(SearchQuery.parse(env.getArgument("query")).negate());
        }
        String sortKey = env.getArgument("sortKey");
        if (sortKey != null) {
            String field = sortKey.toLowerCase(Locale.ROOT);
            Comparator<ShopifyObject> byKey = Comparator.comparing(
                    o -> sortable(o.searchValue(field)), Comparator.nullsFirst(Comparator.naturalOrder()));
            items.sort(byKey.thenComparingLong(ShopifyObject::legacyResourceId));
        }
        if (Boolean.TRUE.equals(env.getArgument("reverse"))) {
            java.util.Collections.reverse(items);
        }
        int from = 0;
        int to = items.size();
        String after = env.getArgument("after");
        String before = env.getArgument("before");
        if (after != null) {
            from = indexOf(items, after) + 1;
        }
        if (before != null) {
            int at = indexOf(items, before);
            to = at < 0 ? to : at;
        }
        from = Math.min(from, to);
        if (first != null) {
            to = Math.min(to, from + first);
        }
        if (last != null) {
            from = Math.max(from, to - last);
        }
        List<ShopifyObject> window = items.subList(from, to);
        List<Map<String, Object>> edges = window.stream()
                .map(node -> {
                    Map<String, Object> edge = new LinkedHashMap<>();
                    edge.put("cursor", cursor(node));
                    edge.put("node", node);
                    return edge;
                })
                .toList();
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", to < items.size());
        pageInfo.put("hasPreviousPage", from > 0);
        pageInfo.put("startCursor", window.isEmpty() ? null : cursor(window.get(0)));
        pageInfo.put("endCursor", window.isEmpty() ? null : cursor(window.get(window.size() - 1)));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", List.copyOf(window));
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    /** Opaque to clients; like Shopify's, a Base64 JSON naming the last id seen. */
    static String cursor(ShopifyObject node) {
        return Base64.getEncoder()
                .encodeToString(("{\"last_id\":" + node.legacyResourceId() + ",\"last_value\":\""
                                + node.legacyResourceId() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static int indexOf(List<ShopifyObject> items, String cursor) {
        String json;
        try {
            json = new String(Base64.getDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new AdminError("BAD_REQUEST", "Invalid cursor for current pagination sort.");
        }
        Matcher m = LAST_ID.matcher(json);
        if (!m.find()) {
            throw new AdminError("BAD_REQUEST", "Invalid cursor for current pagination sort.");
        }
        long id = Long.parseLong(m.group(1));
        for (int i = 0; i < items.size(); i++) {
            if (items.get(i).legacyResourceId() == id) {
                return i;
            }
        }
        return -1;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Comparable sortable(Object value) {
        if (value instanceof List<?> list) {
            return list.isEmpty() || list.get(0) == null ? null : list.get(0).toString();
        }
        return value instanceof Comparable c ? c : value == null ? null : value.toString();
    }
}
