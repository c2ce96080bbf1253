package wms.shopify.sandbox;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The REST-shaped webhook bodies Shopify sends (numeric ids, snake_case, {@code admin_graphql_api_id}), modelled on
 * Shopify's own REST Order fixture (../shared/shopify/samples/order.json). Only the fields the sandbox can fill are
 * present.
 */
final class RestPayloads {

    private RestPayloads() {}

    static String time(Instant at) {
        return at == null
                ? null
                : DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(
                        at.truncatedTo(ChronoUnit.SECONDS).atOffset(ZoneOffset.UTC));
    }

    /**
     * The REST Shop resource, the body of {@code app/uninstalled}, with the fields of Shopify's own fixture
     * (shopify-api-ruby test/rest/2026_07/shop_test.rb) that the sandbox knows.
     */
    static Map<String, Object> shop(Shop shop) {
        List<Location> locations = shop.locations();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", shop.shopId());
        body.put("name", shop.name());
        body.put("email", shop.email());
        body.put("domain", shop.domain());
        body.put("created_at", time(Instant.EPOCH));
        body.put("updated_at", time(Instant.EPOCH));
        body.put("country_code", "US");
        body.put("currency", "USD");
        body.put("customer_email", shop.email());
        body.put("iana_timezone", "UTC");
        body.put("plan_display_name", shop.plan().displayName());
        body.put("myshopify_domain", shop.domain());
        body.put(
                "primary_location_id",
                locations.isEmpty() ? null : locations.get(0).legacyResourceId());
        body.put("multi_location_enabled", true);
        body.put("enabled_presentment_currencies", List.of("USD"));
        return body;
    }

