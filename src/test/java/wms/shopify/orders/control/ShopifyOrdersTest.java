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
        assertEquals(Optional.of("gid://shopify/Order/450789469"), ShopifyOrders.orderIdOf(sample));
    }

    @Test
    void theGraphqlIdWinsWhereverItStandsAndNestedIdsAreNotTheOrders() {
        assertEquals(
                Optional.of("gid://shopify/Order/7"),
                ShopifyOrders.orderIdOf(
                        "{\"line_items\":[{\"id\":99,\"admin_graphql_api_id\":\"gid://shopify/LineItem/99\"}],"
                                + "\"customer\":{\"id\":5},\"id\":7,\"admin_graphql_api_id\":\"gid://shopify/Order/7\"}"));
    }

    @Test
    void withoutTheGraphqlIdTheNumericIdNamesTheOrder() {
        assertEquals(
                Optional.of("gid://shopify/Order/450789469"),
                ShopifyOrders.orderIdOf("{\"customer\":{\"id\":5},\"id\":450789469}"));
        assertEquals(
                Optional.of("gid://shopify/Order/12"),
                ShopifyOrders.orderIdOf("{\"id\":12,\"admin_graphql_api_id\":\"gid://shopify/Customer/3\"}"));
    }

    @Test
    void aBodyWithoutAnOrderIdNamesNone() {
        assertEquals(Optional.empty(), ShopifyOrders.orderIdOf("{\"customer\":{\"id\":5}}"));
        assertEquals(Optional.empty(), ShopifyOrders.orderIdOf("{\"id\":\"12\"}"));
        assertEquals(Optional.empty(), ShopifyOrders.orderIdOf("[1,2]"));
        assertEquals(Optional.empty(), ShopifyOrders.orderIdOf(""));
    }
}
