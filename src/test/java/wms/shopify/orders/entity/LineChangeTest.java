package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The lines of an order changed since the WMS was given it: added, removed, changed, and nothing for no change. */
class LineChangeTest {

    private static OrderedUnits units(String lineItem, String product, int quantity) {
        return new OrderedUnits("gid://shopify/LineItem/" + lineItem, product, quantity);
    }

    @Test
    void addedRemovedAndChangedLinesAreFoundByLineItem() {
        List<OrderedUnits> given = List.of(units("1", "W-SHIRT", 2), units("2", "W-MUG", 1), units("3", "W-CAP", 4));
        List<OrderedUnits> now = List.of(units("3", "W-CAP", 4), units("1", "W-SHIRT", 3), units("4", "W-HAT", 1));
        List<LineChange> changes = LineChange.between(given, now);
        assertEquals(
                List.of(
                        new LineChange("gid://shopify/LineItem/1", "W-SHIRT", 2, 3),
                        new LineChange("gid://shopify/LineItem/2", "W-MUG", 1, 0),
                        new LineChange("gid://shopify/LineItem/4", "W-HAT", 0, 1)),
                changes);
        assertEquals(
                List.of(LineChange.Kind.CHANGED, LineChange.Kind.REMOVED, LineChange.Kind.ADDED),
                changes.stream().map(LineChange::kind).toList());
    }

    @Test
    void aLineSetToZeroIsRemovedAndTheSameLinesAreNoChange() {
        List<OrderedUnits> given = List.of(units("1", "W-SHIRT", 2), units("2", "W-MUG", 1));
        assertEquals(List.of(), LineChange.between(given, List.copyOf(given)));
        assertEquals(
                List.of(new LineChange("gid://shopify/LineItem/2", "W-MUG", 1, 0)),
                LineChange.between(given, List.of(units("1", "W-SHIRT", 2), units("2", "W-MUG", 0))));
        assertEquals(List.of(), LineChange.between(List.of(), List.of(units("5", "W-MUG", 0))), "added as nothing");
    }

    @Test
    void aLineItemListedTwiceCountsItsUnitsTogether() {
        List<OrderedUnits> given = List.of(units("1", "W-SHIRT", 2));
        List<OrderedUnits> now = List.of(units("1", "W-SHIRT", 1), units("1", "W-SHIRT", 1));
        assertEquals(List.of(), LineChange.between(given, now));
    }
}
