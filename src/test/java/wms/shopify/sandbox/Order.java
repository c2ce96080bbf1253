package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A placed order with its line items, fulfillment orders, fulfillments and returns. */
public final class Order extends ShopifyObject {

    private final int number;
    private final Customer customer;
    private final String email;
    private boolean test;
    private String note;
    private Instant cancelledAt;
    private String cancelReason;
    private boolean closed;
    private final Map<String, Object> shippingAddress;
    private final List<LineItem> lineItems = new ArrayList<>();
    private final List<FulfillmentOrder> fulfillmentOrders = new ArrayList<>();
    private final List<Fulfillment> fulfillments = new ArrayList<>();
    private final List<Return> returns = new ArrayList<>();
    private final List<OrderTransaction> transactions = new ArrayList<>();
    private final List<Refund> refunds = new ArrayList<>();
    private boolean paid;
    private final List<String> tags = new ArrayList<>();
    /** Risk assessments by provider (null: Shopify's own), the latest of each provider only. */
    private final Map<String, Map<String, Object>> riskAssessments = new java.util.LinkedHashMap<>();

    Order(long id, int number, Customer customer, boolean paid, Map<String, Object> shippingAddress, Instant at) {
        super("Order", id, at);
        this.number = number;
        this.customer = customer;
        this.email = customer == null ? null : customer.email();
        this.paid = paid;
        this.test = false;
        this.shippingAddress = shippingAddress;
    }

    public String name() {
        return "#" + number;
    }

    public int number() {
        return number;
    }

    public String email() {
        return email;
    }

    /** The customer who placed the order, or null for a guest checkout. */
    public Customer customer() {
        return customer;
    }

    public String phone() {
        return null;
    }

    public String note() {
        return note;
    }

    public String poNumber() {
        return null;
    }

    public List<String> tags() {
        return List.copyOf(tags);
    }

    void tags(List<String> newTags) {
        tags.clear();
        newTags.stream().map(String::trim).filter(t -> !t.isEmpty()).distinct().forEach(tags::add);
    }

    public String sourceName() {
        return "web";
    }

    public boolean test() {
        return test;
    }

    public boolean confirmed() {
        return true;
    }

    public boolean closed() {
        return closed;
    }

    public Instant closedAt() {
        return closed ? updatedAt() : null;
    }

    public Instant cancelledAt() {
        return cancelledAt;
    }

    public String cancelReason() {
        return cancelReason;
    }

    /** The order's shipping method as the checkout chose it. */
    public Map<String, Object> shippingLine() {
        Map<String, Object> line = new java.util.LinkedHashMap<>();
        line.put("title", "Standard Shipping");
        line.put("code", "STANDARD");
        line.put("source", "shopify");
        line.put("carrierIdentifier", null);
        return line;
    }

    /**
     * Shopify's risk summary ({@code Order.risk}): the assessments and the recommendation they give. Shopify does not
     * publish how it combines several assessments; the sandbox recommends by the highest level among them: HIGH
     * cancel, MEDIUM investigate, LOW accept, none (or only NONE and PENDING) no recommendation.
     */
    public Map<String, Object> risk() {
        List<String> levels = riskAssessments.values().stream()
                .map(a -> (String) a.get("riskLevel"))
                .toList();
        String recommendation = levels.contains("HIGH")
                ? "CANCEL"
                : levels.contains("MEDIUM") ? "INVESTIGATE" : levels.contains("LOW") ? "ACCEPT" : "NONE";
        Map<String, Object> risk = new java.util.LinkedHashMap<>();
        risk.put("recommendation", recommendation);
        risk.put("assessments", List.copyOf(riskAssessments.values()));
        return risk;
    }

    /** A provider's assessment (null: Shopify's own), replacing that provider's earlier one. */
    Map<String, Object> assessRisk(String provider, String riskLevel, List<Map<String, Object>> facts) {
        Map<String, Object> assessment = new java.util.LinkedHashMap<>();
        assessment.put("riskLevel", riskLevel);
        assessment.put("facts", List.copyOf(facts));
        riskAssessments.put(provider == null ? "shopify" : provider, assessment);
        return assessment;
    }

    void markTest(boolean isTest) {
        this.test = isTest;
    }

    void note(String text) {
        this.note = text;
    }

    void paid() {
        this.paid = true;
    }

    void cancelled(String reason, Instant at) {
        this.cancelledAt = at;
        this.cancelReason = reason;
        this.closed = true;
        touch(at);
    }

    public Instant processedAt() {
        return createdAt();
    }

    public boolean fullyPaid() {
        return paid;
    }

    public boolean unpaid() {
        return !paid;
    }

    public boolean requiresShipping() {
        return true;
    }

