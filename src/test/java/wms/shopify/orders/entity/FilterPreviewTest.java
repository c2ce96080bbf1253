package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.OrderRulesTest.T0;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The filter preview decides the recent orders, as {@code shop_order} kept them, with the rule that decides every order
 * ({@link OrderFilters#refusal}), once with the proposed filters and once with the current ones, and says it for the
 * merchant; an order whose facts are not kept is not guessed.
 */
class FilterPreviewTest {

    private static final OrderFilters EVERYTHING = new OrderFilters(Set.of(), Set.of(), Set.of(), true);

    /** A row of shop_order as the preview reads it: id, test, closed, cancelled, statuses, tags, channel, method, country. */
    private static Object[] row(
            String id,
            boolean test,
            Boolean closed,
            Instant cancelled,
            String financial,
            String fulfillment,
            String tags,
            String channel,
            String method,
            String country) {
        return new Object[] {id, test, closed, cancelled, financial, fulfillment, tags, channel, method, country};
    }

    private static ShopifyOrderSnapshot order(Object[] row) {
        return OrderFilterFacts.of(row).orElseThrow().snapshot();
    }

    @Test
    void theKeptFactsAreDecidedAsTheOrderWasOnItsRead() {
        ShopifyOrderSnapshot vip = order(row(
                "gid://shopify/Order/1",
                false,
                false,
                null,
                "paid",
                "unfulfilled",
                "VIP\nGift",
                "web",
                "Standard",
                "US"));
        assertEquals("open", vip.orderStatus());
        assertEquals(List.of("VIP", "Gift"), vip.tags());
        OrderFilters chosen = new OrderFilters(
                Set.of("open"),
                Set.of("paid"),
                Set.of("unfulfilled"),
                false,
                RiskHold.OFF,
                new OrderChoices(Set.of("vip"), Set.of("wholesale"), Set.of("web"), Set.of("standard"), Set.of("US")));
        assertEquals(Optional.empty(), chosen.refusal(vip));
        assertEquals(
                Optional.of("destination country US is not among [DE]"),
                chosen.withChoices(new OrderChoices(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("DE")))
                        .refusal(vip));

        ShopifyOrderSnapshot closed =
                order(row("gid://shopify/Order/2", false, true, null, "paid", "fulfilled", "", null, null, null));
        assertEquals("closed", closed.orderStatus());
        assertEquals(List.of(), closed.tags(), "no tags: kept as ''");
        assertEquals(
                Optional.of("it has none of the tags [vip]"),
                EVERYTHING
                        .withChoices(new OrderChoices(Set.of("vip"), Set.of(), Set.of(), Set.of(), Set.of()))
                        .refusal(closed));
        ShopifyOrderSnapshot cancelled =
                order(row("gid://shopify/Order/3", false, true, T0, "refunded", "unfulfilled", "", null, null, null));
        assertEquals("cancelled", cancelled.orderStatus());
        assertEquals(
                Optional.empty(),
                OrderFilterFacts.of(
                        row("gid://shopify/Order/4", false, null, null, "paid", "unfulfilled", null, null, null, null)),
                "tags not known: read before they were kept, or erased");
    }

    @Test
    void tagsAreKeptOneALine() {
        assertEquals("VIP\nb2b", OrderFilterFacts.storedTags(List.of("VIP", "b2b")));
        assertEquals("", OrderFilterFacts.storedTags(List.of()));
        assertEquals(List.of("VIP", "b2b"), OrderFilterFacts.tags("VIP\nb2b"));
        assertEquals(List.of(), OrderFilterFacts.tags(""));
    }

    @Test
    void theProposedFiltersAreCountedAgainstTheCurrentOnes() {
        List<ShopifyOrderSnapshot> orders = List.of(
                order(row("1", false, false, null, "paid", "unfulfilled", "", "web", null, "US")),
                order(row("2", false, false, null, "pending", "unfulfilled", "", "web", null, "US")),
                order(row("3", true, false, null, "paid", "unfulfilled", "", "web", null, "US")));
        OrderFilters now = new OrderFilters(Set.of(), Set.of(), Set.of(), false);
        OrderFilters paidOnly = new OrderFilters(Set.of(), Set.of("paid"), Set.of(), false);

        FilterPreview more = FilterPreview.of(orders, 0, now, paidOnly);
        assertEquals(new FilterPreview(3, 2, 1, 0), more);
        assertEquals(1, more.moreThanNow());
        assertEquals("These filters would filter out 2 of the last 3 orders: 1 more than now.", more.text());

        FilterPreview fewer = FilterPreview.of(orders, 0, now, EVERYTHING);
        assertEquals(-1, fewer.moreThanNow());
        assertEquals("These filters would filter out 0 of the last 3 orders: 1 fewer than now.", fewer.text());

        FilterPreview same = FilterPreview.of(orders, 2, now, now);
        assertEquals(
                "These filters would filter out 1 of the last 3 orders: as many as now. Not counted: 2 orders read "
                        + "before the connector kept their tags and channel, or erased for privacy.",
                same.text());
        assertEquals(
                "These filters would filter out 1 of the last 1 order: 1 more than now.",
                FilterPreview.of(orders.subList(1, 2), 0, now, paidOnly).text());
    }

    @Test
    void withoutOrdersThereIsNothingToPreview() {
        FilterPreview none = FilterPreview.of(List.of(), 0, EVERYTHING, EVERYTHING);
        assertEquals(0, none.orders());
        assertEquals("No order of this store is known yet: there is nothing to preview.", none.text());
        assertTrue(FilterPreview.of(List.of(), 1, EVERYTHING, EVERYTHING).text().endsWith("erased for privacy."));
    }
}
