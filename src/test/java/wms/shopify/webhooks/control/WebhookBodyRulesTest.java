package wms.shopify.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.sandbox.SharedDir;

/**
 * A validly signed body is acted on only under a topic whose shape it has and for the shop it names: the bodies
 * Shopify sends pass, and each replayed under another topic or for another shop is refused with the reason.
 */
class WebhookBodyRulesTest {

    private static final ShopDomain ACME = ShopDomain.parse("acme.myshopify.com");
    /** Shopify's app/uninstalled body: the Shop resource (its custom domain differs from the myshopify one). */
    private static final String SHOP = "{\"id\":548380009,\"name\":\"Acme\",\"domain\":\"shop.acme.com\","
            + "\"myshopify_domain\":\"acme.myshopify.com\",\"updated_at\":\"2026-12-01T10:00:00-05:00\"}";

    private static final String SHOP_REDACT = "{\"shop_id\":548380009,\"shop_domain\":\"acme.myshopify.com\"}";
    private static final String CUSTOMER_REDACT = "{\"shop_id\":548380009,\"shop_domain\":\"acme.myshopify.com\","
            + "\"customer\":{\"id\":207119551,\"email\":\"john@example.com\",\"phone\":\"555-625-1199\"},"
            + "\"orders_to_redact\":[299938,280263,220458]}";
    private static final String DATA_REQUEST = "{\"shop_id\":548380009,\"shop_domain\":\"acme.myshopify.com\","
            + "\"orders_requested\":[299938],\"customer\":{\"id\":207119551,\"email\":\"john@example.com\"},"
            + "\"data_request\":{\"id\":9999}}";
    private static final String RETURN = "{\"id\":945000954,"
            + "\"admin_graphql_api_id\":\"gid://shopify/Return/945000954\",\"status\":\"requested\",\"order\":{\"id\":450789469,"
            + "\"admin_graphql_api_id\":\"gid://shopify/Order/450789469\"}}";
    private static final String LEVEL = "{\"inventory_item_id\":271878346596884015,\"location_id\":24826418,"
            + "\"available\":6,\"updated_at\":\"2026-12-01T10:00:00-05:00\"}";
    /** fulfillment_orders/moved as Shopify's webhook reference shows it: GraphQL ids, the order not named. */
    private static final String MOVED = "{\"original_fulfillment_order\":{\"id\":\"gid://shopify/FulfillmentOrder/1\","
            + "\"status\":\"closed\",\"assigned_location_id\":\"gid://shopify/Location/1\"},"
            + "\"moved_fulfillment_order\":{\"id\":\"gid://shopify/FulfillmentOrder/2\",\"status\":\"open\","
            + "\"assigned_location_id\":\"gid://shopify/Location/2\"},"
            + "\"destination_location_id\":\"gid://shopify/Location/2\",\"fulfillment_order_line_items_requested\":[],"
            + "\"source_location\":{\"id\":\"gid://shopify/Location/1\"}}";
    /** A products/update body: signed by Shopify, and the reviewer's material for replays. */
    private static final String PRODUCT = "{\"id\":788032119674292922,\"title\":\"Example T-Shirt\","
            + "\"admin_graphql_api_id\":\"gid://shopify/Product/788032119674292922\",\"variants\":[]}";

