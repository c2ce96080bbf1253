package wms.shopify.orders.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.orders.entity.OrderRulesTest.T0;
import static wms.shopify.orders.entity.OrderRulesTest.paid;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The tags, sales channels, shipping methods and countries a merchant chooses: what passes, what is refused. */
class OrderChoicesTest {

    /** The paid order of OrderRulesTest (shipped to the US by "Standard", read from the sandbox) with these facts. */
    private static ShopifyOrderSnapshot order(List<String> tags, String channel, String method, String country) {
        ShopifyOrderSnapshot o = paid(T0);
        ShopifyOrderSnapshot.ShipTo to = o.shipTo();
        return new ShopifyOrderSnapshot(
                o.id(),
                o.name(),
                o.createdAt(),
                o.updatedAt(),
                o.test(),
                o.closed(),
                o.cancelledAt(),
                o.financialStatus(),
                o.fulfillmentStatus(),
                o.email(),
                o.phone(),
                o.note(),
                country == null
                        ? null
                        : new ShopifyOrderSnapshot.ShipTo(
                                "Bob", null, "1 Main St", null, "Louisville", "Kentucky", "KY", "40202", country, null),
                method,
                null,
                o.lines(),
                o.fulfillmentOrders(),
                true,
                o.withheld(),
                null,
                tags,
                channel);
    }

    private static OrderChoices choices(
            Set<String> in, Set<String> out, Set<String> channels, Set<String> methods, Set<String> countries) {
        return new OrderChoices(in, out, channels, methods, countries);
    }

    @Test
    void nothingChosenLetsEveryOrderThrough() {
        assertEquals(Optional.empty(), OrderChoices.NONE.refusal(order(List.of("VIP"), "web", "Express", "DE")));
        assertEquals(Optional.empty(), OrderChoices.NONE.refusal(order(List.of(), null, null, null)));
    }

    @Test
    void tagsCompareInAnyCaseAndAnExcludedTagWins() {
        OrderChoices wholesaleOut = choices(Set.of(), Set.of(" Wholesale "), Set.of(), Set.of(), Set.of());
        assertEquals(Set.of("wholesale"), wholesaleOut.tagsExcluded());
        assertEquals(
                Optional.of("tagged \"wholesale\", which is excluded"),
                wholesaleOut.refusal(order(List.of("VIP", "WHOLESALE"), "web", "Standard", "US")));
        assertEquals(Optional.empty(), wholesaleOut.refusal(order(List.of("VIP"), "web", "Standard", "US")));

        OrderChoices vipOnly = choices(Set.of("vip", "b2b"), Set.of(), Set.of(), Set.of(), Set.of());
        assertEquals(Optional.empty(), vipOnly.refusal(order(List.of("Vip"), "web", "Standard", "US")));
        assertEquals(
                Optional.of("it has none of the tags [b2b, vip]"),
                vipOnly.refusal(order(List.of("gift"), "web", "Standard", "US")));
    }

    @Test
    void channelMethodAndCountryEachNameWhatDidNotPass() {
        OrderChoices chosen = choices(Set.of(), Set.of(), Set.of("WEB", "pos"), Set.of("Standard"), Set.of("us", "CA"));
        assertEquals(Optional.empty(), chosen.refusal(order(List.of(), "web", "standard", "US")));
        assertEquals(
                Optional.of("sales channel \"shopify_draft_order\" is not among [pos, web]"),
                chosen.refusal(order(List.of(), "shopify_draft_order", "Standard", "US")));
        assertEquals(
                Optional.of("shipping method \"express\" is not among [standard]"),
                chosen.refusal(order(List.of(), "web", "Express", "US")));
        assertEquals(
                Optional.of("destination country DE is not among [CA, US]"),
                chosen.refusal(order(List.of(), "web", "Standard", "DE")));
        assertEquals(
                Optional.of("destination country (none) is not among [CA, US]"),
                chosen.refusal(order(List.of(), "web", "Standard", null)));
    }

    @Test
    void unknownCountriesLongValuesAndATagBothInAndOutAreProblemsNamingTheField() {
        assertEquals(
                List.of(),
                choices(Set.of("a"), Set.of("b"), Set.of(), Set.of(), Set.of("de"))
                        .problems());
        List<String> problems = choices(
                        Set.of("gift"), Set.of("Gift"), Set.of("x".repeat(256)), Set.of("a\nb"), Set.of("XX", "USA"))
                .problems();
        assertTrue(problems.contains("salesChannels: a value longer than 255 characters."), problems.toString());
        assertTrue(problems.contains("shippingMethods: a value with a line break."), problems.toString());
        assertTrue(
                problems.contains("countries: \"XX\" is not an ISO 3166 country code (such as DE, US)."),
                problems.toString());
        assertTrue(
                problems.contains("countries: \"USA\" is not an ISO 3166 country code (such as DE, US)."),
                problems.toString());
        assertTrue(problems.contains("tagsExcluded: \"gift\" is also a tag to include."), problems.toString());
    }

    @Test
    void theFiltersAndThePolicyCarryTheChoices() {
        OrderChoices chosen = choices(Set.of("vip"), Set.of(), Set.of(), Set.of(), Set.of("US"));
        IntakePolicy policy = new IntakePolicy("", "", "", false, RiskHold.OFF, chosen);
        assertEquals(chosen, policy.filters().choices());
        assertEquals(policy, IntakePolicy.of(policy.filters()));
        assertEquals(
                Optional.of("it has none of the tags [vip]"),
                policy.filters().refusal(order(List.of(), "web", "Standard", "US")));
        assertTrue(new IntakePolicy(
                        "", "", "", false, RiskHold.OFF, choices(Set.of(), Set.of(), Set.of(), Set.of(), Set.of("ZZ")))
                .unknownValues()
                .contains("countries: \"ZZ\" is not an ISO 3166 country code (such as DE, US)."));
    }
}
