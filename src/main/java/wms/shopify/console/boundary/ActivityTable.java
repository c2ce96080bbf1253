package wms.shopify.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import wms.shopify.activity.control.ActivityFilter;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.activity.entity.ActivityEvent;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.platform.web.DayRange;
import wms.shopify.platform.web.PagedRows;
import wms.shopify.stores.control.Stores;

/**
 * Backing bean of the Activity page's log: the whole history, a page at a time (a lazy table over the database, its
 * count bounded), filtered by store, area, a date range and a text, sorted by time or area, exported as CSV. In the
 * console because the store filter composes the stores component with the activity log, which stores depends on.
 */
@Named
@ViewScoped
public class ActivityTable implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ActivityLog log;

    @Inject
    Stores stores;

    @Inject
    FacesContext faces;

    private PagedRows<ActivityEvent> rows;
    private List<String> categories;
    private String store;
    private String category;
    private String text;
    private LocalDate from;
    private LocalDate until;

    @PostConstruct
    void load() {
        this.rows = new PagedRows<>(new Rows(this), ActivityEvent::id);
        this.categories = this.log.categories();
    }

    /** The entries the filters match, a page at a time. */
    public PagedRows<ActivityEvent> getRows() {
        return this.rows;
    }

    /** The filters as chosen now, read by every page of the table. */
    ActivityFilter filter() {
        DayRange days = new DayRange(this.from, this.until);
        return new ActivityFilter(this.category, this.store, this.text, days.from(), days.until());
    }

    /** The log's query, given the filters of the page (kept with the view, as the table is). */
    private record Rows(ActivityTable table) implements PagedRows.Source<ActivityEvent> {

        @Override
        public List<ActivityEvent> rows(int first, int size, String sortColumn, boolean ascending) {
            ActivityLog.Sort sort = switch (sortColumn == null ? "" : sortColumn) {
                case "occurredAt" -> ascending ? ActivityLog.Sort.OLDEST_FIRST : ActivityLog.Sort.NEWEST_FIRST;
                case "category" -> ascending ? ActivityLog.Sort.AREA : ActivityLog.Sort.AREA_DESCENDING;
                default -> ActivityLog.Sort.NEWEST_FIRST;
            };
            return this.table.log.search(this.table.filter(), sort, first, size);
        }

        @Override
        public int countUpTo(int limit) {
            return this.table.log.countUpTo(this.table.filter(), limit);
        }
    }

    /** Filters again: the table shows the first page of what the filters now match. */
    public void applyFilters() {
        new DayRange(this.from, this.until).refuseIfReversed(this.faces, "log:until", "Until");
    }

    /** The stores whose domain the store filter offers (an entry names its store by domain). */
    public List<String> getStores() {
        return this.stores.all().stream().map(s -> s.domain().value()).toList();
    }

    /** The areas the log holds, for the area filter. */
    public List<String> getCategories() {
        return this.categories;
    }

    public String getStore() {
        return this.store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    public String getCategory() {
        return this.category;
    }

    public void setCategory(String category) {
        this.category = category;
    }

    public String getText() {
        return this.text;
    }

    public void setText(String text) {
        this.text = text;
    }

    public LocalDate getFrom() {
        return this.from;
    }

    public void setFrom(LocalDate from) {
        this.from = from;
    }

    public LocalDate getUntil() {
        return this.until;
    }

    public void setUntil(LocalDate until) {
        this.until = until;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }

    /** Who did it, as the log shows it. */
    public String actor(ActivityEvent event) {
        return event.actor() == null ? "connector" : event.actor();
    }
}