    @Test
    void theBodiesShopifySendsPassUnderTheirOwnTopic() throws Exception {
        String order = Files.readString(SharedDir.file("shopify/samples/order.json"));
        for (String topic : new String[] {"orders/create", "orders/updated", "orders/paid", "orders/cancelled"}) {
            assertEquals(Optional.empty(), refusal(topic, order), topic);
        }
        assertEquals(Optional.empty(), refusal("app/uninstalled", SHOP));
        assertEquals(Optional.empty(), refusal("shop/redact", SHOP_REDACT));
        assertEquals(Optional.empty(), refusal("customers/redact", CUSTOMER_REDACT));
        assertEquals(Optional.empty(), refusal("customers/data_request", DATA_REQUEST));
        assertEquals(Optional.empty(), refusal("returns/request", RETURN));
        assertEquals(Optional.empty(), refusal("returns/approve", RETURN));
        assertEquals(Optional.empty(), refusal("fulfillment_orders/moved", MOVED));
        assertEquals(
                Optional.empty(),
                refusal("app/uninstalled", SHOP.replace("acme.myshopify.com", "ACME.myshopify.com")),
                "a domain is the same in any case");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "app/uninstalled",
                "shop/redact",
                "customers/redact",
                "customers/data_request",
                "orders/create",
                "orders/cancelled",
                "returns/approve",
                "fulfillment_orders/moved"
            })
    void aProductUpdateReplayedUnderATopicThatChangesStateIsRefused(String topic) {
        assertTrue(refusal(topic, PRODUCT).isPresent(), topic);
    }

    @Test
    void eachBodyReplayedUnderAnotherStateChangingTopicIsRefused() throws Exception {
        String order = Files.readString(SharedDir.file("shopify/samples/order.json"));
        assertTrue(refusal("app/uninstalled", order).isPresent());
        assertTrue(refusal("shop/redact", order).isPresent());
        assertTrue(refusal("customers/redact", order).isPresent());
        assertTrue(refusal("returns/approve", order).isPresent(), "an order is no return");
        assertTrue(refusal("orders/create", RETURN).isPresent(), "a return is no order");
        assertTrue(refusal("orders/create", SHOP).isPresent());
        assertTrue(refusal("app/uninstalled", SHOP_REDACT).isPresent());
        assertTrue(refusal("customers/redact", SHOP_REDACT).isPresent(), "no customer");
        assertTrue(refusal("shop/redact", LEVEL).isPresent());
        assertTrue(refusal("orders/updated", LEVEL).isPresent());
        assertTrue(refusal("fulfillment_orders/moved", order).isPresent(), "an order is no move");
        assertTrue(refusal("orders/updated", MOVED).isPresent(), "a move is no order");
        assertTrue(
                refusal(
                                "fulfillment_orders/moved",
                                MOVED.replace(
                                        "\"destination_location_id\":\"gid://shopify/Location/2\"",
                                        "\"destination_location_id\":2"))
                        .isPresent(),
                "the destination is a location's GraphQL id");
    }

    @Test
    void aBodyNamingAnotherShopIsRefusedWithBothShopsNamed() {
        String other = SHOP_REDACT.replace("acme.myshopify.com", "bolt.myshopify.com");
        assertEquals(
                Optional.of("the body's \"shop_domain\" names bolt.myshopify.com, not acme.myshopify.com."),
                refusal("shop/redact", other));
        assertTrue(refusal("customers/redact", CUSTOMER_REDACT.replace("acme.", "bolt."))
                .isPresent());
        assertTrue(
                refusal("app/uninstalled", SHOP.replace("acme.myshopify.com", "bolt.myshopify.com"))
                        .isPresent(),
                "the custom domain does not count: the myshopify domain names the shop");
    }

    @Test
    void anOrderWhoseTwoIdsDisagreeOrThatIsNotAnObjectIsRefused() {
        assertTrue(refusal("orders/create", "{\"id\":1,\"admin_graphql_api_id\":\"gid://shopify/Order/2\"}")
                .isPresent());
        assertTrue(
                refusal("orders/create", "{\"id\":\"1\",\"admin_graphql_api_id\":\"gid://shopify/Order/1\"}")
                        .isPresent(),
                "a numeric id");
        assertTrue(refusal("orders/create", "[{\"id\":1,\"admin_graphql_api_id\":\"gid://shopify/Order/1\"}]")
                .isPresent());
        assertTrue(refusal("shop/redact", "{}").isPresent(), "an erased body changes nothing");
    }

    @Test
    void topicsNoComponentActsOnHaveNoRule() {
        assertEquals(Optional.empty(), refusal("products/update", SHOP));
        assertEquals(Optional.empty(), refusal("bulk_operations/finish", "{\"admin_graphql_api_id\":\"x\"}"));
    }

    private static Optional<String> refusal(String topic, String body) {
        return WebhookBodyRules.refusal(
                topic,
                ACME,
                new wms.shopify.webhooks.entity.WebhookReceived(
                                1, 1, ACME, topic, body.getBytes(StandardCharsets.UTF_8))
                        .topLevel());
    }
}
