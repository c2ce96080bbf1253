package wms.shopify.sandbox;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Shopify's fulfillment-order state machine in the sandbox, over HTTP as an app sees it: the app registers a
 * fulfillment service (which gets its own location), the merchant requests fulfillment (the service's callback gets a
 * signed {@code fulfillment_order_notification}), the service accepts or rejects, the merchant asks for a
 * cancellation and the service answers, holds stop fulfillment until released, and moves change the location with the
 * committed stock. Every refused transition changes nothing and answers Shopify's user error.
 */
class FulfillmentOrderStatesTest {

    private static final String SCOPES = "read_products,write_inventory,read_locations,read_orders,"
            + "write_merchant_managed_fulfillment_orders,write_assigned_fulfillment_orders,"
            + "write_third_party_fulfillment_orders,write_fulfillments";
    private static final String FO = "id status requestStatus assignedLocation { location { id } } "
            + "supportedActions { action } lineItems(first: 10) { nodes { id sku totalQuantity remainingQuantity } } "
            + "fulfillmentHolds { id reason reasonNotes handle displayReason } "
            + "merchantRequests(first: 5) { nodes { kind message } }";
    private static final List<String> TOPICS = List.of(
            "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_SUBMITTED",
            "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_ACCEPTED",
            "FULFILLMENT_ORDERS_FULFILLMENT_REQUEST_REJECTED",
            "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_SUBMITTED",
            "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_ACCEPTED",
            "FULFILLMENT_ORDERS_CANCELLATION_REQUEST_REJECTED",
            "FULFILLMENT_ORDERS_PLACED_ON_HOLD",
            "FULFILLMENT_ORDERS_HOLD_RELEASED",
            "FULFILLMENT_ORDERS_MOVED");

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-07T08:00:00Z"));
    private ShopifySandbox sandbox;
    private Shop shop;
    private Location warehouse;
    private Location overflow;
    private AdminClient admin;
    private WebhookReceiver webhooks;
    private WebhookReceiver callback;
    private Location serviceLocation;
    private String serviceId;

    @BeforeEach
    void start() throws Exception {
        sandbox = ShopifySandbox.startForLocalDemo(
                SandboxSettings.defaults().withClock(clock).withWebhookTimeScale(0.0001));
        shop = sandbox.createShop("fo.myshopify.com", Plan.STANDARD);
        warehouse = shop.addLocation("Main warehouse");
        overflow = shop.addLocation("Overflow warehouse");
        shop.addProduct("T-shirt", "TS-S", "TS-M");
        shop.addProduct("Mug", "MUG");
        admin = new AdminClient(sandbox, shop, sandbox.issueAccessToken(shop, SCOPES));
        webhooks = WebhookReceiver.accepting();
        callback = WebhookReceiver.accepting();
        for (String topic : TOPICS) {
            admin.subscribe(topic, webhooks.uri());
        }
        JsonNode created = admin.graphQl(
                "mutation($url: URL) { fulfillmentServiceCreate(name: \"Acme WMS\", callbackUrl: $url, "
                        + "inventoryManagement: true, trackingSupport: true) { fulfillmentService { id serviceName "
                        + "handle callbackUrl inventoryManagement trackingSupport type location { id name "
                        + "isFulfillmentService fulfillmentService { id } } } userErrors { field message } } }",
                Map.of("url", callback.uri()));
        JsonNode service = created.at("/data/fulfillmentServiceCreate/fulfillmentService");
        serviceId = service.get("id").asText();
        serviceLocation = shop.find(service.at("/location/id").asText(), Location.class);
        for (String sku : List.of("TS-S", "TS-M", "MUG")) {
            shop.stock(sku, warehouse, 20);
            shop.stock(sku, overflow, 20);
            shop.stock(sku, serviceLocation, 20);
        }
    }

    @AfterEach
    void stop() {
        webhooks.close();
        callback.close();
        sandbox.close();
    }

    // ---- fulfillment services ----------------------------------------------------------------------------------

