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
import wms.shopify.console.control.OrderTrace;
import wms.shopify.console.control.TraceEvent;
import wms.shopify.platform.web.AdminFormat;

/**
 * Backing bean of the Trace of an order: named by the Orders page ({@code ?order=}, the connector's id) or found by
 * its name ({@code ?name=#1001}); shows the decision now and the order's timeline, newest first, a page at a time.
 */
@Named
@ViewScoped
public class OrderTracePage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    OrderTrace trace;

    @Inject
    FacesContext faces;

    private Long order;
    private String name;
    private List<OrderTrace.Order> matches = List.of();
    private OrderTrace.Order current;
    private List<TraceEvent> events = List.of();

    /** Reads what the parameters name (the page's view action). */
    public void load() {
        if (this.order != null) {
            this.current = this.trace.order(this.order).orElse(null);
            if (this.current == null) {
                error("No order has the id " + this.order + ".");
            }
        } else if (this.name != null && !this.name.isBlank()) {
            this.matches = this.trace.byName(this.name);
            if (this.matches.isEmpty()) {
                error("No order of any store is named " + this.name.trim() + ".");
            } else if (this.matches.size() == 1) {
                this.current = this.matches.get(0);
            }
        }
        if (this.current != null) {
            this.events = this.trace.timeline(this.current);
        }
    }

    /** The search: the page again for the name typed. */
    public String search() {
        if (this.name == null || this.name.isBlank()) {
            this.faces.addMessage(
                    "trace-search:name",
                    new FacesMessage(
                            FacesMessage.SEVERITY_ERROR, "Order: type the order's name, such as #1001.", null));
            return null;
        }
        return "/admin/order-trace?faces-redirect=true&name="
                + URLEncoder.encode(this.name.trim(), StandardCharsets.UTF_8);
    }

    private void error(String text) {
        this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, text, null));
    }

    public List<OrderTrace.Order> getMatches() {
        return this.matches;
    }

    public OrderTrace.Order getCurrent() {
        return this.current;
    }

    public List<TraceEvent> getEvents() {
        return this.events;
    }

    public Long getOrder() {
        return this.order;
    }

    public void setOrder(Long order) {
        this.order = order;
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
