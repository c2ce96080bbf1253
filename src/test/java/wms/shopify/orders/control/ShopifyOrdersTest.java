package wms.shopify.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.SharedDir;

class ShopifyOrdersTest {

    @Test
    void theOrderOfShopifysSampleWebhookIsItsGraphqlId() throws Exception {
        String sample = Files.readString(SharedDir.file("shopify/samples/order.json"));
        assertEquals(Optional.of("gid://shopify/Order/450789469"), idOf(sample));
    }

    @Test
    void theGraphqlIdWinsWhereverItStandsAndNestedIdsAreNotTheOrders() {
        assertEquals(
                Optional.of("gid://shopify/Order/7"),
                idOf("{\"line_items\":[{\"id\":99,\"admin_graphql_api_id\":\"gid://shopify/LineItem/99\"}],"
                        + "\"customer\":{\"id\":5},\"id\":7,\"admin_graphql_api_id\":\"gid://shopify/Order/7\"}"));
    }

    @Test
    void withoutTheGraphqlIdTheNumericIdNamesTheOrder() {
        assertEquals(Optional.of("gid://shopify/Order/450789469"), idOf("{\"customer\":{\"id\":5},\"id\":450789469}"));
        assertEquals(
                Optional.of("gid://shopify/Order/12"),
                idOf("{\"id\":12,\"admin_graphql_api_id\":\"gid://shopify/Customer/3\"}"));
    }

    @Test
    void aBodyWithoutAnOrderIdNamesNone() {
        assertEquals(Optional.empty(), idOf("{\"customer\":{\"id\":5}}"));
        assertEquals(Optional.empty(), idOf("{\"id\":\"12\"}"));
        assertEquals(Optional.empty(), idOf("[1,2]"));
        assertEquals(Optional.empty(), idOf(""));
    }

    private static Optional<String> idOf(String body) {
        return ShopifyOrders.orderIdOf(new wms.shopify.webhooks.entity.WebhookReceived(
                        1,
                        1,
                        wms.shopify.adminapi.entity.ShopDomain.parse("a.myshopify.com"),
                        "orders/create",
                        body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .topLevel());
    }
}
