package wms.shopify.orders.entity;

import java.util.Optional;
import java.util.Set;

/**
 * Which of a store's orders go to the WMS, as the merchant set it on Store Settings or through the API: order
 * status (open, closed, cancelled), {@code displayFinancialStatus} values, {@code displayFulfillmentStatus} values
 * (both in lower case, e.g. paid, partially_paid, unfulfilled, partially_fulfilled), and whether test orders count.
 * An empty list lets every value through. Kept as the store's {@link IntakePolicy}. The risk hold ({@link RiskHold})
 * does not filter an order out: it holds one that passes, until Shopify's recommendation changes or the merchant
 * releases it. The tags, sales channels, shipping methods and countries the merchant chose are its {@link
 * OrderChoices}.
 */
public record OrderFilters(
        Set<String> orderStatuses,
        Set<String> financialStatuses,
        Set<String> fulfillmentStatuses,
        boolean includeTestOrders,
        RiskHold riskHold,
        OrderChoices choices) {

    public OrderFilters {
        orderStatuses = Set.copyOf(orderStatuses);
        financialStatuses = Set.copyOf(financialStatuses);
        fulfillmentStatuses = Set.copyOf(fulfillmentStatuses);
        riskHold = riskHold == null ? RiskHold.OFF : riskHold;
        choices = choices == null ? OrderChoices.NONE : choices;
    }

    /** Filters without tags, channels, shipping methods or countries chosen. */
    public OrderFilters(
            Set<String> orderStatuses,
            Set<String> financialStatuses,
            Set<String> fulfillmentStatuses,
            boolean includeTestOrders,
            RiskHold riskHold) {
        this(orderStatuses, financialStatuses, fulfillmentStatuses, includeTestOrders, riskHold, OrderChoices.NONE);
    }

    /** Filters that do not look at Shopify's risk assessment. */
    public OrderFilters(
            Set<String> orderStatuses,
            Set<String> financialStatuses,
            Set<String> fulfillmentStatuses,
            boolean includeTestOrders) {
        this(orderStatuses, financialStatuses, fulfillmentStatuses, includeTestOrders, RiskHold.OFF, OrderChoices.NONE);
    }

    /** The same filters with another risk hold. */
    public OrderFilters withRiskHold(RiskHold hold) {
        return new OrderFilters(
                this.orderStatuses,
                this.financialStatuses,
                this.fulfillmentStatuses,
                this.includeTestOrders,
                hold,
                this.choices);
    }

    /** The same filters with other choices of tags, channels, shipping methods and countries. */
    public OrderFilters withChoices(OrderChoices chosen) {
        return new OrderFilters(
                this.orderStatuses,
                this.financialStatuses,
                this.fulfillmentStatuses,
                this.includeTestOrders,
                this.riskHold,
                chosen);
    }

    /** Why the order does not pass, for the merchant; empty when it does. */
    public Optional<String> refusal(ShopifyOrderSnapshot order) {
        if (order.test() && !this.includeTestOrders) {
            return Optional.of("a test order (test orders are not imported)");
        }
        if (!allows(this.orderStatuses, order.orderStatus())) {
            return Optional.of("order status " + order.orderStatus() + " is not among " + this.orderStatuses);
        }
        if (!allows(this.financialStatuses, order.financialStatus())) {
            return Optional.of(
                    "financial status " + order.financialStatus() + " is not among " + this.financialStatuses);
        }
        if (!allows(this.fulfillmentStatuses, order.fulfillmentStatus())) {
            return Optional.of(
                    "fulfillment status " + order.fulfillmentStatus() + " is not among " + this.fulfillmentStatuses);
        }
        return this.choices.refusal(order);
    }

    private static boolean allows(Set<String> allowed, String value) {
        return allowed.isEmpty() || allowed.contains(value);
    }
}