    @Test
    void shopifyAsksAServiceWithTrackingSupportForItsFulfillmentsWithoutTrackingSignedAndTakesTheAnswer()
            throws Exception {
        java.util.List<String> queries = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> signatures = new java.util.concurrent.CopyOnWriteArrayList<>();
        java.util.List<String> shops = new java.util.concurrent.CopyOnWriteArrayList<>();
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        com.sun.net.httpserver.HttpServer service =
                com.sun.net.httpserver.HttpServer.create(new java.net.InetSocketAddress("localhost", 0), 0);
        service.createContext("/svc/fetch_tracking_numbers", exchange -> {
            queries.add(exchange.getRequestURI().getRawQuery());
            signatures.add(exchange.getRequestHeaders().getFirst("X-Shopify-Hmac-Sha256"));
            shops.add(exchange.getRequestHeaders().getFirst("X-Shopify-Shop-Domain"));
            byte[] body = ("{\"tracking_numbers\": {\"" + order.name() + ".1\": \"TRK-9\", \"#9999.1\": \"NOT-ASKED\"},"
                            + " \"message\": \"Successfully received the tracking numbers\", \"success\": true}")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        service.start();
        try {
            String url = "http://localhost:" + service.getAddress().getPort() + "/svc";
            admin.graphQl(
                    "mutation($id: ID!, $url: URL) { fulfillmentServiceUpdate(id: $id, callbackUrl: $url) { "
                            + "userErrors { message } } }",
                    Map.of("id", serviceId, "url", url));
            assertTrue(sandbox.fetchTrackingNumbers(shop).isEmpty(), "no fulfillment waits for tracking: not asked");
            FulfillmentOrder fo = order.fulfillmentOrders().get(0);
            submit(fo.id());
            answer("fulfillmentOrderAcceptFulfillmentRequest", fo.id(), "");
            assertTrue(fulfil(fo.id(), null).get("userErrors").isEmpty());
            Fulfillment shipped = order.fulfillments().get(0);
            assertEquals(order.name() + ".1", shipped.name(), "Shopify names a fulfillment after its order");
            assertTrue(shipped.trackingInfo().isEmpty());

            Map<FulfillmentService, TrackingNumberRequests.Answer> answers = sandbox.fetchTrackingNumbers(shop);
            assertEquals(1, answers.size());
            assertEquals(200, answers.values().iterator().next().status());
            assertEquals(
                    List.of("order_names%5B%5D=%23" + order.name().substring(1) + ".1&shop=fo.myshopify.com"), queries);
            assertEquals(
                    List.of(ShopifySignatures.bodyHmac(
                            new byte[0], sandbox.settings().clientSecret())),
                    signatures,
                    "signed as the service's notifications are: the HMAC of the (empty) body");
            assertEquals(List.of("fo.myshopify.com"), shops);
            assertEquals("TRK-9", shipped.trackingInfo().get(0).get("number"), "the answer becomes its tracking");
            assertTrue(sandbox.fetchTrackingNumbers(shop).isEmpty(), "tracked now: not asked again");
            assertEquals(1, queries.size());
        } finally {
            service.stop(0);
        }
    }

    @Test
    void aFulfillmentServiceGetsItsOwnLocationAndRefusesBadInput() throws Exception {
        JsonNode service = admin.graphQl(
                        "query($id: ID!) { fulfillmentService(id: $id) { serviceName handle callbackUrl "
                                + "inventoryManagement trackingSupport type location { name isFulfillmentService "
                                + "fulfillmentService { id } } } }",
                        Map.of("id", serviceId))
                .at("/data/fulfillmentService");
        assertEquals("Acme WMS", service.get("serviceName").asText());
        assertEquals("acme-wms", service.get("handle").asText());
        assertEquals(callback.uri(), service.get("callbackUrl").asText());
        assertTrue(service.get("inventoryManagement").asBoolean());
        assertEquals("THIRD_PARTY", service.get("type").asText());
        assertEquals("Acme WMS", service.at("/location/name").asText());
        assertTrue(service.at("/location/isFulfillmentService").asBoolean());
        assertEquals(serviceId, service.at("/location/fulfillmentService/id").asText());

        String create = "mutation($name: String!, $url: URL) { fulfillmentServiceCreate(name: $name, callbackUrl: "
                + "$url) { fulfillmentService { id } userErrors { field message } } }";
        JsonNode taken = admin.graphQl(create, AdminClient.input("name", "acme wms", "url", null))
                .at("/data/fulfillmentServiceCreate");
        assertTrue(taken.get("fulfillmentService").isNull());
        assertEquals(
                "Name has already been taken", taken.at("/userErrors/0/message").asText());
        JsonNode blank = admin.graphQl(create, AdminClient.input("name", " ", "url", null))
                .at("/data/fulfillmentServiceCreate/userErrors/0");
        assertEquals("[\"name\"]", blank.get("field").toString());
        JsonNode badUrl = admin.graphQl(create, AdminClient.input("name", "Other", "url", "ftp://example.com"))
                .at("/data/fulfillmentServiceCreate/userErrors/0");
        assertEquals("[\"callbackUrl\"]", badUrl.get("field").toString());
        assertEquals(
                2,
                shop.locations().stream().filter(l -> !l.isFulfillmentService()).count());
        assertEquals(1, shop.fulfillmentServices().size());
    }

    @Test
    void updatingAndDeletingAServiceMovesItsStockToTheLocationNamed() throws Exception {
        JsonNode updated = admin.graphQl(
                        "mutation($id: ID!) { fulfillmentServiceUpdate(id: $id, callbackUrl: "
                                + "\"https://wms.example.com/shopify\", trackingSupport: false) { fulfillmentService "
                                + "{ callbackUrl trackingSupport } userErrors { message } } }",
                        Map.of("id", serviceId))
                .at("/data/fulfillmentServiceUpdate/fulfillmentService");
        assertEquals(
                "https://wms.example.com/shopify", updated.get("callbackUrl").asText());
        admin.graphQl(
                "mutation($id: ID!) { fulfillmentServiceUpdate(id: $id, name: \"Acme Fulfilment\") { userErrors { "
                        + "message } } }",
                Map.of("id", serviceId));
        assertEquals("Acme Fulfilment", serviceLocation.name());
        assertTrue(!updated.get("trackingSupport").asBoolean());

        String delete = "mutation($id: ID!, $to: ID) { fulfillmentServiceDelete(id: $id, destinationLocationId: $to) "
                + "{ deletedId userErrors { field message } } }";
        JsonNode refused = admin.graphQl(delete, AdminClient.input("id", serviceId, "to", null))
                .at("/data/fulfillmentServiceDelete");
        assertTrue(refused.get("deletedId").isNull());
        assertEquals(
                "[\"destinationLocationId\"]", refused.at("/userErrors/0/field").toString());
        assertTrue(serviceLocation.isActive());

        JsonNode deleted = admin.graphQl(delete, AdminClient.input("id", serviceId, "to", warehouse.id()))
                .at("/data/fulfillmentServiceDelete");
        assertEquals(serviceId, deleted.get("deletedId").asText());
        assertEquals(40, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(0, shop.quantity("TS-S", serviceLocation, "available"));
        assertTrue(!serviceLocation.isActive());
        assertTrue(shop.fulfillmentServices().isEmpty());
        JsonNode gone = admin.graphQl(delete, AdminClient.input("id", serviceId, "to", warehouse.id()))
                .at("/data/fulfillmentServiceDelete/userErrors/0/message");
        assertEquals("Fulfillment service could not be found.", gone.asText());
    }

    @Test
    void deletingAServiceGivesItsOpenFulfillmentOrdersBackToTheMerchantAtTheDestination() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 2));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        submit(fo.id());
        answer("fulfillmentOrderAcceptFulfillmentRequest", fo.id(), "");
        String delete = "mutation($id: ID!, $to: ID, $action: FulfillmentServiceDeleteInventoryAction) { "
                + "fulfillmentServiceDelete(id: $id, destinationLocationId: $to, inventoryAction: $action) { deletedId "
                + "userErrors { field message } } }";
        JsonNode toService = admin.graphQl(
                        delete, AdminClient.input("id", serviceId, "to", serviceLocation.id(), "action", "TRANSFER"))
                .at("/data/fulfillmentServiceDelete/userErrors/0/field");
        assertEquals("[\"destinationLocationId\"]", toService.toString());
        admin.graphQl(delete, AdminClient.input("id", serviceId, "to", overflow.id(), "action", "TRANSFER"));
        assertEquals(overflow, fo.location());
        assertEquals("UNSUBMITTED", fo.requestStatus());
        assertEquals(2, shop.quantity("TS-S", overflow, "committed"));
        assertEquals(38, shop.quantity("TS-S", overflow, "available"));
        assertEquals(0, shop.quantity("TS-S", serviceLocation, "committed"));
        assertTrue(fulfil(fo.id(), null).at("/userErrors").isEmpty());
    }

