package wms.shopify.webhooks.entity;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * One of Shopify's mandatory privacy requests for a store, as a CDI event fired by {@code webhooks.control.ComplianceRequests}: each
 * component observes it and erases (or, for a data request, lists) what its own tables hold, then says so with
 * {@link #report(String)}. The orders are those Shopify names plus those the stored webhooks tie to the customer;
 * a component that finds more of the customer's orders adds them with {@link #addOrder(String)}, so the webhook
 * bodies of those orders are erased too.
 */
public final class PrivacyRequest {

    /** What Shopify asks. */
    public enum Kind {
        /** {@code customers/data_request}: list what is held about the customer. */
        CUSTOMER_DATA,
        /** {@code customers/redact}: erase the customer's personal data. */
        CUSTOMER_REDACT,
        /** {@code shop/redact}: erase everything personal held for the store. */
        SHOP_REDACT
    }

    private final Kind kind;
    private final long storeId;
    private final ShopDomain shop;
    private final String customerId;
    private final String email;
    private final Set<String> orderIds;
    private final List<String> reports = new ArrayList<>();

    /**
     * @param customerId the customer's global id ({@code gid://shopify/Customer/...}), or null
     * @param email the customer's e-mail as Shopify sent it, or null
     * @param orderIds the orders' global ids Shopify names ({@code orders_to_redact}, {@code orders_requested})
     */
    public PrivacyRequest(
            Kind kind, long storeId, ShopDomain shop, String customerId, String email, Set<String> orderIds) {
        this.kind = kind;
        this.storeId = storeId;
        this.shop = shop;
        this.customerId = customerId;
        this.email = email == null || email.isBlank() ? null : email.trim();
        this.orderIds = new LinkedHashSet<>(orderIds);
    }

    public Kind kind() {
        return this.kind;
    }

    public long storeId() {
        return this.storeId;
    }

    public ShopDomain shop() {
        return this.shop;
    }

    /** The customer's global id, or null when Shopify sent none. */
    public String customerId() {
        return this.customerId;
    }

    /** The customer's e-mail, or null when Shopify sent none. */
    public String email() {
        return this.email;
    }

    /** The customer's orders known so far (global ids); empty for {@link Kind#SHOP_REDACT}. */
    public Set<String> orderIds() {
        return Set.copyOf(this.orderIds);
    }

    /** Another order found to be the customer's (e.g. a guest order with the customer's e-mail). */
    public void addOrder(String orderId) {
        this.orderIds.add(orderId);
    }

    /** What a component erased or holds, in the merchant's words; the reports make the activity entry. */
    public void report(String text) {
        this.reports.add(text);
    }

    public List<String> reports() {
        return List.copyOf(this.reports);
    }
}
