package wms.shopify.platform.api;

import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.function.BiFunction;

/**
 * The mechanism of the WMS's feeds (orders, returns): entries in feed position order, read from a cursor a page at a
 * time ({@code after}, {@code limit} up to {@value #LONGEST_PAGE}), each acknowledged by the revision (feed
 * position) the feed gave. A page's cursor is the last entry's revision, or the request's when nothing new is there.
 */
public final class Feed {

    /** The most entries one page may ask for. */
    public static final int LONGEST_PAGE = 500;

    /** An entry of a feed. */
    public interface Entry {
        /** The entry's feed position: acknowledge exactly this revision. */
        long revision();
    }

    /** Reads entries after a cursor. */
    @FunctionalInterface
    public interface Reader<E> {
        List<E> after(long cursor, int limit);
    }

    private Feed() {
    }

    /**
     * A page of a feed.
     *
     * @param read the unacknowledged entries after the cursor, at most the limit, in feed order
     * @param page the page of the entries and the cursor to read on with
     * @throws InvalidRequestException (400) for a negative cursor or a limit outside 1 to {@value #LONGEST_PAGE}
     */
    public static <E extends Entry, P> P page(long after, int limit, Reader<E> read,
            BiFunction<List<E>, Long, P> page) {
        if (after < 0 || limit < 1 || limit > LONGEST_PAGE) {
            throw new InvalidRequestException(List.of(new FieldError(after < 0 ? "after" : "limit",
                    after < 0 ? "must be 0 or a cursor the feed returned" : "must be between 1 and " + LONGEST_PAGE)));
        }
        List<E> entries = read.after(after, limit);
        return page.apply(entries, entries.isEmpty() ? after : entries.get(entries.size() - 1).revision());
    }

    /**
     * The revision an acknowledgement names: body {@code {"revision": n}}.
     *
     * @throws InvalidRequestException (400) when the body has no whole number "revision"
     */
    public static long revision(JsonObject body) {
        if (body == null || !(body.get("revision") instanceof JsonNumber revision) || !revision.isIntegral()) {
            throw new InvalidRequestException(List.of(new FieldError("revision", "is required: the entry's revision")));
        }
        return revision.longValue();
    }

    /** The answer to an acknowledgement of a revision the entry is not at (409, problem+json). */
    public static Response outdated(String detail, String instance) {
        return Problem.of(Response.Status.CONFLICT, detail, instance).response().build();
    }
}
