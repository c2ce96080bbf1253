package wms.shopify.stock.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.stock.control.PublishedView;
import wms.shopify.stock.control.PushRecords;
import wms.shopify.stock.control.ReconciliationView;
import wms.shopify.stock.control.Reconciliations;
import wms.shopify.stock.control.StockViews;
import wms.shopify.stock.control.StoreStockSummary;
import wms.shopify.stores.control.Stores;

/**
 * Backing bean of the Stock page: per store the stock sync setting (changed on Store Settings) and its counts, the
 * waits for its Shopify API budget in this instance, the
 * last drift reconciliation with a button for one now, and retry of what is parked; below, the lists of changes and
 * pushes ({@link StockTable}), and what each level publishes and why (WMS quantity → rule → published).
 */
@Named
@RequestScoped
public class StockPage {

    static final int LIMIT = 100;

    @Inject
    StockViews views;

    @Inject
    Reconciliations reconciliations;

    @Inject
    PushRecords records;

    @Inject
    Stores stores;

    @Inject
    FacesContext faces;

    @Inject
    wms.shopify.stock.control.StockPusher pusher;

    private List<StoreStockSummary> summaries;
    private List<PublishedView> published;

    public List<StoreStockSummary> getStores() {
        if (this.summaries == null) {
            this.summaries = this.views.stores();
        }
        return this.summaries;
    }

    /**
     * Reads the per-store summary again when next shown: after a retry of selected rows in the same request (its
     * counts were read before the retry, when the page's parts were visited).
     */
    void refresh() {
        this.summaries = null;
    }

    /**
     * How often calls to the store waited for its Shopify API budget since this instance started, and how long in
     * all ("none" when never): stock pushes, reads and every other call of the connector to that store.
     */
    public String budgetWaits(String domain) {
        var waits = this.pusher.budgetWaits(domain);
        if (waits.count() == 0) {
            return "none";
        }
        return waits.count() + " ("
                + String.format(java.util.Locale.ROOT, "%.1f", waits.total().toMillis() / 1000.0) + " s)";
    }

    /** Every level with its explanation, those of the SKU or product code searched for ({@code ?search=}). */
    public List<PublishedView> getPublished() {
        if (this.published == null) {
            this.published = this.views.published(getSearch(), LIMIT);
        }
        return this.published;
    }

    public String getSearch() {
        return this.faces.getExternalContext().getRequestParameterMap().get("search");
    }

    public ReconciliationView lastReconciliation(long storeId) {
        return this.reconciliations.latest(storeId).orElse(null);
    }

    public String format(Instant instant) {
        return instant == null ? "" : AdminFormat.dateTime(instant);
    }

    public String reconcile() {
        Long storeId = storeParameter();
        if (storeId != null) {
            this.stores.find(storeId).ifPresent(store -> {
                boolean started = this.reconciliations
                        .start(store, this.faces.getExternalContext().getRemoteUser())
                        .isPresent();
                message(
                        started
                                ? "Drift reconciliation of " + store.domain().value() + " started."
                                : "A drift reconciliation of " + store.domain().value() + " is already running.");
            });
        }
        return "/admin/stock?faces-redirect=true";
    }

    public String retry() {
        Long storeId = storeParameter();
        if (storeId != null) {
            int retried = this.records.retryFailed(storeId);
            message(retried + " parked change(s) and push(es) set to go out again.");
        }
        return "/admin/stock?faces-redirect=true";
    }

    private void message(String text) {
        this.faces.getExternalContext().getFlash().setKeepMessages(true);
        this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_INFO, text, null));
    }

    private Long storeParameter() {
        Map<String, String> parameters = this.faces.getExternalContext().getRequestParameterMap();
        try {
            return Long.valueOf(parameters.get("store"));
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
