package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * Money moved for an order ({@code OrderTransaction}): the SALE of a paid order, and each REFUND against it. Every
 * transaction succeeded (the sandbox's payment gateway never fails); amounts are in the shop's currency, USD.
 */
public final class OrderTransaction extends ShopifyObject {

    /** The sandbox's payment gateway, as Shopify names its test gateway. */
    static final String GATEWAY = "bogus";

    private final String kind;
    private final BigDecimal amount;
    private final OrderTransaction parentTransaction;

    OrderTransaction(long id, String kind, BigDecimal amount, OrderTransaction parentTransaction, Instant at) {
        super("OrderTransaction", id, at);
        this.kind = kind;
        this.amount = amount;
        this.parentTransaction = parentTransaction;
    }

    public String kind() {
        return kind;
    }

    public BigDecimal amount() {
        return amount;
    }

    public Map<String, Object> amountSet() {
        return Money.bag(amount);
    }

    public String status() {
        return "SUCCESS";
    }

    public String gateway() {
        return GATEWAY;
    }

    public OrderTransaction parentTransaction() {
        return parentTransaction;
    }
}
