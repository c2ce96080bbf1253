package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * Money given back on an order ({@code Refund}): the returned units it refunds, each at its line's price, and the
 * REFUND transactions that moved the money. Made by {@code returnProcess} with a {@code financialTransfer}.
 */
public final class Refund extends ShopifyObject {

    /** Units of one line item refunded, and their subtotal (price × quantity). */
    public record RefundLine(LineItem lineItem, int quantity, BigDecimal subtotal) {}

    private final Return aReturn;
    private final List<RefundLine> refundLineItems;
    private final List<OrderTransaction> transactions;

    Refund(long id, Return aReturn, List<RefundLine> lines, List<OrderTransaction> transactions, Instant at) {
        super("Refund", id, at);
        this.aReturn = aReturn;
        this.refundLineItems = List.copyOf(lines);
        this.transactions = List.copyOf(transactions);
    }

    /** The return it was issued for. */
    public Return returnOf() {
        return aReturn;
    }

    public List<RefundLine> refundLineItems() {
        return refundLineItems;
    }

    public List<OrderTransaction> transactions() {
        return transactions;
    }

    /** The money refunded: the sum of its transactions. */
    public BigDecimal totalRefunded() {
        return transactions.stream().map(OrderTransaction::amount).reduce(BigDecimal.ZERO, BigDecimal::add);
    }
}
