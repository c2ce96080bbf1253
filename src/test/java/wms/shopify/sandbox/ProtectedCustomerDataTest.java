package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The app's protected customer data access as Shopify applies it: without level 1 no order at all, at level 1 orders
 * without name, address, email and phone, at level 2 each of the four as approved; an unapproved field is null with
 * Shopify's error beside the data in GraphQL, and null in a webhook body.
 */
class ProtectedCustomerDataTest {

    private static final String ORDER = "query($id: ID!) { order(id: $id) { name email phone shippingAddress { name "
            + "firstName address1 city zip country countryCodeV2 provinceCode phone } } }";

    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private AdminClient admin;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(SandboxSettings.defaults().withWebhookTimeScale(0.0001));
        shop = sandbox.createShop("customer-data.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        shop.addProduct("T-shirt", "TS-S");
        shop.stock("TS-S", warehouse, 10);
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop));
    }

    @AfterEach
    void stop() {
        sandbox.close();
    }

    @Test
    void levelTwoWithEveryFieldReadsTheWholeOrder() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        JsonNode answer = admin.graphQl(ORDER, Map.of("id", order.id()));
        assertFalse(answer.has("errors"), answer.toString());
        assertFalse(answer.at("/data/order/shippingAddress/address1").isNull());
        assertFalse(answer.at("/data/order/email").isNull());
    }

    @Test
    void anUnapprovedFieldIsNullWithShopifysErrorAndTheRestIsRead() throws Exception {
        sandbox.customerData().access(ProtectedCustomerData.Access.level2(ProtectedCustomerData.Field.EMAIL));
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));

        JsonNode answer = admin.graphQl(ORDER, Map.of("id", order.id()));

        JsonNode data = answer.at("/data/order");
        assertEquals(order.name(), data.get("name").asText());
        assertEquals(order.email(), data.get("email").asText(), "email is approved");
        JsonNode address = data.get("shippingAddress");
        for (String redacted : List.of("name", "firstName", "address1", "city", "zip", "phone")) {
            assertTrue(address.get(redacted).isNull(), redacted + " of " + address);
        }
        assertFalse(address.get("countryCodeV2").isNull(), "the country is not a protected field");
        assertFalse(address.get("provinceCode").isNull());
        List<String> paths = new java.util.ArrayList<>();
        answer.get("errors").forEach(e -> {
            assertEquals(
                    "This app is not approved to access the Customer object. See https://partners.shopify.com/"
                            + "sandbox/apps/" + SandboxSettings.DEFAULT_CLIENT_ID + "/customer_data for more details.",
                    e.get("message").asText());
            assertTrue(e.has("locations"));
            paths.add(e.get("path").toString());
        });
        assertTrue(paths.contains("[\"order\",\"shippingAddress\",\"address1\"]"), paths.toString());
        assertTrue(paths.contains("[\"order\",\"phone\"]"), paths.toString());
        assertEquals(7, paths.size(), "phone, and the address's name, firstName, address1, city, zip, phone: " + paths);
    }

    @Test
    void withoutLevelOneTheOrderObjectIsRefused() throws Exception {
        sandbox.customerData().access(ProtectedCustomerData.Access.none());
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));

        JsonNode answer = admin.graphQl(ORDER, Map.of("id", order.id()));

        assertTrue(answer.at("/data/order").isNull(), answer.toString());
        assertEquals("ACCESS_DENIED", answer.at("/errors/0/extensions/code").asText());
        assertTrue(
                answer.at("/errors/0/message")
                        .asText()
                        .startsWith("This app is not approved to access the Order object."),
                answer.toString());
    }

    @Test
    void aWebhookBodyCarriesNullForWhatTheAppMayNotRead() throws Exception {
        sandbox.customerData().access(ProtectedCustomerData.Access.level1());
        Customer customer = shop.addCustomer("Ada", "Lovelace", "ada@example.com", "+441234567890", "1 Analytical St");
        try (WebhookReceiver receiver = WebhookReceiver.accepting()) {
            admin.subscribe("ORDERS_CREATE", receiver.uri());
            shop.placeOrder(warehouse, true, Map.of("TS-S", 1), customer);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !receiver.deliveries().isEmpty());
            JsonNode body = receiver.deliveries().get(0).json();
            assertTrue(body.get("email").isNull(), body.toString());
            assertTrue(body.get("contact_email").isNull());
            assertTrue(body.at("/customer/first_name").isNull());
            assertTrue(body.at("/customer/email").isNull());
            assertTrue(body.at("/shipping_address/address1").isNull());
            assertTrue(body.at("/shipping_address/name").isNull());
            assertFalse(body.at("/shipping_address/country_code").isNull(), "the country stays");
            assertFalse(body.at("/customer/id").isNull(), "the customer is still named by id");
            assertEquals(1, body.get("line_items").size());
        }
    }
}