    public boolean fulfillable() {
        return lineItems.stream().anyMatch(li -> li.unfulfilledQuantity() > 0);
    }

    public String currencyCode() {
        return "USD";
    }

    public String displayFinancialStatus() {
        if (!paid) {
            return "PENDING";
        }
        BigDecimal refunded = refunds.stream().map(Refund::totalRefunded).reduce(BigDecimal.ZERO, BigDecimal::add);
        if (refunded.signum() == 0) {
            return "PAID";
        }
        return refunded.compareTo(received()) >= 0 ? "REFUNDED" : "PARTIALLY_REFUNDED";
    }

    /** The order's transactions: its SALE once paid, then each refund's. */
    public List<OrderTransaction> transactions() {
        return List.copyOf(transactions);
    }

    /** The refunds issued on the order, oldest first. */
    public List<Refund> refunds() {
        return List.copyOf(refunds);
    }

    /** What the customer paid: the sum of the SALE and CAPTURE transactions. */
    BigDecimal received() {
        return transactions.stream()
                .filter(t -> t.kind().equals("SALE") || t.kind().equals("CAPTURE"))
                .map(OrderTransaction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    /** What is still refundable against a SALE or CAPTURE: its amount less the refunds made against it. */
    BigDecimal refundable(OrderTransaction parent) {
        BigDecimal refunded = transactions.stream()
                .filter(t -> t.kind().equals("REFUND") && t.parentTransaction() == parent)
                .map(OrderTransaction::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        return parent.amount().subtract(refunded);
    }

    void add(OrderTransaction transaction) {
        transactions.add(transaction);
    }

    void add(Refund refund) {
        refunds.add(refund);
        transactions.addAll(refund.transactions());
    }

    public String displayFulfillmentStatus() {
        int ordered = lineItems.stream().mapToInt(LineItem::currentQuantity).sum();
        int open = lineItems.stream().mapToInt(LineItem::unfulfilledQuantity).sum();
        return open == ordered ? "UNFULFILLED" : open == 0 ? "FULFILLED" : "PARTIALLY_FULFILLED";
    }

    /** The REST {@code fulfillment_status}: null while nothing is fulfilled. */
    String restFulfillmentStatus() {
        return switch (displayFulfillmentStatus()) {
            case "FULFILLED" -> "fulfilled";
            case "PARTIALLY_FULFILLED" -> "partial";
            default -> null;
        };
    }

    public String returnStatus() {
        if (returns.isEmpty()) {
            return "NO_RETURN";
        }
        if (returns.stream().allMatch(r -> r.status().equals("CLOSED"))) {
            return "RETURNED";
        }
        return returns.stream().anyMatch(r -> r.status().equals("REQUESTED")) ? "RETURN_REQUESTED" : "IN_PROGRESS";
    }

    public BigDecimal totalPrice() {
        return lineItems.stream()
                .map(li -> li.price().multiply(BigDecimal.valueOf(li.currentQuantity())))
                .reduce(BigDecimal.ZERO, BigDecimal::add);
    }

    public Map<String, Object> totalPriceSet() {
        return Money.bag(totalPrice());
    }

    public Map<String, Object> subtotalPriceSet() {
        return Money.bag(totalPrice());
    }

    public Map<String, Object> shippingAddress() {
        return shippingAddress;
    }

    public List<LineItem> lineItems() {
        return List.copyOf(lineItems);
    }

    public List<FulfillmentOrder> fulfillmentOrders() {
        return List.copyOf(fulfillmentOrders);
    }

    public List<Fulfillment> fulfillments() {
        return List.copyOf(fulfillments);
    }

    public List<Return> returns() {
        return List.copyOf(returns);
    }

    void add(LineItem lineItem) {
        lineItems.add(lineItem);
    }

    void add(FulfillmentOrder fulfillmentOrder) {
        fulfillmentOrders.add(fulfillmentOrder);
    }

    void add(Fulfillment fulfillment) {
        fulfillments.add(fulfillment);
    }

    void add(Return aReturn) {
        returns.add(aReturn);
    }

    @Override
    Object searchValue(String field) {
        return switch (field) {
            case "name" -> name();
            case "email" -> email;
            case "financial_status" -> displayFinancialStatus().toLowerCase();
            case "fulfillment_status" ->
                switch (displayFulfillmentStatus()) {
                    case "FULFILLED" -> "shipped";
                    case "PARTIALLY_FULFILLED" -> "partial";
                    default -> "unshipped";
                };
            case "status" -> cancelledAt != null ? "cancelled" : closed ? "closed" : "open";
            case "test" -> test;
            case "processed_at" -> createdAt();
            case "return_status" -> returnStatus().toLowerCase();
            case "sku" -> lineItems.stream().map(LineItem::sku).toList();
            default -> super.searchValue(field);
        };
    }
}
