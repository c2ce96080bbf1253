package wms.shopify.platform.api;

import jakarta.json.JsonObject;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
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
    /** The entries a page has when the WMS does not say. */
    public static final int DEFAULT_PAGE = 100;

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

    private Feed() {}

    /**
     * A page of a feed.
     *
     * @param after the cursor as the WMS sent it ({@code ?after=}): absent means from the start
     * @param limit the most entries as sent ({@code ?limit=}): absent means 100
     * @param read the unacknowledged entries after the cursor, at most the limit, in feed order
     * @param page the page of the entries and the cursor to read on with
     * @throws InvalidRequestException (400) for a cursor that is not 0 or more, or a limit outside 1 to
     *         {@value #LONGEST_PAGE}, each a whole number written in digits
     */
    public static <E extends Entry, P> P page(
            String after, String limit, Reader<E> read, BiFunction<List<E>, Long, P> page) {
        List<FieldError> errors = new ArrayList<>();
        Long cursor = WholeNumber.parameter(after, "after", 0, Long.MAX_VALUE, 0, errors);
        Long most = WholeNumber.parameter(limit, "limit", 1, LONGEST_PAGE, DEFAULT_PAGE, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        List<E> entries = read.after(cursor, most.intValue());
        return page.apply(
                entries,
                entries.isEmpty() ? cursor : entries.get(entries.size() - 1).revision());
    }

    /**
     * The revision an acknowledgement names: body {@code {"revision": n}}, exactly as sent.
     *
     * @throws InvalidRequestException (400) when the body has no whole number "revision" of 0 or more (a revision
     *         beyond a long, a fraction or a string is refused, never wrapped to another entry's revision)
     */
    public static long revision(JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        Long revision =
                WholeNumber.required(body == null ? null : body.get("revision"), "revision", 0, Long.MAX_VALUE, errors);
        if (revision == null) {
            throw new InvalidRequestException(errors);
        }
        return revision;
    }

    /** The answer to an acknowledgement of a revision the entry is not at (409, problem+json). */
    public static Response outdated(String detail, String instance) {
        return Problem.of(Response.Status.CONFLICT, detail, instance).response().build();
    }
}
