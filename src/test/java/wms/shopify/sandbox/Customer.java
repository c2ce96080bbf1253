package wms.shopify.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A customer account of the sandbox store: who places orders (an order's {@code customer}, REST {@code customer}
 * with {@code id}, {@code email}, {@code first_name}, {@code last_name}, {@code phone}) and whom the mandatory
 * privacy requests name ({@code customer {id, email, phone}}).
 */
public final class Customer extends ShopifyObject {

    private final String firstName;
    private final String lastName;
    private final String email;
    private final String phone;
    private final String address1;

    Customer(long id, String firstName, String lastName, String email, String phone, String address1, Instant at) {
        super("Customer", id, at);
        this.firstName = firstName;
        this.lastName = lastName;
        this.email = email;
        this.phone = phone;
        this.address1 = address1;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String displayName() {
        return firstName + " " + lastName;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    /** The street of the customer's default address, where their orders are shipped. */
    public String address1() {
        return address1;
    }

    /**
     * The body of {@code customers/redact} as Shopify documents it: {@code shop_id}, {@code shop_domain},
     * {@code customer {id, email, phone}} and {@code orders_to_redact} (numeric order ids).
     */
    public Map<String, Object> redactPayload(Shop shop, List<Order> ordersToRedact) {
        Map<String, Object> body = privacyPayload(shop);
        body.put(
                "orders_to_redact",
                ordersToRedact.stream().map(Order::legacyResourceId).toList());
        return body;
    }

    /**
     * The body of {@code customers/data_request}: as {@code customers/redact}, with {@code orders_requested} and the
     * request's {@code data_request {id}}.
     */
    public Map<String, Object> dataRequestPayload(Shop shop, List<Order> ordersRequested, long dataRequestId) {
        Map<String, Object> body = privacyPayload(shop);
        body.put(
                "orders_requested",
                ordersRequested.stream().map(Order::legacyResourceId).toList());
        body.put("data_request", Map.of("id", dataRequestId));
        return body;
    }

    private Map<String, Object> privacyPayload(Shop shop) {
        Map<String, Object> customer = new LinkedHashMap<>();
        customer.put("id", legacyResourceId());
        customer.put("email", email);
        customer.put("phone", phone);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shop_id", shop.shopId());
        body.put("shop_domain", shop.domain());
        body.put("customer", customer);
        return body;
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "email" -> email;
            case "phone" -> phone;
            case "first_name" -> firstName;
            case "last_name" -> lastName;
            default -> super.searchValue(field);
        };
    }
}
