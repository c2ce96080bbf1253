package wms.shopify.orders.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.orders.control.OrderRecords;
import wms.shopify.orders.control.OrderSweeps;
import wms.shopify.orders.control.Orders;
import wms.shopify.orders.control.SweepRecords;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.OrderSweep;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Backing bean of the Orders page: the orders of all stores or one, filtered by state and hold reason, with why an
 * order is held or filtered out; releasing held orders after a mapping was fixed; and the reconciliation sweep for
 * a date range with the latest sweeps.
 */
@Named
@ViewScoped
public class OrdersPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int PAGE_SIZE = 50;

    @Inject
    Stores stores;

    @Inject
    Orders orders;

    @Inject
    OrderSweeps sweeps;

    @Inject
    SweepRecords sweepRecords;

    @Inject
    FacesContext faces;

    private List<Store> all;
    private Long storeId;
    private OrderState state;
    private HoldReason reason;
    private int page;
    private String sweepFrom;
    private String sweepUntil;
    private transient List<ImportedOrder> shown;

    @PostConstruct
    void load() {
        Map<String, String> parameters = this.faces.getExternalContext().getRequestParameterMap();
        this.all = this.stores.all();
        this.storeId = parseLong(parameters.get("store"));
        this.state = parse(OrderState.class, parameters.get("state"));
        this.reason = parse(HoldReason.class, parameters.get("reason"));
        Long requested = parseLong(parameters.get("page"));
        this.page = requested == null ? 0 : (int) Math.max(0, Math.min(requested, 100_000));
        this.sweepFrom = LocalDate.now(ZoneOffset.UTC).minusDays(1).toString();
        this.sweepUntil = LocalDate.now(ZoneOffset.UTC).toString();
    }

    private static <E extends Enum<E>> E parse(Class<E> type, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Enum.valueOf(type, value.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static Long parseLong(String value) {
        try {
            return value == null || value.isBlank() ? null : Long.valueOf(value.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public List<ImportedOrder> getOrders() {
        if (this.shown == null) {
            this.shown = this.orders.page(this.storeId, this.state, this.reason, this.page * PAGE_SIZE, PAGE_SIZE + 1);
        }
        return this.shown.size() > PAGE_SIZE ? this.shown.subList(0, PAGE_SIZE) : this.shown;
    }

    public boolean isHasMore() {
        getOrders();
        return this.shown.size() > PAGE_SIZE;
    }

    public List<Store> getStores() {
        return this.all;
    }

    public Store getStore() {
        return this.storeId == null
                ? null
                : this.all.stream()
                        .filter(s -> s.id().equals(this.storeId))
                        .findFirst()
                        .orElse(null);
    }

    public Long getStoreId() {
        return this.storeId;
    }

    public String getState() {
        return this.state == null ? "" : this.state.name();
    }

    public String getReason() {
        return this.reason == null ? "" : this.reason.name();
    }

    public int getPage() {
        return this.page;
    }

    public OrderState[] getStates() {
        return new OrderState[] {
            OrderState.HELD, OrderState.FILTERED, OrderState.READY, OrderState.ACCEPTED, OrderState.CANCELLED
        };
    }

    public HoldReason[] getReasons() {
        return HoldReason.values();
    }

    /** Orders per state, of the chosen store or all, for the filter links. */
    public Map<String, Long> getCounts() {
        return this.orders.counts(this.storeId).entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().name(), Map.Entry::getValue));
    }

    public String label(ImportedOrder order) {
        return switch (order.state()) {
            case READY ->
                order.feedKind() != null && order.feedKind().name().equals("CANCELLATION")
                        ? "Cancellation in feed"
                        : "In WMS feed";
            case ACCEPTED -> "Accepted by WMS";
            case HELD -> "Held: " + order.holdReason().label();
            case FILTERED -> "Filtered out";
            case CANCELLED -> order.feedPending() ? "Cancelled (in feed)" : "Cancelled";
            case NEW -> "New";
        };
    }

    public String lines(ImportedOrder order) {
        return order.lines().stream()
                .map(l -> l.quantity() + " × "
                        + (l.productCode() == null
                                ? (l.sku() == null ? "?" : l.sku()) + " (unmapped)"
                                : l.productCode()))
                .collect(Collectors.joining(", "));
    }

    public String release(long orderId) {
        try {
            OrderRecords.Outcome outcome = this.orders.release(orderId, user());
            this.faces.addMessage(
                    null,
                    new FacesMessage(
                            outcome.state() == OrderState.HELD
                                    ? FacesMessage.SEVERITY_WARN
                                    : FacesMessage.SEVERITY_INFO,
                            outcome.note(),
                            null));
        } catch (ShopifyUnavailableException | ShopifyUnauthorizedException | IllegalArgumentException e) {
            this.faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Could not release: " + e.getMessage(), null));
        }
        this.shown = null;
        return null;
    }

    public String releaseHeld() {
        Store store = getStore();
        if (store == null) {
            return null;
        }
        try {
            int released = this.orders.releaseHeld(store.id(), user());
            this.faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_INFO,
                            released + " held order(s) of " + store.domain() + " released.",
                            null));
        } catch (ShopifyUnavailableException | ShopifyUnauthorizedException e) {
            this.faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Could not release: " + e.getMessage(), null));
        }
        this.shown = null;
        return null;
    }

    public String sweep() {
        Store store = getStore();
        if (store == null || !store.isConnected()) {
            this.faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Choose a connected store to sweep.", null));
            return null;
        }
        Instant from;
        Instant until;
        try {
            from = LocalDate.parse(this.sweepFrom.trim())
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
            until = LocalDate.parse(this.sweepUntil.trim())
                    .plusDays(1)
                    .atStartOfDay(ZoneOffset.UTC)
                    .toInstant();
        } catch (DateTimeParseException | NullPointerException e) {
            this.faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Give both dates as YYYY-MM-DD.", null));
            return null;
        }
        if (!from.isBefore(until)) {
            this.faces.addMessage(
                    null,
                    new FacesMessage(FacesMessage.SEVERITY_ERROR, "The first day must not be after the last.", null));
            return null;
        }
        OrderSweep sweep = this.sweeps.sweep(store, from, until, user());
        this.faces.addMessage(
                null,
                new FacesMessage(
                        "SUCCEEDED".equals(sweep.state()) ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_ERROR,
                        "Sweep of " + store.domain() + ": " + sweep.ordersRead()
                                + " orders read, " + sweep.gapsFilled() + " gap(s) filled"
                                + (sweep.gapOrders() == null ? "" : " (" + sweep.gapOrders() + ")") + "."
                                + (sweep.message() == null ? "" : " " + sweep.message()),
                        null));
        this.shown = null;
        return null;
    }

    public List<OrderSweep> getSweeps() {
        return this.sweepRecords.latest(10);
    }

    public String getSweepFrom() {
        return this.sweepFrom;
    }

    public void setSweepFrom(String sweepFrom) {
        this.sweepFrom = sweepFrom;
    }

    public String getSweepUntil() {
        return this.sweepUntil;
    }

    public void setSweepUntil(String sweepUntil) {
        this.sweepUntil = sweepUntil;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }

    private String user() {
        return this.faces.getExternalContext().getRemoteUser();
    }
}
