package wms.shopify.stock.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.platform.web.DayRange;
import wms.shopify.platform.web.PagedRows;
import wms.shopify.stock.control.ChangeView;
import wms.shopify.stock.control.PushRecords;
import wms.shopify.stock.control.PushRow;
import wms.shopify.stock.control.StockFilter;
import wms.shopify.stock.control.StockViews;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Backing bean of the Stock page's lists: the changes waiting, being pushed or parked, and the pushes, each a lazy
 * table over the database a page at a time (its count bounded), filtered by store, state, SKU and a date range,
 * sorted, exported as CSV; and the retry of the selected parked changes and pushes after a confirmation that says
 * how many.
 */
@Named
@ViewScoped
public class StockTable implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    StockViews views;

    @Inject
    PushRecords records;

    @Inject
    Stores stores;

    @Inject
    FacesContext faces;

    @Inject
    StockPage summary;

    private List<Store> all;
    private Long storeId;
    private StockFilter.State state;
    private String sku;
    private LocalDate from;
    private LocalDate until;
    private PagedRows<ChangeView> changes;
    private PagedRows<PushRow> pushes;
    private List<ChangeView> selectedChanges = new ArrayList<>();
    private List<PushRow> selectedPushes = new ArrayList<>();
    private int confirmChanges;
    private int confirmPushes;

    @PostConstruct
    void load() {
        this.all = this.stores.all();
        this.changes = new PagedRows<>(new Changes(this), ChangeView::id);
        this.pushes = new PagedRows<>(new Pushes(this), PushRow::id);
    }

    /** The filters as chosen now, read by every page of both tables. */
    StockFilter filter() {
        DayRange days = new DayRange(this.from, this.until);
        return new StockFilter(this.storeId, this.state, this.sku, days.from(), days.until());
    }

    private record Changes(StockTable table) implements PagedRows.Source<ChangeView> {

        @Override
        public List<ChangeView> rows(int first, int size, String sortColumn, boolean ascending) {
            return this.table.views.changes(this.table.filter(), sortColumn, ascending, first, size);
        }

        @Override
        public int countUpTo(int limit) {
            return this.table.views.countChangesUpTo(this.table.filter(), limit);
        }
    }

    private record Pushes(StockTable table) implements PagedRows.Source<PushRow> {

        @Override
        public List<PushRow> rows(int first, int size, String sortColumn, boolean ascending) {
            return this.table.views.pushes(
                    this.table.filter(), "createdAt".equals(sortColumn) && ascending, first, size);
        }

        @Override
        public int countUpTo(int limit) {
            return this.table.views.countPushesUpTo(this.table.filter(), limit);
        }
    }

    /** The changes the filters match, a page at a time. */
    public PagedRows<ChangeView> getChanges() {
        return this.changes;
    }

    /** The pushes the filters match, a page at a time. */
    public PagedRows<PushRow> getPushes() {
        return this.pushes;
    }

    /** Filters again: both tables show the first page of what the filters now match. */
    public void applyFilters() {
        new DayRange(this.from, this.until).refuseIfReversed(this.faces, "lists:until", "Until");
        this.selectedChanges = new ArrayList<>();
        this.selectedPushes = new ArrayList<>();
        cancelRetry();
    }

    /**
     * Before the selected parked rows are retried: counts them for the confirmation, shown inline when there is one
     * at least (as the Orders page's, no PrimeFaces dialog: its markup carries a style the Content-Security-Policy
     * refuses).
     */
    public void confirmRetry() {
        this.confirmChanges = parkedChanges().size();
        this.confirmPushes = parkedPushes().size();
        if (this.confirmChanges + this.confirmPushes == 0) {
            this.faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_WARN,
                            "Select one or more parked changes or pushes to retry first.",
                            null));
        }
    }

    /** The confirmation declined: nothing is retried. */
    public void cancelRetry() {
        this.confirmChanges = 0;
        this.confirmPushes = 0;
    }

    /** Retries the selected parked changes and pushes (confirmed), with the stock component's retry. */
    public void retrySelected() {
        List<Long> changeIds = parkedChanges();
        List<Long> pushIds = parkedPushes();
        int retried = this.records.retryFailed(changeIds, pushIds);
        int chosen = changeIds.size() + pushIds.size();
        this.faces.addMessage(
                null,
                new FacesMessage(
                        retried == chosen ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                        retried + " of " + chosen + " selected parked change(s) and push(es) set to go out again"
                                + (retried == chosen ? "." : "; the others were no longer parked."),
                        null));
        this.selectedChanges = new ArrayList<>();
        this.selectedPushes = new ArrayList<>();
        cancelRetry();
        this.summary.refresh();
    }

    private List<Long> parkedChanges() {
        return this.selectedChanges.stream()
                .filter(c -> "FAILED".equals(c.state()))
                .map(ChangeView::id)
                .toList();
    }

    private List<Long> parkedPushes() {
        return this.selectedPushes.stream()
                .filter(p -> "failed".equals(p.state()))
                .map(PushRow::id)
                .toList();
    }

    /** What the confirmation asks, e.g. "Retry 3 parked pushes?" or "Retry 2 parked changes and 1 parked push?". */
    public String getConfirmation() {
        List<String> parts = new ArrayList<>();
        if (this.confirmChanges > 0) {
            parts.add(this.confirmChanges + " parked change" + (this.confirmChanges == 1 ? "" : "s"));
        }
        if (this.confirmPushes > 0) {
            parts.add(this.confirmPushes + " parked push" + (this.confirmPushes == 1 ? "" : "es"));
        }
        return parts.isEmpty() ? "" : "Retry " + String.join(" and ", parts) + "?";
    }

    /** How many the confirmation retries (none: no confirmation shown). */
    public int getConfirming() {
        return this.confirmChanges + this.confirmPushes;
    }

    public List<ChangeView> getSelectedChanges() {
        return this.selectedChanges;
    }

    public void setSelectedChanges(List<ChangeView> selected) {
        this.selectedChanges = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public List<PushRow> getSelectedPushes() {
        return this.selectedPushes;
    }

    public void setSelectedPushes(List<PushRow> selected) {
        this.selectedPushes = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    public List<Store> getStores() {
        return this.all;
    }

    public Long getStoreId() {
        return this.storeId;
    }

    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public String getState() {
        return this.state == null ? "" : this.state.name();
    }

    public void setState(String state) {
        this.state = StockFilter.State.of(state);
    }

    public StockFilter.State[] getStates() {
        return StockFilter.State.values();
    }

    public String getSku() {
        return this.sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
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

    /** A state of a change or a push as the page names it (failed is "parked"). */
    public String stateLabel(String state) {
        return state == null ? "" : "failed".equalsIgnoreCase(state) ? "parked" : state.toLowerCase();
    }

    public String format(Instant instant) {
        return instant == null ? "" : AdminFormat.dateTime(instant);
    }
}