    @Test
    void deletingAServiceWithKeepLeavesAMerchantManagedLocation() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        JsonNode deleted = admin.graphQl(
                        "mutation($id: ID!) { fulfillmentServiceDelete(id: $id, inventoryAction: KEEP) { deletedId "
                                + "userErrors { message } } }",
                        Map.of("id", serviceId))
                .at("/data/fulfillmentServiceDelete");
        assertEquals(serviceId, deleted.get("deletedId").asText());
        assertTrue(serviceLocation.isActive());
        assertTrue(!serviceLocation.isFulfillmentService());
        assertEquals(20, shop.quantity("TS-S", serviceLocation, "on_hand"));
        assertTrue(fulfil(order.fulfillmentOrders().get(0).id(), null)
                .at("/userErrors")
                .isEmpty());
    }

    @Test
    void theServiceScopesAreChecked() throws Exception {
        AdminClient merchantOnly = new AdminClient(
                sandbox, shop, sandbox.issueAccessToken(shop, "read_orders,write_merchant_managed_fulfillment_orders"));
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        shop.requestFulfillment(order.fulfillmentOrders().get(0), null);
        JsonNode denied = merchantOnly.graphQl(
                "mutation($id: ID!) { fulfillmentOrderAcceptFulfillmentRequest(id: $id) { fulfillmentOrder { status } "
                        + "userErrors { message } } }",
                Map.of("id", order.fulfillmentOrders().get(0).id()));
        assertEquals("ACCESS_DENIED", denied.at("/errors/0/extensions/code").asText());
        assertEquals("SUBMITTED", order.fulfillmentOrders().get(0).requestStatus());
        JsonNode create = merchantOnly.graphQl(
                "mutation { fulfillmentServiceCreate(name: \"X\") { userErrors { message } } }", Map.of());
        assertEquals("ACCESS_DENIED", create.at("/errors/0/extensions/code").asText());
    }

    // ---- fulfillment requests ----------------------------------------------------------------------------------

    @Test
    void aRequestIsSignedToTheCallbackListedAsAssignedAndAcceptedOnce() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 2));
        String fo = order.fulfillmentOrders().get(0).id();
        assertEquals(List.of("UNSUBMITTED"), requestStatuses(order));
        assertTrue(actions(fo).contains("REQUEST_FULFILLMENT"));
        assertTrue(!actions(fo).contains("CREATE_FULFILLMENT"));
        JsonNode early = fulfil(fo, null);
        assertTrue(early.at("/userErrors/0/message").asText().contains("unfulfillable request status= unsubmitted"));

        JsonNode submitted = admin.graphQl(
                        "mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id, message: \"Ship "
                                + "fast\", notifyCustomer: true) { originalFulfillmentOrder { id } "
                                + "submittedFulfillmentOrder { id status requestStatus } unsubmittedFulfillmentOrder "
                                + "{ id } userErrors { message } } }",
                        Map.of("id", fo))
                .at("/data/fulfillmentOrderSubmitFulfillmentRequest");
        assertEquals(
                "SUBMITTED",
                submitted.at("/submittedFulfillmentOrder/requestStatus").asText());
        assertEquals("OPEN", submitted.at("/submittedFulfillmentOrder/status").asText());
        assertTrue(submitted.get("unsubmittedFulfillmentOrder").isNull());

        await().atMost(Duration.ofSeconds(10))
                .until(() -> !callback.deliveries().isEmpty());
        WebhookReceiver.Delivery notification = callback.deliveries().get(0);
        assertEquals("{\"kind\":\"FULFILLMENT_REQUEST\"}", new String(notification.body()));
        assertEquals(
                ShopifySignatures.bodyHmac(
                        notification.body(), sandbox.settings().clientSecret()),
                notification.header("X-Shopify-Hmac-Sha256"));
        assertEquals(shop.domain(), notification.header("X-Shopify-Shop-Domain"));

        JsonNode assigned = admin.graphQl(
                        "{ assignedFulfillmentOrders(first: 10, assignmentStatus: FULFILLMENT_REQUESTED) { nodes { "
                                + "id merchantRequests(first: 5) { nodes { kind message } } } } }",
                        Map.of())
                .at("/data/assignedFulfillmentOrders/nodes");
        assertEquals(1, assigned.size());
        assertEquals(fo, assigned.at("/0/id").asText());
        assertEquals(
                "Ship fast", assigned.at("/0/merchantRequests/nodes/0/message").asText());
        assertEquals(
                "FULFILLMENT_REQUEST",
                assigned.at("/0/merchantRequests/nodes/0/kind").asText());
        JsonNode accepted = admin.graphQl(
                        "{ assignedFulfillmentOrders(first: 10, assignmentStatus: FULFILLMENT_ACCEPTED) { nodes { id "
                                + "} } }",
                        Map.of())
                .at("/data/assignedFulfillmentOrders/nodes");
        assertTrue(accepted.isEmpty());

        JsonNode again = submit(fo);
        assertTrue(again.at("/userErrors/0/message").asText().contains("already been requested"));

        JsonNode accept = answer("fulfillmentOrderAcceptFulfillmentRequest", fo, "");
        assertEquals("IN_PROGRESS", accept.at("/fulfillmentOrder/status").asText());
        assertEquals("ACCEPTED", accept.at("/fulfillmentOrder/requestStatus").asText());
        assertTrue(actions(fo).containsAll(List.of("CREATE_FULFILLMENT", "REQUEST_CANCELLATION")));
        JsonNode twice = answer("fulfillmentOrderAcceptFulfillmentRequest", fo, "");
        assertTrue(twice.get("fulfillmentOrder").isNull());
        assertEquals("[\"id\"]", twice.at("/userErrors/0/field").toString());
        JsonNode rejectLate = answer("fulfillmentOrderRejectFulfillmentRequest", fo, "");
        assertTrue(rejectLate.get("fulfillmentOrder").isNull());
        assertEquals("ACCEPTED", order.fulfillmentOrders().get(0).requestStatus());

        assertTrue(fulfil(fo, null).at("/userErrors").isEmpty());
        assertEquals("CLOSED", order.fulfillmentOrders().get(0).status());
        awaitTopics(
                "fulfillment_orders/fulfillment_request_submitted", "fulfillment_orders/fulfillment_request_accepted");
        JsonNode body = webhooks.deliveries("fulfillment_orders/fulfillment_request_submitted")
                .get(0)
                .json();
        assertEquals(fo, body.at("/submitted_fulfillment_order/id").asText());
        assertEquals(
                "submitted",
                body.at("/submitted_fulfillment_order/request_status").asText());
        assertEquals(
                "Ship fast",
                body.at("/fulfillment_order_merchant_request/message").asText());
    }

    @Test
    void aRejectedFulfillmentOrderStaysOpenAndCanBeRequestedAgainOrMoved() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 2));
        String fo = order.fulfillmentOrders().get(0).id();
        JsonNode notSubmitted = answer("fulfillmentOrderRejectFulfillmentRequest", fo, ", reason: OTHER");
        assertTrue(notSubmitted.at("/userErrors/0/message").asText().contains("request status unsubmitted"));
        submit(fo);
        JsonNode rejected = answer(
                "fulfillmentOrderRejectFulfillmentRequest",
                fo,
                ", reason: INVENTORY_OUT_OF_STOCK, message: \"No stock\"");
        assertEquals("OPEN", rejected.at("/fulfillmentOrder/status").asText());
        assertEquals("REJECTED", rejected.at("/fulfillmentOrder/requestStatus").asText());
        awaitTopics("fulfillment_orders/fulfillment_request_rejected");
        JsonNode body = webhooks.deliveries("fulfillment_orders/fulfillment_request_rejected")
                .get(0)
                .json();
        assertEquals("inventory_out_of_stock", body.get("reason").asText());
        assertEquals("No stock", body.get("message").asText());
        assertTrue(answer("fulfillmentOrderAcceptFulfillmentRequest", fo, "")
                .get("fulfillmentOrder")
                .isNull());
        assertTrue(actions(fo).containsAll(List.of("REQUEST_FULFILLMENT", "MOVE")));

        assertEquals(
                "SUBMITTED",
                submit(fo).at("/submittedFulfillmentOrder/requestStatus").asText());
        assertEquals(2, order.fulfillmentOrders().get(0).merchantRequests().size());
    }

    @Test
    void requestingSomeUnitsLeavesTheRestInANewUnsubmittedFulfillmentOrder() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 3, "MUG", 1));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        String shirts = line(fo, "TS-S").id();
        JsonNode tooMany = submitLines(fo.id(), shirts, 4);
        assertEquals(
                "Invalid fulfillment order line item quantity requested.",
                tooMany.at("/userErrors/0/message").asText());
        assertEquals("UNSUBMITTED", fo.requestStatus());

        JsonNode partial = submitLines(fo.id(), shirts, 2);
        assertEquals(fo.id(), partial.at("/submittedFulfillmentOrder/id").asText());
        String rest = partial.at("/unsubmittedFulfillmentOrder/id").asText();
        FulfillmentOrder unsubmitted = shop.find(rest, FulfillmentOrder.class);
        assertEquals("UNSUBMITTED", unsubmitted.requestStatus());
        assertEquals(2, line(fo, "TS-S").totalQuantity());
        assertEquals(0, line(fo, "MUG").totalQuantity());
        assertEquals(1, line(unsubmitted, "TS-S").remainingQuantity());
        assertEquals(1, line(unsubmitted, "MUG").remainingQuantity());
        assertEquals(
                4,
                order.fulfillmentOrders().stream()
                        .mapToInt(FulfillmentOrder::remainingQuantity)
                        .sum());
    }

    // ---- cancellation requests ---------------------------------------------------------------------------------

    @Test
    void aCancellationIsRequestedOnlyOfAcceptedWorkAndARefusalLetsTheServiceShip() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 2));
        String fo = order.fulfillmentOrders().get(0).id();
        String request = "mutation($id: ID!) { fulfillmentOrderSubmitCancellationRequest(id: $id, message: "
                + "\"Customer changed mind\") { fulfillmentOrder { status requestStatus } userErrors { message } } }";
        submit(fo);
        JsonNode tooEarly =
                admin.graphQl(request, Map.of("id", fo)).at("/data/fulfillmentOrderSubmitCancellationRequest");
        assertTrue(tooEarly.at("/userErrors/0/message").asText().contains("request status submitted"));
        answer("fulfillmentOrderAcceptFulfillmentRequest", fo, "");
        await().atMost(Duration.ofSeconds(10)).until(() -> callback.deliveries().size() == 1);

        JsonNode requested =
                admin.graphQl(request, Map.of("id", fo)).at("/data/fulfillmentOrderSubmitCancellationRequest");
        assertEquals(
                "CANCELLATION_REQUESTED",
                requested.at("/fulfillmentOrder/requestStatus").asText());
        assertEquals("IN_PROGRESS", requested.at("/fulfillmentOrder/status").asText());
        await().atMost(Duration.ofSeconds(10)).until(() -> callback.deliveries().size() == 2);
        assertEquals(
                "{\"kind\":\"CANCELLATION_REQUEST\"}",
                new String(callback.deliveries().get(1).body()));
        JsonNode listed = admin.graphQl(
                        "{ assignedFulfillmentOrders(first: 5, assignmentStatus: CANCELLATION_REQUESTED) { nodes { id "
                                + "} } }",
                        Map.of())
                .at("/data/assignedFulfillmentOrders/nodes");
        assertEquals(fo, listed.at("/0/id").asText());
        assertTrue(answer("fulfillmentOrderAcceptFulfillmentRequest", fo, "")
                .get("fulfillmentOrder")
                .isNull());

        JsonNode refused = answer("fulfillmentOrderRejectCancellationRequest", fo, ", message: \"Already packed\"");
        assertEquals(
                "CANCELLATION_REJECTED",
                refused.at("/fulfillmentOrder/requestStatus").asText());
        assertEquals("IN_PROGRESS", refused.at("/fulfillmentOrder/status").asText());
        assertTrue(answer("fulfillmentOrderRejectCancellationRequest", fo, "")
                .get("fulfillmentOrder")
                .isNull());
        assertTrue(fulfil(fo, null).at("/userErrors").isEmpty());
        awaitTopics(
                "fulfillment_orders/cancellation_request_submitted",
                "fulfillment_orders/cancellation_request_rejected");
    }

    @Test
    void anAcceptedCancellationClosesTheWorkAndGivesTheMerchantTheUnitsNotShipped() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 3));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        submit(fo.id());
        answer("fulfillmentOrderAcceptFulfillmentRequest", fo.id(), "");
        fulfil(fo.id(), Map.of(line(fo, "TS-S").id(), 1));
        shop.requestCancellation(fo, "Out of time");
        JsonNode accepted = answer("fulfillmentOrderAcceptCancellationRequest", fo.id(), ", message: \"OK\"");
        assertEquals("CLOSED", accepted.at("/fulfillmentOrder/status").asText());
        assertEquals(
                "CANCELLATION_ACCEPTED",
                accepted.at("/fulfillmentOrder/requestStatus").asText());
        FulfillmentOrder replacement = order.fulfillmentOrders().get(1);
        assertEquals("OPEN", replacement.status());
        assertEquals("UNSUBMITTED", replacement.requestStatus());
        assertEquals(serviceLocation, replacement.location());
        assertEquals(2, line(replacement, "TS-S").remainingQuantity());
        assertEquals(2, shop.quantity("TS-S", serviceLocation, "committed"));
        assertTrue(answer("fulfillmentOrderAcceptCancellationRequest", fo.id(), "")
                .get("fulfillmentOrder")
                .isNull());
        awaitTopics("fulfillment_orders/cancellation_request_accepted");
    }

    @Test
    void cancellingAnOrderTheServiceAcceptedAsksTheServiceAndReleasesStockOnlyWhenItAgrees() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 2));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        submit(fo.id());
        answer("fulfillmentOrderAcceptFulfillmentRequest", fo.id(), "");
        assertEquals(18, shop.quantity("TS-S", serviceLocation, "available"));
        shop.cancelOrder(order, "CUSTOMER");
        assertEquals("IN_PROGRESS", fo.status());
        assertEquals("CANCELLATION_REQUESTED", fo.requestStatus());
        assertEquals(2, shop.quantity("TS-S", serviceLocation, "committed"));
        await().atMost(Duration.ofSeconds(10)).until(() -> callback.deliveries().size() == 2);
        assertEquals(
                "{\"kind\":\"CANCELLATION_REQUEST\"}",
                new String(callback.deliveries().get(1).body()));

        answer("fulfillmentOrderAcceptCancellationRequest", fo.id(), "");
        assertEquals("CLOSED", fo.status());
        assertEquals(1, order.fulfillmentOrders().size());
        assertEquals(0, shop.quantity("TS-S", serviceLocation, "committed"));
        assertEquals(20, shop.quantity("TS-S", serviceLocation, "available"));
    }

    @Test
    void cancellingAMerchantManagedOrderClosesItsFulfillmentOrdersAsBefore() {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        shop.cancelOrder(order, "CUSTOMER");
        assertEquals("CLOSED", order.fulfillmentOrders().get(0).status());
        assertEquals(20, shop.quantity("TS-S", warehouse, "available"));
    }

    // ---- holds -------------------------------------------------------------------------------------------------

    @Test
    void aHoldStopsFulfillmentUntilEveryHoldIsReleased() throws Exception {
        Order order = shop.placeOrder(warehouse, false, Map.of("TS-S", 2));
        String fo = order.fulfillmentOrders().get(0).id();
        JsonNode held = hold(fo, "AWAITING_PAYMENT", "payment", null);
        assertEquals("ON_HOLD", held.at("/fulfillmentOrder/status").asText());
        assertEquals("AWAITING_PAYMENT", held.at("/fulfillmentHold/reason").asText());
        assertEquals(
                "Awaiting payment", held.at("/fulfillmentHold/displayReason").asText());
        assertTrue(held.get("remainingFulfillmentOrder").isNull());
        assertTrue(actions(fo).contains("RELEASE_HOLD"));
        JsonNode blocked = fulfil(fo, null);
        assertTrue(blocked.at("/userErrors/0/message").asText().contains("unfulfillable status= on_hold"));

        JsonNode fraud = hold(fo, "HIGH_RISK_OF_FRAUD", "fraud", null);
        assertTrue(fraud.at("/userErrors").isEmpty());
        JsonNode sameHandle = hold(fo, "OTHER", "fraud", null);
        assertEquals(
                "DUPLICATE_FULFILLMENT_HOLD_HANDLE",
                sameHandle.at("/userErrors/0/code").asText());
        assertEquals(2, order.fulfillmentOrders().get(0).fulfillmentHolds().size());

        String release = "mutation($id: ID!, $holds: [ID!]) { fulfillmentOrderReleaseHold(id: $id, holdIds: $holds) "
                + "{ fulfillmentOrder { status fulfillmentHolds { reason } } userErrors { code field message } } }";
        JsonNode one = admin.graphQl(
                        release,
                        Map.of(
                                "id",
                                fo,
                                "holds",
                                List.of(held.at("/fulfillmentHold/id").asText())))
                .at("/data/fulfillmentOrderReleaseHold/fulfillmentOrder");
        assertEquals("ON_HOLD", one.get("status").asText());
        assertEquals("HIGH_RISK_OF_FRAUD", one.at("/fulfillmentHolds/0/reason").asText());
        JsonNode all = admin.graphQl(release, AdminClient.input("id", fo, "holds", null))
                .at("/data/fulfillmentOrderReleaseHold/fulfillmentOrder");
        assertEquals("OPEN", all.get("status").asText());
        JsonNode notHeld = admin.graphQl(release, AdminClient.input("id", fo, "holds", null))
                .at("/data/fulfillmentOrderReleaseHold/userErrors/0/message");
        assertEquals("The fulfillment order is not on hold.", notHeld.asText());
        JsonNode unknown = admin.graphQl(
                        release, AdminClient.input("id", "gid://shopify/FulfillmentOrder/1", "holds", null))
                .at("/data/fulfillmentOrderReleaseHold/userErrors/0/code");
        assertEquals("FULFILLMENT_ORDER_NOT_FOUND", unknown.asText());
        assertTrue(fulfil(fo, null).at("/userErrors").isEmpty());

        awaitTopics("fulfillment_orders/placed_on_hold", "fulfillment_orders/hold_released");
        JsonNode body =
                webhooks.deliveries("fulfillment_orders/placed_on_hold").get(0).json();
        assertEquals(fo, body.at("/fulfillment_order/id").asText());
        assertEquals("on_hold", body.at("/fulfillment_order/status").asText());
        assertEquals("awaiting_payment", body.at("/fulfillment_hold/reason").asText());
    }

    @Test
    void holdingSomeUnitsSplitsTheRestOffAndBadQuantitiesAreRefused() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 3, "MUG", 2));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        String shirts = line(fo, "TS-S").id();
        assertEquals(
                "GREATER_THAN_ZERO",
                hold(fo.id(), "OTHER", "a", Map.of(shirts, 0))
                        .at("/userErrors/0/code")
                        .asText());
        assertEquals(
                "INVALID_LINE_ITEM_QUANTITY",
                hold(fo.id(), "OTHER", "a", Map.of(shirts, 4))
                        .at("/userErrors/0/code")
                        .asText());
        assertEquals("OPEN", fo.status());

        JsonNode held = hold(fo.id(), "INCORRECT_ADDRESS", "address", Map.of(shirts, 1));
        String remaining = held.at("/remainingFulfillmentOrder/id").asText();
        assertEquals("ON_HOLD", fo.status());
        assertEquals(1, fo.remainingQuantity());
        FulfillmentOrder rest = shop.find(remaining, FulfillmentOrder.class);
        assertEquals("OPEN", rest.status());
        assertEquals(4, rest.remainingQuantity());
        assertEquals(
                "FULFILLMENT_ORDER_NOT_SPLITTABLE",
                hold(fo.id(), "OTHER", "b", Map.of(shirts, 1))
                        .at("/userErrors/0/code")
                        .asText());
    }

    @Test
    void anAppHasAtMostTenHoldsOnAFulfillmentOrderAndCannotHoldWorkTheServiceHas() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 1));
        String fo = order.fulfillmentOrders().get(0).id();
        for (int i = 0; i < FulfillmentOrderDesk.HOLD_LIMIT; i++) {
            assertTrue(hold(fo, "OTHER", "h" + i, null).at("/userErrors").isEmpty());
        }
        assertEquals(
                "FULFILLMENT_ORDER_HOLD_LIMIT_REACHED",
                hold(fo, "OTHER", "h10", null).at("/userErrors/0/code").asText());

        Order atService = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        String submitted = atService.fulfillmentOrders().get(0).id();
        submit(submitted);
        JsonNode refused = hold(submitted, "OTHER", "x", null);
        assertTrue(refused.at("/userErrors/0/message").asText().contains("cannot be placed on hold"));
        assertEquals("OPEN", atService.fulfillmentOrders().get(0).status());
    }

    // ---- moves and split shipments -----------------------------------------------------------------------------

    @Test
    void movingAllOfAnUnstartedFulfillmentOrderChangesItsLocationWithTheCommittedStock() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        String fo = order.fulfillmentOrders().get(0).id();
        JsonNode moved = move(fo, overflow.id(), null);
        assertEquals(fo, moved.at("/movedFulfillmentOrder/id").asText());
        assertEquals(
                overflow.id(),
                moved.at("/movedFulfillmentOrder/assignedLocation/location/id").asText());
        assertEquals(0, shop.quantity("TS-S", warehouse, "committed"));
        assertEquals(20, shop.quantity("TS-S", warehouse, "available"));
        assertEquals(2, shop.quantity("TS-S", overflow, "committed"));
        assertEquals(18, shop.quantity("TS-S", overflow, "available"));
        assertEquals(1, order.fulfillmentOrders().size());
        JsonNode same = move(fo, overflow.id(), null);
        assertEquals("[\"newLocationId\"]", same.at("/userErrors/0/field").toString());
        awaitTopics("fulfillment_orders/moved");
        JsonNode body = webhooks.deliveries("fulfillment_orders/moved").get(0).json();
        assertEquals(overflow.id(), body.get("destination_location_id").asText());
        assertEquals(warehouse.id(), body.at("/source_location/id").asText());
    }

    @Test
    void movingAfterAPartialShipmentLeavesTheShippedUnitsBehindInAClosedFulfillmentOrder() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 3));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        fulfil(fo.id(), Map.of(line(fo, "TS-S").id(), 1));
        JsonNode moved = move(fo.id(), overflow.id(), null);
        assertNotEquals(fo.id(), moved.at("/movedFulfillmentOrder/id").asText());
        assertEquals("CLOSED", moved.at("/originalFulfillmentOrder/status").asText());
        FulfillmentOrder now = shop.find(moved.at("/movedFulfillmentOrder/id").asText(), FulfillmentOrder.class);
        assertEquals(overflow, now.location());
        assertEquals(2, now.remainingQuantity());
        assertEquals(warehouse, fo.location());
        JsonNode closed = move(fo.id(), warehouse.id(), null);
        assertTrue(closed.at("/userErrors/0/message").asText().contains("status closed"));
    }

    @Test
    void aMoveIsRefusedWhileTheServiceHasTheWorkOrWhereTheItemIsNotStocked() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        String fo = order.fulfillmentOrders().get(0).id();
        submit(fo);
        JsonNode refused = move(fo, warehouse.id(), null);
        assertTrue(refused.at("/userErrors/0/message").asText().contains("request status submitted"));
        assertEquals(serviceLocation, order.fulfillmentOrders().get(0).location());

        Location empty = shop.addLocation("Empty store");
        Order local = shop.placeOrder(warehouse, true, Map.of("MUG", 1));
        JsonNode notStocked = move(local.fulfillmentOrders().get(0).id(), empty.id(), null);
        assertTrue(notStocked.at("/userErrors/0/message").asText().contains("does not stock MUG"));
        assertEquals(1, shop.quantity("MUG", warehouse, "committed"));
        JsonNode nowhere = move(local.fulfillmentOrders().get(0).id(), "gid://shopify/Location/1", null);
        assertEquals(
                "Location does not exist.", nowhere.at("/userErrors/0/message").asText());
    }

    @Test
    void anOrderAtTwoLocationsShipsEachInParcelsOverDays() throws Exception {
        Order order = shop.placeSplitOrder(true, Map.of(warehouse, Map.of("TS-S", 3), overflow, Map.of("MUG", 1)));
        assertEquals(2, order.fulfillmentOrders().size());
        FulfillmentOrder fromWarehouse = order.fulfillmentOrders().stream()
                .filter(f -> f.location() == warehouse)
                .findFirst()
                .orElseThrow();
        FulfillmentOrder fromOverflow = order.fulfillmentOrders().stream()
                .filter(f -> f.location() == overflow)
                .findFirst()
                .orElseThrow();
        assertEquals(3, shop.quantity("TS-S", warehouse, "committed"));
        assertEquals(1, shop.quantity("MUG", overflow, "committed"));

        JsonNode both = admin.graphQl(
                        "mutation($a: ID!, $b: ID!) { fulfillmentCreate(fulfillment: {lineItemsByFulfillmentOrder: "
                                + "[{fulfillmentOrderId: $a}, {fulfillmentOrderId: $b}]}) { fulfillment { id } "
                                + "userErrors { message } } }",
                        Map.of("a", fromWarehouse.id(), "b", fromOverflow.id()))
                .at("/data/fulfillmentCreate");
        // fulfillmentCreate's description (SDL): its fulfillment orders "are assigned to the same Location".
        assertTrue(both.get("fulfillment").isNull());
        assertEquals(
                "All fulfillment orders must belong to the same order and be assigned to the same location.",
                both.at("/userErrors/0/message").asText());
        assertEquals(3, shop.quantity("TS-S", warehouse, "committed"), "nothing shipped");
        assertEquals(1, shop.quantity("MUG", overflow, "committed"), "nothing shipped");
        assertTrue(order.fulfillments().isEmpty());

        String parcel = "mutation($fo: ID!, $line: ID!, $n: Int!, $numbers: [String!]) { fulfillmentCreate("
                + "fulfillment: {lineItemsByFulfillmentOrder: [{fulfillmentOrderId: $fo, fulfillmentOrderLineItems: "
                + "[{id: $line, quantity: $n}]}], trackingInfo: {company: \"UPS\", numbers: $numbers}}) { "
                + "fulfillment { id trackingInfo { number company } } userErrors { message } } }";
        String shirts = line(fromWarehouse, "TS-S").id();
        JsonNode first = admin.graphQl(
                        parcel,
                        Map.of("fo", fromWarehouse.id(), "line", shirts, "n", 2, "numbers", List.of("1Z1", "1Z2")))
                .at("/data/fulfillmentCreate/fulfillment");
        assertEquals(2, first.get("trackingInfo").size());
        assertEquals("1Z2", first.at("/trackingInfo/1/number").asText());
        assertEquals("IN_PROGRESS", fromWarehouse.status());
        assertEquals("PARTIALLY_FULFILLED", order.displayFulfillmentStatus());

        clock.advance(Duration.ofDays(2));
        admin.graphQl(parcel, Map.of("fo", fromWarehouse.id(), "line", shirts, "n", 1, "numbers", List.of("1Z3")));
        assertEquals("CLOSED", fromWarehouse.status());
        assertEquals("OPEN", fromOverflow.status());
        assertEquals(
                Duration.ofDays(2),
                Duration.between(
                        order.fulfillments().get(0).createdAt(),
                        order.fulfillments().get(1).createdAt()));
        assertEquals(0, shop.quantity("TS-S", warehouse, "committed"));
        assertEquals(17, shop.quantity("TS-S", warehouse, "on_hand"));
        assertTrue(fulfil(fromOverflow.id(), null).at("/userErrors").isEmpty());
        assertEquals("FULFILLED", order.displayFulfillmentStatus());
    }

    @Test
    void theMerchantsActionsCanBeTakenOverHttpForADemo() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        String url =
                sandbox.baseUrl() + "/sandbox/shops/" + shop.domain() + "/fulfillment-orders/" + fo.legacyResourceId();
        JsonNode requested = form(url, "action=request-fulfillment&message=Rush&format=json");
        assertEquals(fo.id(), requested.get("submittedFulfillmentOrder").asText());
        assertEquals("SUBMITTED", fo.requestStatus());
        await().atMost(Duration.ofSeconds(10))
                .until(() -> !callback.deliveries().isEmpty());
        JsonNode unknown = form(url, "action=explode&format=json");
        assertEquals("[\"action\"]", unknown.at("/userErrors/0/field").toString());
        JsonNode notHoldable = form(url, "action=hold&reason=OTHER&format=json");
        assertTrue(notHoldable.at("/userErrors/0/message").asText().contains("cannot be placed on hold"));
        JsonNode state = AdminClient.JSON.readTree(java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(
                                        sandbox.baseUrl() + "/sandbox/shops/" + shop.domain() + "/state"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString())
                .body());
        assertEquals(
                "SUBMITTED",
                state.at("/orders/0/fulfillmentOrders/0/requestStatus").asText());
    }

    @Test
    void theMerchantsJavaControlsHoldReleaseAndMoveAndAHeldOrderCannotBeRequested() throws Exception {
        Order order = shop.placeOrder(serviceLocation, true, Map.of("TS-S", 1));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        assertTrue(((List<?>) shop.hold(fo, "HIGH_RISK_OF_FRAUD", "risk").get("userErrors")).isEmpty());
        assertEquals("ON_HOLD", fo.status());
        assertTrue(submit(fo.id()).at("/userErrors/0/message").asText().contains("status on_hold"));
        assertTrue(((List<?>) shop.releaseHolds(fo).get("userErrors")).isEmpty());
        assertEquals("OPEN", fo.status());
        assertTrue(((List<?>) shop.move(fo, warehouse).get("userErrors")).isEmpty());
        assertEquals(warehouse, fo.location());
        assertEquals(1, shop.quantity("TS-S", warehouse, "committed"));
        assertEquals(1, ((List<?>) shop.requestFulfillment(fo, null).get("userErrors")).size());
    }

    @Test
    void eachParcelKeepsItsOwnCustomerNotificationChoice() throws Exception {
        Order order = shop.placeOrder(warehouse, true, Map.of("TS-S", 2));
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        String line = line(fo, "TS-S").id();
        String create = "mutation($fo: ID!, $line: ID!, $notify: Boolean) { fulfillmentCreate(fulfillment: {"
                + "notifyCustomer: $notify, lineItemsByFulfillmentOrder: [{fulfillmentOrderId: $fo, "
                + "fulfillmentOrderLineItems: [{id: $line, quantity: 1}]}]}) { userErrors { message } } }";
        admin.graphQl(create, Map.of("fo", fo.id(), "line", line, "notify", true));
        admin.graphQl(create, AdminClient.input("fo", fo.id(), "line", line, "notify", null));
        assertTrue(order.fulfillments().get(0).notifyCustomer());
        assertTrue(!order.fulfillments().get(1).notifyCustomer());
    }

    private static JsonNode form(String url, String body) throws Exception {
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(java.net.URI.create(url))
                                .header("Content-Type", "application/x-www-form-urlencoded")
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        return AdminClient.JSON.readTree(response.body());
    }

    // ---- helpers -----------------------------------------------------------------------------------------------

    private JsonNode submit(String fo) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!) { fulfillmentOrderSubmitFulfillmentRequest(id: $id) { "
                                + "submittedFulfillmentOrder { id status requestStatus } userErrors { field message } "
                                + "} }",
                        Map.of("id", fo))
                .at("/data/fulfillmentOrderSubmitFulfillmentRequest");
    }

    private JsonNode submitLines(String fo, String line, int quantity) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!, $lines: [FulfillmentOrderLineItemInput!]) { "
                                + "fulfillmentOrderSubmitFulfillmentRequest(id: $id, fulfillmentOrderLineItems: "
                                + "$lines) { submittedFulfillmentOrder { id } unsubmittedFulfillmentOrder { id } "
                                + "userErrors { field message } } }",
                        Map.of("id", fo, "lines", List.of(Map.of("id", line, "quantity", quantity))))
                .at("/data/fulfillmentOrderSubmitFulfillmentRequest");
    }

    /** A fulfillment service's answer (accept or reject a request or a cancellation), with more arguments. */
    private JsonNode answer(String mutation, String fo, String arguments) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!) { " + mutation + "(id: $id" + arguments + ") { fulfillmentOrder { "
                                + "status requestStatus } userErrors { field message } } }",
                        Map.of("id", fo))
                .at("/data/" + mutation);
    }

    private JsonNode hold(String fo, String reason, String handle, Map<String, Integer> lines) throws Exception {
        Map<String, Object> input = AdminClient.input("reason", reason, "reasonNotes", "notes", "handle", handle);
        if (lines != null) {
            input.put(
                    "fulfillmentOrderLineItems",
                    lines.entrySet().stream()
                            .map(e -> Map.of("id", e.getKey(), "quantity", e.getValue()))
                            .toList());
        }
        return admin.graphQl(
                        "mutation($id: ID!, $hold: FulfillmentOrderHoldInput!) { fulfillmentOrderHold(id: $id, "
                                + "fulfillmentHold: $hold) { fulfillmentHold { id reason displayReason handle } "
                                + "fulfillmentOrder { status } remainingFulfillmentOrder { id status } userErrors { "
                                + "code field message } } }",
                        Map.of("id", fo, "hold", input))
                .at("/data/fulfillmentOrderHold");
    }

    private JsonNode move(String fo, String to, List<Map<String, Object>> lines) throws Exception {
        return admin.graphQl(
                        "mutation($id: ID!, $to: ID!, $lines: [FulfillmentOrderLineItemInput!]) { "
                                + "fulfillmentOrderMove(id: $id, newLocationId: $to, fulfillmentOrderLineItems: "
                                + "$lines) { movedFulfillmentOrder { id status assignedLocation { location { id } } } "
                                + "originalFulfillmentOrder { id status } userErrors { code field message } } }",
                        AdminClient.input("id", fo, "to", to, "lines", lines))
                .at("/data/fulfillmentOrderMove");
    }

    /** Ships units of one fulfillment order (all that remain when {@code lines} is null). */
    private JsonNode fulfil(String fo, Map<String, Integer> lines) throws Exception {
        Map<String, Object> group = AdminClient.input("fulfillmentOrderId", fo);
        if (lines != null) {
            group.put(
                    "fulfillmentOrderLineItems",
                    lines.entrySet().stream()
                            .map(e -> Map.of("id", e.getKey(), "quantity", e.getValue()))
                            .toList());
        }
        return admin.graphQl(
                        "mutation($input: FulfillmentInput!) { fulfillmentCreate(fulfillment: $input) { fulfillment "
                                + "{ id } userErrors { field message } } }",
                        Map.of("input", Map.of("lineItemsByFulfillmentOrder", List.of(group))))
                .at("/data/fulfillmentCreate");
    }

    private List<String> actions(String fo) throws Exception {
        JsonNode node = admin.graphQl("query($id: ID!) { fulfillmentOrder(id: $id) { " + FO + " } }", Map.of("id", fo))
                .at("/data/fulfillmentOrder/supportedActions");
        return java.util.stream.StreamSupport.stream(node.spliterator(), false)
                .map(a -> a.get("action").asText())
                .toList();
    }

    private static List<String> requestStatuses(Order order) {
        return order.fulfillmentOrders().stream()
                .map(FulfillmentOrder::requestStatus)
                .toList();
    }

    private static FulfillmentOrderLineItem line(FulfillmentOrder fo, String sku) {
        return fo.lineItems().stream()
                .filter(li -> li.sku().equals(sku))
                .findFirst()
                .orElseThrow();
    }

    private void awaitTopics(String... topics) {
        for (String topic : topics) {
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> !webhooks.deliveries(topic).isEmpty());
        }
    }
}
