package wms.shopify.catalog.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import wms.shopify.catalog.control.Mappings;
import wms.shopify.catalog.control.ProductSyncs;
import wms.shopify.catalog.control.SyncAlreadyRunningException;
import wms.shopify.catalog.control.UnknownProductException;
import wms.shopify.catalog.entity.ProductSync;
import wms.shopify.catalog.entity.StoreVariant;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Backing bean of Product Mapping: a store's latest Sync Products (a progress bar with counts and an estimate while it
 * runs, redrawn in place, and a Cancel; the result after), a
 * filtered, searchable page of its variants (keyset paging by row id), Sync Products, and mapping by hand.
 */
@Named
@ViewScoped
public class ProductMappingPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;
    /** How often the page redraws a running sync's progress. */
    static final int REFRESH_SECONDS = 2;

    @Inject
    Stores stores;

    @Inject
    ProductSyncs syncs;

    @Inject
    Mappings mappings;

    @Inject
    FacesContext faces;

    private List<Store> connected;
    private Store store;
    private Mappings.Filter filter;
    private String search;
    private long after;
    private transient List<StoreVariant> variants;
    private transient ProductSync latest;
    /** Whether the store's sync was running when the view was built: its end then reloads the page. */
    private boolean watching;

    private final Map<Long, String> productFor = new HashMap<>();

    /** Reads the store, filter, search and page from the link; the view keeps them across postbacks. */
    @PostConstruct
    void load() {
        Map<String, String> parameters = this.faces.getExternalContext().getRequestParameterMap();
        this.connected = this.stores.connected();
        Long id = parseLong(parameters.get("store"));
        this.store = this.connected.stream()
                .filter(s -> id == null ? true : s.id().equals(id))
                .findFirst()
                .orElse(null);
        this.filter = Mappings.Filter.of(parameters.get("filter"));
        this.search = parameters.get("q");
        Long afterId = parseLong(parameters.get("after"));
        this.after = afterId == null ? 0 : afterId;
        this.watching = getLatest() != null && getLatest().running();
    }

    public List<Store> getStores() {
        return this.connected;
    }

    public Store getStore() {
        return this.store;
    }

    public String getFilter() {
        return this.filter.name().toLowerCase(java.util.Locale.ROOT);
    }

    public List<String> getFilters() {
        return java.util.Arrays.stream(Mappings.Filter.values())
                .map(f -> f.name().toLowerCase(java.util.Locale.ROOT))
                .toList();
    }

    public String getSearch() {
        return this.search;
    }

    public void setSearch(String search) {
        this.search = search;
    }

    public Map<Long, String> getProductFor() {
        return this.productFor;
    }

    public ProductSync getLatest() {
        if (this.latest == null && this.store != null) {
            this.latest = this.syncs.latest(this.store).orElse(null);
        }
        return this.latest;
    }

    public List<StoreVariant> getVariants() {
        if (this.variants == null) {
            this.variants = this.store == null
                    ? List.of()
                    : this.mappings.page(this.store.id(), this.filter, this.search, this.after, PAGE_SIZE);
        }
        return this.variants;
    }

    /** The row id the next page starts after, or null on the last page. */
    public Long getNextAfter() {
        List<StoreVariant> page = getVariants();
        return page.size() < PAGE_SIZE ? null : page.get(page.size() - 1).id();
    }

    public String format(java.time.Instant instant) {
        return instant == null ? "" : AdminFormat.dateTime(instant);
    }

    /** How far the running (or last) sync came: "12 400 of 50 000". */
    public String getProgressCounts() {
        return ProductSyncs.progress(getLatest()).counts();
    }

    /** The time the running sync has left at its rate so far, in words. */
    public String getProgressEstimate() {
        return ProductSyncs.progress(getLatest()).estimate(java.time.Instant.now());
    }

    /**
     * The refresh the page asks for every {@link #REFRESH_SECONDS} s while a sync runs (js/refresh.js): the progress
     * is re-read and redrawn in place; once the sync has ended, the whole page is loaded again so that the list
     * shows what it recorded.
     */
    public String refresh() {
        this.latest = null; // read again: the view keeps the bean between requests
        if (this.watching && (getLatest() == null || !getLatest().running())) {
            return self(this.after);
        }
        return null;
    }

    public int getRefreshSeconds() {
        return REFRESH_SECONDS;
    }

    /** Asks the running sync to stop at its next page; what it recorded stays. */
    public String cancel() {
        if (this.syncs.cancel(this.store).isEmpty()) {
            this.faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_INFO, "No Sync Products is running for this store.", null));
            return null;
        }
        return self(this.after);
    }

    public String sync() {
        try {
            this.syncs.start(this.store, this.faces.getExternalContext().getRemoteUser());
        } catch (SyncAlreadyRunningException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
        return self(0);
    }

    public String map(long variantRowId) {
        try {
            this.mappings.mapByHand(
                    this.store.id(),
                    variantRowId,
                    this.productFor.get(variantRowId),
                    this.faces.getExternalContext().getRemoteUser());
        } catch (UnknownProductException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
        return self(this.after);
    }

    public String unmap(long variantRowId) {
        try {
            this.mappings.unmapByHand(
                    this.store.id(),
                    variantRowId,
                    this.faces.getExternalContext().getRemoteUser());
        } catch (UnknownProductException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
        return self(this.after);
    }

    public String find() {
        return self(0);
    }

    /** Back to this page, same store, filter and search (post, then redirect: a reload repeats nothing). */
    private String self(long from) {
        return "/admin/product-mapping?faces-redirect=true&store=" + this.store.id() + "&filter=" + getFilter()
                + (this.search == null || this.search.isBlank()
                        ? ""
                        : "&q=" + URLEncoder.encode(this.search, StandardCharsets.UTF_8))
                + (from > 0 ? "&after=" + from : "");
    }

    private static Long parseLong(String value) {
        try {
            return value == null ? null : Long.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
