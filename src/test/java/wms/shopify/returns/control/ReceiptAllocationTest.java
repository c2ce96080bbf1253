package wms.shopify.returns.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import wms.shopify.returns.entity.ReceiptLine;

/** Which fulfilled lines a return created on Shopify for received goods takes. */
class ReceiptAllocationTest {

    private static ReturnRecords.Attempt attempt(List<ReceiptLine> lines) {
        return new ReturnRecords.Attempt(
                1,
                "R-1",
                1,
                1,
                "pending:R-1",
                null,
                lines,
                Map.of(),
                "L",
                true,
                false,
                false,
                null,
                null,
                1,
                true,
                "gid://shopify/Order/1",
                Map.of("LI-1", "SHIRT", "LI-2", "MUG"));
    }

    @Test
    void receivedUnitsAreSpreadOverTheFulfilledLinesOfTheirProduct() {
        List<ShopifyReturns.FulfilledLine> fulfilled = List.of(
                new ShopifyReturns.FulfilledLine("FLI-a", "LI-1", 1),
                new ShopifyReturns.FulfilledLine("FLI-b", "LI-2", 3),
                new ShopifyReturns.FulfilledLine("FLI-c", "LI-1", 2));
        assertEquals(
                Map.of("FLI-a", 1, "FLI-c", 1, "FLI-b", 1),
                ReceiptPush.allocate(
                        attempt(List.of(
                                new ReceiptLine("SHIRT", 1, true),
                                new ReceiptLine("SHIRT", 1, false),
                                new ReceiptLine("MUG", 1, true))),
                        fulfilled));
    }

    @Test
    void moreThanWasFulfilledCannotBeReturned() {
        assertNull(ReceiptPush.allocate(
                attempt(List.of(new ReceiptLine("MUG", 2, true))),
                List.of(new ShopifyReturns.FulfilledLine("FLI-b", "LI-2", 1))));
    }
}
