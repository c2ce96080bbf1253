package wms.shopify.adminapi.control;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * The whole of a connection Shopify answered the first page of: the next pages are read with {@code after:} the end
 * cursor of the page before ({@code pageInfo { hasNextPage endCursor }}), until Shopify has no more or a bound is
 * reached. Each page is its own query, within the single-query cost limit; a page that cannot be read throws, so a
 * caller never takes a connection in part for the whole.
 */
public final class ConnectionPages {

    private ConnectionPages() {}

    /**
     * The connection with every node, in Shopify's order: {@code {"pageInfo": {"hasNextPage": more}, "nodes": [...]}},
     * {@code more} true only when nodes remain beyond {@code most} (the caller's bound, for memory).
     *
     * @param first the connection as the first query answered it
     * @param next reads the connection's page after a cursor
     * @param most the nodes read at most; reading stops once a page reaches it
     * @param node what each node becomes (e.g. its own nested connection completed)
     */
    public static JsonObject complete(
            JsonObject first, Function<String, JsonObject> next, int most, UnaryOperator<JsonObject> node) {
        JsonArrayBuilder nodes = Json.createArrayBuilder();
        int count = 0;
        JsonObject page = first;
        while (true) {
            for (JsonValue value : page.getJsonArray("nodes")) {
                nodes.add(node.apply(value.asJsonObject()));
                count++;
            }
            String after = nextCursor(page);
            if (after == null || count >= most) {
                return Json.createObjectBuilder()
                        .add("pageInfo", Json.createObjectBuilder().add("hasNextPage", after != null))
                        .add("nodes", nodes)
                        .build();
            }
            page = next.apply(after);
        }
    }

    /** The cursor to read the next page after, or null when this page is the last. */
    public static String nextCursor(JsonObject connection) {
        JsonValue info = connection == null ? null : connection.get("pageInfo");
        return info instanceof JsonObject page && page.getBoolean("hasNextPage", false)
                ? page.getString("endCursor")
                : null;
    }

    /** Whether Shopify has more of the connection than this page holds. */
    public static boolean hasNextPage(JsonObject connection) {
        return nextCursor(connection) != null;
    }
}
