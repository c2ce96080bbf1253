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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.orders.control.OrderFilter;
import wms.shopify.orders.control.OrderRecords;
import wms.shopify.orders.control.OrderSweeps;
import wms.shopify.orders.control.Orders;
import wms.shopify.orders.control.SweepRecords;
import wms.shopify.orders.entity.HoldReason;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.OrderSweep;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.platform.web.DayRange;
import wms.shopify.platform.web.PagedRows;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * Backing bean of the Orders page: the orders of all stores or one, filtered by state, hold reason, name and date
 * of the last update, a page at a time (a lazy table over the database, its count bounded), with why an order is
 * held or filtered out; releasing held orders after a mapping was fixed, one, the selected ones or all of a store;
 * and the reconciliation sweep for a date range with the latest sweeps.
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
    private String name;
    private LocalDate from;
    private LocalDate until;
    private String sweepFrom;
    private String sweepUntil;
    private PagedRows<ImportedOrder> rows;
    private List<ImportedOrder> selected = new ArrayList<>();
    private int selectedHeld;
    private List<ImportedOrder> cancellationsWaiting;

    @PostConstruct
    void load() {
        Map<String, String> parameters = this.faces.getExternalContext().getRequestParameterMap();
        this.all = this.stores.all();
        this.storeId = parseLong(parameters.get("store"));
        this.state = parse(OrderState.class, parameters.get("state"));
        this.reason = parse(HoldReason.class, parameters.get("reason"));
        this.rows = new PagedRows<>(new Rows(this), ImportedOrder::id);
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

    /** The orders the filters match, a page at a time (the page's lazy table). */
    public PagedRows<ImportedOrder> getRows() {
        return this.rows;
    }

    /** The filters as chosen now, read by every page of the table. */
    OrderFilter filter() {
        DayRange days = new DayRange(this.from, this.until);
        return new OrderFilter(this.storeId, this.state, this.reason, this.name, days.from(), days.until());
    }

    /** The table's query, given the filters of the page (kept with the view, as the table is). */
    private record Rows(OrdersPage page) implements PagedRows.Source<ImportedOrder> {

        @Override
        public List<ImportedOrder> rows(int first, int size, String sortColumn, boolean ascending) {
            Orders.Sort sort = switch (sortColumn == null ? "" : sortColumn) {
                case "name" -> ascending ? Orders.Sort.OLDEST_FIRST : Orders.Sort.NEWEST_FIRST;
                case "updatedAt" -> ascending ? Orders.Sort.UPDATED : Orders.Sort.UPDATED_DESCENDING;
                default -> Orders.Sort.NEWEST_FIRST;
            };
            return this.page.orders.page(this.page.filter(), sort, first, size);
        }

        @Override
        public int countUpTo(int limit) {
            return this.page.orders.countUpTo(this.page.filter(), limit);
        }
    }

    /** Filters again: the table shows the first page of what the filters now match. */
    public void applyFilters() {
        new DayRange(this.from, this.until).refuseIfReversed(this.faces, "orders:until", "Updated until");
        this.selected = new ArrayList<>();
    }

    /**
     * Before the selected held orders are released: counts them for the confirmation, which the page shows only when
     * there is one at least (inline, not in a PrimeFaces dialog, whose markup carries a style attribute the pages'
     * Content-Security-Policy refuses).
     */
    public void confirmRelease() {
        this.selectedHeld = (int)
                this.selected.stream().filter(o -> o.state() == OrderState.HELD).count();
        if (this.selectedHeld == 0) {
            this.faces.addMessage(
                    null,
                    new FacesMessage(
                            FacesMessage.SEVERITY_WARN, "Select one or more held orders to release first.", null));
        }
    }

    /** The confirmation declined: nothing is released. */
    public void cancelRelease() {
        this.selectedHeld = 0;
    }

    /** Releases the selected held orders (confirmed): each is read again and decided with today's mappings. */
    public void releaseSelected() {
        List<Long> ids = this.selected.stream()
                .filter(o -> o.state() == OrderState.HELD)
                .map(ImportedOrder::id)
                .toList();
        try {
            int released = this.orders.releaseHeld(ids, user());
            this.faces.addMessage(
                    null,
                    new FacesMessage(
                            released == ids.size() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                            released + " of " + ids.size() + " selected held order(s) released"
                                    + (released == ids.size() ? "." : "; the others are still held, with the reason."),
                            null));
        } catch (ShopifyUnavailableException | ShopifyUnauthorizedException e) {
            this.faces.addMessage(
                    null, new FacesMessage(FacesMessage.SEVERITY_ERROR, "Could not release: " + e.getMessage(), null));
        }
        this.selected = new ArrayList<>();
        this.selectedHeld = 0;
    }

    /** Cancellation requests the WMS has not answered within the store's time (fulfillment-service mode). */
    public List<ImportedOrder> getCancellationsWaiting() {
        if (this.cancellationsWaiting == null) {
            this.cancellationsWaiting = this.orders.cancellationsWaiting(this.storeId, 100);
        }
        return this.cancellationsWaiting;
    }

    public List<ImportedOrder> getSelected() {
        return this.selected;
    }

    public void setSelected(List<ImportedOrder> selected) {
        this.selected = selected == null ? new ArrayList<>() : new ArrayList<>(selected);
    }

    /** How many of the selected orders are held, as the confirmation says. */
    public int getSelectedHeld() {
        return this.selectedHeld;
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

    public void setStoreId(Long storeId) {
        this.storeId = storeId;
    }

    public String getState() {
        return this.state == null ? "" : this.state.name();
    }

    public void setState(String state) {
        this.state = parse(OrderState.class, state);
    }

    public String getReason() {
        return this.reason == null ? "" : this.reason.name();
    }

    public void setReason(String reason) {
        this.reason = parse(HoldReason.class, reason);
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
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

    public OrderState[] getStates() {
        return new OrderState[] {
            OrderState.HELD,
            OrderState.FILTERED,
            OrderState.READY,
            OrderState.ACCEPTED,
            OrderState.CANCELLED,
            OrderState.ANOTHER_APP
        };
    }

    public HoldReason[] getReasons() {
        return HoldReason.values();
    }

    /** A state as the filter lists it. */
    public String stateLabel(OrderState state) {
        return switch (state) {
            case HELD -> "Held";
            case FILTERED -> "Filtered out";
            case READY -> "In WMS feed";
            case ACCEPTED -> "Accepted by WMS";
            case CANCELLED -> "Cancelled";
            case ANOTHER_APP -> "Fulfilled by another app";
            case NEW -> "New";
        };
    }

    public String label(ImportedOrder order) {
        return switch (order.state()) {
            case READY ->
                order.feedKind() != null && order.feedKind().name().equals("CANCELLATION")
                        ? "Cancellation in feed"
                        : "In WMS feed";
            case ACCEPTED ->
                "Accepted by WMS" + (order.shopifyHoldReason() != null ? " · on hold on Shopify" : "")
                        + (order.changeRejection() != null ? " · change rejected by WMS" : "")
                        + (order.feedPending() && order.feedKind() != null
                                ? " (" + order.feedKind().name().toLowerCase() + " in feed)"
                                : "");
            case HELD -> "Held: " + order.holdReason().label();
            case FILTERED -> "Filtered out";
            case CANCELLED ->
                order.feedPending()
                        ? "Cancelled (in feed)"
                        : order.cancellationAnswer() == null
                                ? "Cancelled"
                                : "Cancelled · WMS: "
                                        + order.cancellationAnswer().label();
            case ANOTHER_APP -> "Fulfilled by another app";
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

    /**
     * The parts of an order that ships from several warehouses, each with where it stands, e.g. "WEST (2 × W-MUG):
     * acknowledged by the WMS · EAST (1 × W-CAP): waiting for the WMS"; null for an order of one warehouse.
     */
    public String parts(ImportedOrder order) {
        if (!order.parted()) {
            return null;
        }
        return order.warehouses().stream()
                .map(w -> w + " ("
                        + order.linesOf(w).stream()
                                .map(l -> l.quantity() + " × " + (l.productCode() == null ? "?" : l.productCode()))
                                .collect(Collectors.joining(", "))
                        + "): "
                        + (!order.feedPending()
                                ? label(order)
                                : order.partAcknowledged(w) ? "acknowledged by the WMS" : "waiting for the WMS"))
                .collect(Collectors.joining(" · "));
    }

    /** The units another app fulfils, e.g. "2 × PLATE-1 fulfilled by ShipFast (another app)", or null. */
    public String anotherAppLines(ImportedOrder order) {
        if (order.anotherAppLines().isEmpty()) {
            return null;
        }
        return order.anotherAppLines().stream()
                .map(l -> l.quantity() + " × "
                        + (l.productCode() != null ? l.productCode() : l.sku() == null ? "?" : l.sku()) + " "
                        + l.fulfilledBy())
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
