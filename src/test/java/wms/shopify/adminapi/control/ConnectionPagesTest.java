package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonValue;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Reading the rest of a connection from its end cursors: every node once, in order, up to a bound, never in part. */
class ConnectionPagesTest {

    /** A connection of {@code total} nodes "n0".."n(total-1)", served {@code size} at a time after a cursor. */
    private static JsonObject page(int total, int size, String after) {
        int from = after == null ? 0 : Integer.parseInt(after.substring(1)) + 1;
        int to = Math.min(total, from + size);
        JsonArrayBuilder nodes = Json.createArrayBuilder();
        for (int i = from; i < to; i++) {
            nodes.add(Json.createObjectBuilder().add("id", "n" + i));
        }
        JsonObjectBuilder info = Json.createObjectBuilder().add("hasNextPage", to < total);
        if (to > from) {
            info.add("endCursor", "c" + (to - 1));
        } else {
            info.addNull("endCursor");
        }
        return Json.createObjectBuilder()
                .add("pageInfo", info)
                .add("nodes", nodes)
                .build();
    }

    private static List<String> ids(JsonObject connection) {
        return connection.getJsonArray("nodes").stream()
                .map(n -> n.asJsonObject().getString("id"))
                .toList();
    }

    @Test
    void everyPageIsReadAfterTheCursorOfThePageBeforeAndEveryNodeKeptOnceInOrder() {
        List<String> asked = new ArrayList<>();
        Function<String, JsonObject> next = after -> {
            asked.add(after);
            return page(180, 50, after);
        };
        JsonObject whole = ConnectionPages.complete(page(180, 50, null), next, 2500, n -> n);
        assertEquals(List.of("c49", "c99", "c149"), asked);
        List<String> ids = ids(whole);
        assertEquals(180, ids.size());
        assertEquals("n0", ids.get(0));
        assertEquals("n179", ids.get(179));
        assertEquals(180, new java.util.HashSet<>(ids).size());
        assertFalse(ConnectionPages.hasNextPage(whole));
    }

    @Test
    void aCompleteFirstPageAsksNothingMore() {
        JsonObject whole = ConnectionPages.complete(
                page(3, 50, null),
                after -> {
                    throw new AssertionError("no further page");
                },
                2500,
                n -> n);
        assertEquals(List.of("n0", "n1", "n2"), ids(whole));
        assertNull(ConnectionPages.nextCursor(page(3, 50, null)));
    }

    @Test
    void readingStopsAtTheBoundAndSaysThatMoreRemain() {
        JsonObject bounded =
                ConnectionPages.complete(page(1000, 50, null), after -> page(1000, 250, after), 300, n -> n);
        assertEquals(300, ids(bounded).size(), "the first page and one of 250");
        assertTrue(ConnectionPages.hasNextPage(bounded), "more remain: the caller holds the order");
    }

    @Test
    void eachNodeIsWhatTheCallerMakesOfItAndAPageThatCannotBeReadFailsTheWhole() {
        JsonObject marked = ConnectionPages.complete(
                page(60, 50, null),
                after -> page(60, 250, after),
                2500,
                n -> Json.createObjectBuilder(n).add("seen", JsonValue.TRUE).build());
        assertTrue(marked.getJsonArray("nodes").stream()
                .allMatch(n -> n.asJsonObject().getBoolean("seen")));
        assertThrows(
                ShopifyUnavailableException.class,
                () -> ConnectionPages.complete(
                        page(60, 50, null),
                        after -> {
                            throw new ShopifyUnavailableException("Shopify is unavailable");
                        },
                        2500,
                        n -> n));
    }
}
