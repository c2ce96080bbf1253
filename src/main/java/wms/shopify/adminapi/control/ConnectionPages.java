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
                // More without a cursor to read it by counts as more: the caller holds rather than takes a part.
                return Json.createObjectBuilder()
                        .add("pageInfo", Json.createObjectBuilder().add("hasNextPage", hasNextPage(page)))
                        .add("nodes", nodes)
                        .build();
            }
            page = next.apply(after);
        }
    }

    /** The variables of a follow-up page's query: the id of the object whose connection it reads, and the cursor. */
    public static JsonObject variables(String id, String after) {
        return Json.createObjectBuilder().add("id", id).add("after", after).build();
    }

    /**
     * The object {@code root} of a follow-up page's answer. Shopify no longer having it (deleted while its pages were
     * read) fails the whole read, to be tried again.
     */
    public static JsonObject found(JsonObject data, String root, String id) {
        if (!(data.get(root) instanceof JsonObject found)) {
            throw new ShopifyUnavailableException(
                    "Shopify no longer has " + id + " while its pages were read; the read is tried again");
        }
        return found;
    }

    /** The cursor to read the next page after, or null when this page is the last. */
    public static String nextCursor(JsonObject connection) {
        JsonValue info = connection == null ? null : connection.get("pageInfo");
        return hasNextPage(connection) ? info.asJsonObject().getString("endCursor", null) : null;
    }

    /** Whether Shopify has more of the connection than this page holds. */
    public static boolean hasNextPage(JsonObject connection) {
        JsonValue info = connection == null ? null : connection.get("pageInfo");
        return info instanceof JsonObject page && page.getBoolean("hasNextPage", false);
    }
}
