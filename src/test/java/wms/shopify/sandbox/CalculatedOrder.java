package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * An order edit in progress ({@code orderEditBegin}): the order as it would be with the staged changes, nothing applied
 * until {@code orderEditCommit}. Its lines are the order's lines with their staged quantities plus the variants added.
 */
public final class CalculatedOrder extends ShopifyObject {

    private final Order originalOrder;
    private final List<CalculatedLineItem> lineItems = new ArrayList<>();
    private boolean committed;
    private boolean notifyCustomer;
    private String staffNote;

    CalculatedOrder(long id, Order originalOrder, Instant at) {
        super("CalculatedOrder", id, at);
        this.originalOrder = originalOrder;
    }

    public Order originalOrder() {
        return originalOrder;
    }

    public boolean committed() {
        return committed;
    }

    public List<CalculatedLineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    public List<CalculatedLineItem> addedLineItems() {
        return lineItems.stream().filter(CalculatedLineItem::added).toList();
    }

    public int subtotalLineItemsQuantity() {
        return lineItems.stream().mapToInt(CalculatedLineItem::quantity).sum();
    }

    boolean notifyCustomer() {
        return notifyCustomer;
    }

    String staffNote() {
        return staffNote;
    }

    void add(CalculatedLineItem line) {
        lineItems.add(line);
    }

    void committed(boolean notify, String note, Instant at) {
        committed = true;
        notifyCustomer = notify;
        staffNote = note;
        touch(at);
    }
}
