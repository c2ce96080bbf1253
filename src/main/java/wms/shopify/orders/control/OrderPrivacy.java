package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.Collectors;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.webhooks.entity.PrivacyRequest;

/**
 * The orders' part of Shopify's privacy requests, for what imported orders keep of the customer (shipping name and
 * address, e-mail, phone, note). The customer's orders are those the request names or the stored webhooks tie to
 * the customer, and guest orders with the customer's e-mail; an order of anyone else is never touched. The lines
 * (products, quantities) stay: they are the store's, not the customer's. A redacted order still in the WMS feed
 * is listed without address or contact from then on (docs/stores.md says why that is acceptable).
 */
@ApplicationScoped
public class OrderPrivacy {

    /** Orders erased per transaction for shop/redact. */
    static final int BATCH = 500;

    private static final int NAMES_LISTED = 20;

    @Inject
    OrderRecords records;

    void onPrivacyRequest(@Observes PrivacyRequest request) {
        switch (request.kind()) {
            case CUSTOMER_DATA -> list(request);
            case CUSTOMER_REDACT -> {
                List<ImportedOrder> erased =
                        this.records.redact(request.storeId(), request.orderIds(), request.email());
                erased.forEach(o -> request.addOrder(o.shopifyOrderId()));
                request.report("the name, address, e-mail, phone and note of " + erased.size() + " orders erased"
                        + (erased.isEmpty() ? "" : " (" + names(erased) + ")"));
            }
            case SHOP_REDACT -> {
                int erased = 0;
                for (int batch = this.records.redactBatch(request.storeId(), BATCH);
                        batch > 0;
                        batch = this.records.redactBatch(request.storeId(), BATCH)) {
                    erased += batch;
                }
                request.report("the name, address, e-mail, phone and note of " + erased + " orders erased");
            }
        }
    }

    private void list(PrivacyRequest request) {
        List<ImportedOrder> orders =
                this.records.customerOrders(request.storeId(), request.orderIds(), request.email());
        orders.forEach(o -> request.addOrder(o.shopifyOrderId()));
        if (orders.isEmpty()) {
            request.report("no imported order of the customer");
            return;
        }
        String listed = orders.stream()
                .limit(NAMES_LISTED)
                .map(o -> {
                    List<String> held = o.personalData();
                    return label(o) + ": " + (held.isEmpty() ? "nothing personal (erased)" : String.join(", ", held));
                })
                .collect(Collectors.joining("; "));
        request.report(orders.size() + " imported orders with their lines (products, quantities) — " + listed
                + (orders.size() > NAMES_LISTED ? "; and " + (orders.size() - NAMES_LISTED) + " more" : ""));
    }

    private static String names(List<ImportedOrder> orders) {
        return orders.stream().limit(NAMES_LISTED).map(OrderPrivacy::label).collect(Collectors.joining(", "))
                + (orders.size() > NAMES_LISTED ? " and " + (orders.size() - NAMES_LISTED) + " more" : "");
    }

    private static String label(ImportedOrder order) {
        return (order.name() == null ? "" : order.name() + " ") + "(" + order.shopifyOrderId() + ")";
    }
}
