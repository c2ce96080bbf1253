package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.OrderRulesTest.MAIN;
import static wms.shopify.orders.entity.OrderRulesTest.MAPPED;
import static wms.shopify.orders.entity.OrderRulesTest.ORDER;
import static wms.shopify.orders.entity.OrderRulesTest.T0;
import static wms.shopify.orders.entity.OrderRulesTest.apply;
import static wms.shopify.orders.entity.OrderRulesTest.order;
import static wms.shopify.orders.entity.OrderRulesTest.paid;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The WMS's answer to the cancellation of an order it had: once, to the cancellation entry only. */
class CancellationAnswerRulesTest {

    /** An order the WMS accepted (revision 5), then cancelled on Shopify: its cancellation entry is revision 6. */
    static ImportedOrder cancelledAfterAcceptance() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        row.enterFeed(5);
        row.acknowledge(5, T0);
        apply(row, order(T0.plusSeconds(1), "paid", "unfulfilled", false, T0.plusSeconds(1), MAIN, 2, 1), MAPPED);
        row.enterFeed(6);
        return row;
    }

    @Test
    void tooLateRecordsWhatShippedAndWhyAndTheEntryLeavesTheFeed() {
        ImportedOrder row = cancelledAfterAcceptance();
        List<ShippedUnits> shipped = List.of(new ShippedUnits("W-SHIRT", 2));
        assertEquals(
                ImportedOrder.Answer.OUTDATED,
                row.answerCancellation(5, CancellationAnswer.TOO_LATE, shipped, "on the truck", T0));
        assertTrue(row.feedPending(), "a refused answer changes nothing");
        assertNull(row.cancellationAnswer());

        assertEquals(
                ImportedOrder.Answer.DONE,
                row.answerCancellation(6, CancellationAnswer.TOO_LATE, shipped, "on the truck", T0));
        assertFalse(row.feedPending());
        assertEquals(CancellationAnswer.TOO_LATE, row.cancellationAnswer());
        assertEquals(shipped, row.shippedBeforeCancel());
        assertEquals("on the truck", row.cancellationReason());
        assertEquals(OrderState.CANCELLED, row.state());
        assertTrue(row.stateNote().contains("had shipped 2 × W-SHIRT (on the truck)"), row.stateNote());
        assertEquals(List.of(), row.demand(), "a cancelled order is no demand");

        assertEquals(
                ImportedOrder.Answer.ALREADY,
                row.answerCancellation(6, CancellationAnswer.TOO_LATE, shipped, "on the truck", T0),
                "the same answer again");
        assertEquals(
                ImportedOrder.Answer.ANSWERED_OTHERWISE,
                row.answerCancellation(6, CancellationAnswer.CANCELLED, List.of(), null, T0),
                "the first answer stands");
        assertEquals(ImportedOrder.Ack.ALREADY, row.acknowledge(6, T0));
        assertEquals(CancellationAnswer.TOO_LATE, row.cancellationAnswer());
    }

    @Test
    void aPlainAcknowledgementOfTheCancellationMeansCancelled() {
        ImportedOrder row = cancelledAfterAcceptance();
        assertEquals(ImportedOrder.Ack.DONE, row.acknowledge(6, T0));
        assertEquals(CancellationAnswer.CANCELLED, row.cancellationAnswer());
        assertEquals(
                ImportedOrder.Answer.ALREADY,
                row.answerCancellation(6, CancellationAnswer.CANCELLED, List.of(), null, T0));
        assertEquals(
                ImportedOrder.Answer.ANSWERED_OTHERWISE,
                row.answerCancellation(6, CancellationAnswer.TOO_LATE, List.of(new ShippedUnits("W-MUG", 1)), "x", T0));
    }

    @Test
    void onlyACancellationEntryIsAnsweredAndShippedUnitsAreOfTheOrder() {
        ImportedOrder row = ImportedOrder.forTest(ORDER, T0);
        apply(row, paid(T0), MAPPED);
        row.enterFeed(5);
        assertEquals(
                ImportedOrder.Answer.WRONG_KIND,
                row.answerCancellation(5, CancellationAnswer.CANCELLED, List.of(), null, T0));
        assertTrue(row.feedPending());
        assertEquals(2, row.unitsOf("W-SHIRT"));
        assertEquals(1, row.unitsOf("W-MUG"));
        assertEquals(0, row.unitsOf("W-CAP"));
    }
}