    static Map<String, Object> inventoryLevel(InventoryLevel level) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("inventory_item_id", level.item().legacyResourceId());
        body.put("location_id", level.location().legacyResourceId());
        body.put("available", level.quantity("available"));
        body.put("updated_at", time(level.updatedAt()));
        body.put("admin_graphql_api_id", level.id());
        return body;
    }

    static Map<String, Object> order(Order order) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", order.legacyResourceId());
        body.put("admin_graphql_api_id", order.id());
        body.put(
                "cancel_reason",
                order.cancelReason() == null ? null : order.cancelReason().toLowerCase());
        body.put("cancelled_at", order.cancelledAt() == null ? null : time(order.cancelledAt()));
        body.put("closed_at", order.closedAt() == null ? null : time(order.closedAt()));
        body.put("confirmed", true);
        body.put("contact_email", order.email());
        body.put("created_at", time(order.createdAt()));
        body.put("currency", order.currencyCode());
        body.put("email", order.email());
        body.put("financial_status", order.displayFinancialStatus().toLowerCase());
        body.put("fulfillment_status", order.restFulfillmentStatus());
        body.put("name", order.name());
        body.put("note", order.note());
        body.put("number", order.number() - 1000);
        body.put("order_number", order.number());
        body.put("phone", null);
        body.put("presentment_currency", order.currencyCode());
        body.put("processed_at", time(order.processedAt()));
        body.put("source_name", order.sourceName());
        body.put("subtotal_price", order.totalPrice().toPlainString());
        body.put("tags", String.join(", ", order.tags()));
        body.put("test", order.test());
        body.put("total_price", order.totalPrice().toPlainString());
        body.put("updated_at", time(order.updatedAt()));
        body.put(
                "fulfillments",
                order.fulfillments().stream().map(RestPayloads::fulfillment).toList());
        body.put(
                "line_items",
                order.lineItems().stream().map(RestPayloads::lineItem).toList());
        body.put("shipping_address", restAddress(order.shippingAddress()));
        body.put("customer", order.customer() == null ? null : customer(order.customer()));
        return body;
    }

    /** The order's {@code customer}, with the fields of Shopify's REST fixture the sandbox knows. */
    static Map<String, Object> customer(Customer customer) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", customer.legacyResourceId());
        body.put("email", customer.email());
        body.put("created_at", time(customer.createdAt()));
        body.put("updated_at", time(customer.updatedAt()));
        body.put("first_name", customer.firstName());
        body.put("last_name", customer.lastName());
        body.put("phone", customer.phone());
        body.put("admin_graphql_api_id", customer.id());
        return body;
    }

    static Map<String, Object> lineItem(LineItem li) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", li.legacyResourceId());
        body.put("admin_graphql_api_id", li.id());
        body.put("current_quantity", li.currentQuantity());
        body.put("fulfillable_quantity", li.unfulfilledQuantity());
        body.put("fulfillment_service", "manual");
        body.put(
                "fulfillment_status",
                li.fulfilledQuantity() > 0 && li.unfulfilledQuantity() == 0
                        ? "fulfilled"
                        : li.fulfilledQuantity() > 0 ? "partial" : null);
        body.put("grams", 0);
        body.put("name", li.name());
        body.put("price", li.price().toPlainString());
        body.put("product_exists", true);
        body.put("product_id", li.product().legacyResourceId());
        body.put("quantity", li.quantity());
        body.put("requires_shipping", true);
        // Since 2025-01: the bundle a component line belongs to (shopify.dev/changelog, orders webhook and bundles).
        body.put(
                "sales_line_item_group_id",
                li.lineItemGroup() == null ? null : li.lineItemGroup().legacyResourceId());
        body.put("sku", li.sku());
        body.put("title", li.title());
        body.put("variant_id", li.variant().legacyResourceId());
        body.put("variant_inventory_management", "shopify");
        body.put("variant_title", li.variantTitle());
        body.put("vendor", li.vendor());
        return body;
    }

    static Map<String, Object> fulfillment(Fulfillment f) {
        Map<String, Object> tracking =
                f.trackingInfo().isEmpty() ? Map.of() : f.trackingInfo().get(0);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", f.legacyResourceId());
        body.put("admin_graphql_api_id", f.id());
        body.put("created_at", time(f.createdAt()));
        body.put("location_id", f.location().legacyResourceId());
        body.put("name", f.name());
        body.put("notify_customer", f.notifyCustomer());
        body.put("order_id", f.order().legacyResourceId());
        body.put("service", "manual");
        body.put("shipment_status", null);
        body.put("status", "success");
        body.put("tracking_company", tracking.get("company"));
        body.put("tracking_number", tracking.get("number"));
        body.put(
                "tracking_numbers",
                f.trackingInfo().stream()
                        .map(t -> t.get("number"))
                        .filter(n -> n != null)
                        .toList());
        body.put("tracking_url", tracking.get("url"));
        body.put(
                "tracking_urls",
                f.trackingInfo().stream()
                        .map(t -> t.get("url"))
                        .filter(u -> u != null)
                        .toList());
        body.put("updated_at", time(f.updatedAt()));
        body.put(
                "line_items",
                f.fulfillmentLineItems().stream()
                        .map(fli -> {
                            Map<String, Object> line = lineItem(fli.lineItem());
                            line.put("quantity", fli.quantity());
                            return line;
                        })
                        .toList());
        return body;
    }

    static Map<String, Object> returnOf(Return r) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", r.legacyResourceId());
        body.put("admin_graphql_api_id", r.id());
        body.put("name", r.name());
        body.put("status", r.status().toLowerCase());
        body.put(
                "order",
                Map.of(
                        "id",
                        r.order().legacyResourceId(),
                        "admin_graphql_api_id",
                        r.order().id()));
        body.put("total_return_line_items", r.totalQuantity());
        body.put(
                "return_line_items",
                r.returnLineItems().stream()
                        .map(rli -> {
                            Map<String, Object> line = new LinkedHashMap<>();
                            line.put("id", rli.legacyResourceId());
                            line.put("admin_graphql_api_id", rli.id());
                            line.put(
                                    "fulfillment_line_item",
                                    Map.of(
                                            "id",
                                            rli.fulfillmentLineItem().legacyResourceId(),
                                            "admin_graphql_api_id",
                                            rli.fulfillmentLineItem().id(),
                                            "line_item",
                                            lineItem(rli.fulfillmentLineItem().lineItem())));
                            line.put("quantity", rli.quantity());
                            line.put("customer_note", rli.customerNote());
                            line.put("return_reason_note", rli.returnReasonNote());
                            return line;
                        })
                        .toList());
        return body;
    }

    static Map<String, Object> dispositions(
            ReverseFulfillmentOrderLineItem line, int quantity, String type, Location location) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", line.reverseFulfillmentOrder().legacyResourceId());
        body.put("admin_graphql_api_id", line.reverseFulfillmentOrder().id());
        body.put("order_id", line.reverseFulfillmentOrder().order().legacyResourceId());
        body.put("total_dispositions", quantity);
        body.put(
                "dispositions",
                List.of(Map.of(
                        "reverse_fulfillment_order_line_item",
                        Map.of("id", line.legacyResourceId(), "admin_graphql_api_id", line.id()),
                        "quantity",
                        quantity,
                        "type",
                        type.toLowerCase(),
                        "location",
                        location == null
                                ? Map.of()
                                : Map.of("id", location.legacyResourceId(), "admin_graphql_api_id", location.id()))));
        return body;
    }

    static Map<String, Object> bulkOperation(BulkOperation op) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("admin_graphql_api_id", op.id());
        body.put("completed_at", time(op.completedAt()));
        body.put("created_at", time(op.createdAt()));
        body.put("error_code", null);
        body.put("status", op.status().toLowerCase());
        body.put("type", op.type().toLowerCase());
        return body;
    }

    /**
     * A fulfillment order as the {@code fulfillment_orders/*} webhooks name it: unlike the REST resources, these
     * bodies carry global ids ({@code gid://shopify/FulfillmentOrder/1}) and lower-case statuses.
     */
    static Map<String, Object> fulfillmentOrderRef(FulfillmentOrder fo) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", fo.id());
        body.put("status", fo.status().toLowerCase());
        body.put("request_status", fo.requestStatus().toLowerCase());
        body.put("assigned_location_id", fo.location().id());
        return body;
    }

    /** The merchant's request in {@code fulfillment_orders/*_request_submitted}. */
    static Map<String, Object> merchantRequest(FulfillmentOrderMerchantRequest request) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", request.id());
        body.put("message", request.message());
        body.put("kind", request.kind().toLowerCase());
        body.put("sent_at", time(request.sentAt()));
        return body;
    }

    /**
     * The body of {@code orders/edited}: the edit with the line items it added and removed, each with its
     * {@code delta}, as Shopify's webhook reference shows it.
     */
    static Map<String, Object> orderEdit(
            CalculatedOrder edit, List<Map<String, Object>> additions, List<Map<String, Object>> removals) {
        Map<String, Object> lineItems = new LinkedHashMap<>();
        lineItems.put("additions", additions);
        lineItems.put("removals", removals);
        Map<String, Object> none = new LinkedHashMap<>();
        none.put("additions", List.of());
        none.put("removals", List.of());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", edit.legacyResourceId());
        body.put("app_id", null);
        body.put("created_at", time(edit.createdAt()));
        body.put("notify_customer", edit.notifyCustomer());
        body.put("order_id", edit.originalOrder().legacyResourceId());
        body.put("staff_note", edit.staffNote() == null ? "" : edit.staffNote());
        body.put("user_id", null);
        body.put("line_items", lineItems);
        body.put("discounts", Map.of("line_item", none));
        body.put("shipping_lines", none);
        return Map.of("order_edit", body);
    }

    /** A hold in {@code fulfillment_orders/placed_on_hold}. */
    static Map<String, Object> hold(FulfillmentHold hold) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", hold.id());
        body.put("reason", hold.reason().toLowerCase());
        body.put("reason_notes", hold.reasonNotes());
        body.put("handle", hold.handle());
        return body;
    }

    private static Map<String, Object> restAddress(Map<String, Object> address) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("first_name", address.get("firstName"));
        body.put("last_name", address.get("lastName"));
        body.put("name", address.get("name"));
        body.put("company", address.get("company"));
        body.put("address1", address.get("address1"));
        body.put("address2", address.get("address2"));
        body.put("city", address.get("city"));
        body.put("province", address.get("province"));
        body.put("province_code", address.get("provinceCode"));
        body.put("country", address.get("country"));
        body.put("country_code", address.get("countryCodeV2"));
        body.put("zip", address.get("zip"));
        body.put("phone", address.get("phone"));
        return body;
    }
}
