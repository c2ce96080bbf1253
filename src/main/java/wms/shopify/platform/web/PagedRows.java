package wms.shopify.platform.web;

import jakarta.el.ValueExpression;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;
import org.primefaces.model.SortOrder;

/**
 * The rows of an admin page's table, read a page at a time from the database (a PrimeFaces lazy table model):
 * each page one query with a limit and an offset, and the count bounded at {@link #COUNT_LIMIT}, so that no page
 * ever reads or counts a whole table. Beyond the limit the table says so ({@link #isMore()}) and the merchant
 * narrows the filters (a date range) to reach older rows.
 *
 * @param <T> a row, identified by the key {@code key} gives
 */
public class PagedRows<T> extends LazyDataModel<T> {

    private static final long serialVersionUID = 1L;

    /** The most rows a table pages through for one choice of filters. */
    public static final int COUNT_LIMIT = 10_000;

    /** The largest page a table loads at once, whatever the request asks. */
    public static final int LARGEST_PAGE = 500;

    /** Where the rows come from: the page's query, given the sort the merchant chose. */
    public interface Source<T> extends java.io.Serializable {

        /** At most {@code size} rows from {@code first}, sorted by the named column (null: the table's own order). */
        List<T> rows(int first, int size, String sortColumn, boolean ascending);

        /** How many rows match, counted up to {@code limit} at most. */
        int countUpTo(int limit);
    }

    private static final Pattern ACCESSOR = Pattern.compile("\\.(\\w+)(\\(\\))?\\s*}$");

    private final Source<T> source;
    private final SerializableKey<T> key;
    private boolean more;

    /** The key of a row, kept by the view between requests. */
    public interface SerializableKey<T> extends Function<T, Object>, java.io.Serializable {}

    public PagedRows(Source<T> source, SerializableKey<T> key) {
        this.source = source;
        this.key = key;
    }

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
        int counted = this.source.countUpTo(COUNT_LIMIT + 1);
        this.more = counted > COUNT_LIMIT;
        return Math.min(counted, COUNT_LIMIT);
    }

    @Override
    public List<T> load(int first, int pageSize, Map<String, SortMeta> sortBy, Map<String, FilterMeta> filterBy) {
        SortMeta sort = sortBy == null
                ? null
                : sortBy.values().stream()
                        .filter(s -> s.getOrder() != null && !s.getOrder().isUnsorted())
                        .findFirst()
                        .orElse(null);
        int size = Math.max(1, Math.min(pageSize, LARGEST_PAGE));
        int from = Math.max(0, Math.min(first, COUNT_LIMIT));
        return this.source.rows(from, size, columnOf(sort), sort != null && sort.getOrder() == SortOrder.ASCENDING);
    }

    /**
     * The name of the column sorted by: the accessor its {@code sortBy} calls ({@code occurredAt} for
     * {@code #{event.occurredAt()}}), else its field; null for none. Without a field PrimeFaces names the sort by the
     * column's client id, so the expression says more.
     */
    static String columnOf(SortMeta sort) {
        if (sort == null) {
            return null;
        }
        ValueExpression by = sort.getSortBy();
        Matcher accessor = ACCESSOR.matcher(by == null ? "" : by.getExpressionString());
        return accessor.find() ? accessor.group(1) : sort.getField();
    }

    @Override
    public String getRowKey(T row) {
        return String.valueOf(this.key.apply(row));
    }

    /** A row of the page shown, by its key (the rows a merchant selects are on the page they see). */
    @Override
    public T getRowData(String rowKey) {
        List<T> shown = getWrappedData();
        return shown == null
                ? null
                : shown.stream()
                        .filter(row -> getRowKey(row).equals(rowKey))
                        .findFirst()
                        .orElse(null);
    }

    /** Whether more rows match than the table pages through ({@link #COUNT_LIMIT}). */
    public boolean isMore() {
        return this.more;
    }
}
