package wms.shopify.console.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import wms.shopify.console.control.ItemTrace;
import wms.shopify.console.control.TraceEvent;
import wms.shopify.platform.web.AdminFormat;

/**
 * Backing bean of the Trace of an item: found by SKU ({@code ?sku=}, the page's search and the Dashboard's) or named
 * by the Stock and Product Mapping pages ({@code ?shop=&item=}, or {@code ?store=&item=} by the store's id); shows each level's state now in a sentence and the
 * item's timeline, newest first, a page at a time.
 */
@Named
@ViewScoped
public class ItemTracePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    ItemTrace trace;

    @Inject
    FacesContext faces;

    private Long store;
    private String shop;
    private String item;
    private String sku;
    private List<ItemTrace.Item> matches = List.of();
    private ItemTrace.Item current;
    private List<ItemTrace.Level> levels = List.of();
    private List<TraceEvent> events = List.of();

    /** Reads what the parameters name (the page's view action). */
    public void load() {
        boolean itemNamed = this.item != null && !this.item.isBlank();
        if (itemNamed && this.store != null) {
            this.current = this.trace.item(this.store, this.item.trim()).orElse(null);
            if (this.current == null) {
                error("No store has the id " + this.store + ".");
            }
        } else if (itemNamed && this.shop != null && !this.shop.isBlank()) {
            this.current = this.trace.item(this.shop.trim(), this.item.trim()).orElse(null);
            if (this.current == null) {
                error("No store is " + this.shop.trim() + ".");
            }
        } else if (this.sku != null && !this.sku.isBlank()) {
            this.matches = this.trace.bySku(this.sku);
            if (this.matches.isEmpty()) {
                error("No variant of any store has the SKU " + this.sku.trim() + ".");
            } else if (this.matches.size() == 1) {
                this.current = this.matches.get(0);
            }
        }
        if (this.current != null) {
            this.levels = this.trace.levels(this.current);
            this.events = this.trace.timeline(this.current);
        }
    }

    /** The search: the page again for the SKU typed. */
    public String search() {
        if (this.sku == null || this.sku.isBlank()) {
            this.faces.addMessage(
                    "trace-search:sku",
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "SKU: type the SKU to trace.", null));
            return null;
        }
        return "/admin/item-trace?faces-redirect=true&sku="
                + URLEncoder.encode(this.sku.trim(), StandardCharsets.UTF_8);
    }

    private void error(String text) {
        this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<ItemTrace.Item> getMatches() {
        return this.matches;
    }

    public ItemTrace.Item getCurrent() {
        return this.current;
    }

    public List<ItemTrace.Level> getLevels() {
        return this.levels;
    }

    public List<TraceEvent> getEvents() {
        return this.events;
    }

    public Long getStore() {
        return this.store;
    }

    public void setStore(Long store) {
        this.store = store;
    }

    public String getShop() {
        return this.shop;
    }

    public void setShop(String shop) {
        this.shop = shop;
    }

    public String getItem() {
        return this.item;
    }

    public void setItem(String item) {
        this.item = item;
    }

    public String getSku() {
        return this.sku;
    }

    public void setSku(String sku) {
        this.sku = sku;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
