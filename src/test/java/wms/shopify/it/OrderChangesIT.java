package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.json;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import wms.shopify.sandbox.FulfillmentOrder;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * Orders that change on Shopify after the WMS has them (issue 19 §2), against the Shopify sandbox: the WMS's answer to
 * a cancellation ("cancelled", or "too late" with what had shipped), validated, recorded once, shown on the Orders
 * page and in the Activity log, and untouched by a cancellation webhook delivered again; holds placed and released on
 * Shopify (a HOLD and a RELEASE entry once the WMS has the order, out of the feed before), whatever the order and
 * number of their webhooks; and holds the WMS places and releases on Shopify through the API.
 */
class OrderChangesIT {

    private static final String DOMAIN = "order-changes-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static WmsFixture wmsApi;

    @BeforeAll
    static void storeWithMappedCatalog() throws Exception {
        connector = SandboxConnector.get(List.of("ORDER_SWEEP_INTERVAL_SECONDS=0"));
        shop = WmsFixture.stockedShop(
                connector, DOMAIN, "Changes main", 100, "Shirt", "C-SHIRT", "Mug", "C-MUG", "Cap", "C-CAP");
        main = shop.location("Changes main");
        wmsApi = new WmsFixture(connector, "order-changes-it");
        wmsApi.installForOrders(shop, main, "WH-CHG", null);
        wmsApi.catalog(DOMAIN, "X-SHIRT", "C-SHIRT", "X-MUG", "C-MUG", "X-CAP", "C-CAP");
    }

    @Test
    void theWmsAnswersACancellationCancelledOnceAndItShowsOnActivity() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-MUG", 1));
        long id = wmsApi.acceptedOrder(order.id());
        shop.cancelOrder(order, "CUSTOMER");
        JsonObject cancellation = awaitKind(order.id(), "CANCELLATION");
        long revision = cancellation.getJsonNumber("revision").longValue();
        assertEquals(0, demand(order.id()), "a cancelled order is no demand");

        HttpResponse<String> toOrder = answer(id, "{\"revision\":" + revision + ",\"outcome\":\"CANCELLED\"}");
        assertEquals(200, toOrder.statusCode(), toOrder.body());
        assertEquals("done", json(toOrder).getString("answered"));
        assertNull(wmsApi.orderEntry(order.id()), "answered: out of the feed");
        assertEquals(
                "already",
                json(answer(id, "{\"revision\":" + revision + ",\"outcome\":\"CANCELLED\"}"))
                        .getString("answered"),
                "the same answer again is harmless");
        HttpResponse<String> other = answer(id, tooLate(revision, "X-MUG", 1, "on the truck"));
        assertEquals(409, other.statusCode(), other.body());
        assertTrue(other.body().contains("answered otherwise"), other.body());

        JsonObject shown = json(wmsApi.api("GET", "/api/v1/orders/" + id, null));
        assertEquals("CANCELLED", shown.getJsonObject("cancellationAnswer").getString("outcome"));
        assertTrue(shown.getJsonObject("cancellationAnswer")
                .getJsonArray("shipped")
                .isEmpty());
        assertEquals(1, activity("%" + order.name() + "%answered the cancellation \"cancelled\"%"));

        // Shopify sends orders/cancelled again (a duplicate, and one after the answer): nothing new for the WMS.
        redeliver("orders/cancelled", order);
        assertNull(wmsApi.orderEntry(order.id()), "no second cancellation entry");
        assertEquals(
                "CANCELLED",
                wmsApi.text("select cancellation_answer from shop_order where shopify_order_id = ?", order.id()));
    }

    @Test
    void tooLateWithWhatShippedIsRecordedAndShownOnTheOrdersPage() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-SHIRT", 2, "C-CAP", 1));
        long id = wmsApi.acceptedOrder(order.id());
        shop.cancelOrder(order, "CUSTOMER");
        long revision =
                awaitKind(order.id(), "CANCELLATION").getJsonNumber("revision").longValue();

        HttpResponse<String> answered = answer(id, tooLate(revision, "X-SHIRT", 2, "left the warehouse at 10:02"));
        assertEquals(200, answered.statusCode(), answered.body());
        assertNull(wmsApi.orderEntry(order.id()));
        JsonObject shown = json(wmsApi.api("GET", "/api/v1/orders/" + id, null)).getJsonObject("cancellationAnswer");
        assertEquals("TOO_LATE", shown.getString("outcome"));
        assertEquals("left the warehouse at 10:02", shown.getString("reason"));
        assertEquals("X-SHIRT", shown.getJsonArray("shipped").getJsonObject(0).getString("product"));
        assertEquals(2, shown.getJsonArray("shipped").getJsonObject(0).getInt("quantity"));
        assertEquals(1, activity("%" + order.name() + "%\"too late\": it had shipped 2 × X-SHIRT%10:02%"));
        assertEquals(0, demand(order.id()));

        long rowId = wmsApi.count("select id from shop_order where shopify_order_id = '" + order.id() + "'");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml?state=CANCELLED");
            String state = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .state"));
            assertTrue(state.contains("WMS: too late"), state);
            String why = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .why"));
            assertTrue(why.contains("had shipped 2 × X-SHIRT") && why.contains("left the warehouse"), why);
            browser.screenshot("orders-cancellation-too-late");
        }
    }

    @Test
    void aBadAnswerIsA400NamingTheFieldAndChangesNothing() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-MUG", 2));
        long id = wmsApi.acceptedOrder(order.id());
        HttpResponse<String> notACancellation = answer(
                id,
                "{\"revision\":"
                        + wmsApi.longValue("select feed_seq from shop_order where id = " + id)
                        + ",\"outcome\":\"CANCELLED\"}");
        assertEquals(409, notACancellation.statusCode(), notACancellation.body());
        assertTrue(notACancellation.body().contains("not a cancellation"), notACancellation.body());

        shop.cancelOrder(order, "CUSTOMER");
        long revision =
                awaitKind(order.id(), "CANCELLATION").getJsonNumber("revision").longValue();
        refused(id, "{\"revision\":" + revision + "}", "outcome");
        refused(id, "{\"revision\":" + revision + ",\"outcome\":\"MAYBE\"}", "outcome");
        refused(id, "{\"outcome\":\"CANCELLED\"}", "revision");
        refused(id, "{\"revision\":" + revision + ",\"outcome\":\"TOO_LATE\",\"reason\":\"packed\"}", "shipped");
        refused(
                id,
                "{\"revision\":" + revision + ",\"outcome\":\"TOO_LATE\",\"shipped\":[{\"product\":\"X-MUG\","
                        + "\"quantity\":1}]}",
                "reason");
        refused(
                id,
                "{\"revision\":" + revision + ",\"outcome\":\"CANCELLED\",\"shipped\":[{\"product\":\"X-MUG\","
                        + "\"quantity\":1}]}",
                "shipped");
        refused(id, tooLate(revision, "X-MUG", 1.5, "x"), "shipped[0].quantity");
        refused(id, tooLate(revision, "X-SHIRT", 1, "not in the order"), "shipped[0].product");
        refused(id, tooLate(revision, "X-MUG", 3, "more than ordered"), "shipped[0].quantity");
        refused(id, "{\"revision\":" + revision + ",\"outcome\":\"CANCELLED\",\"why\":\"x\"}", "why");
        assertNotNull(wmsApi.orderEntry(order.id()), "nothing changed: the cancellation waits in the feed");
        assertNull(wmsApi.text("select cancellation_answer from shop_order where shopify_order_id = ?", order.id()));

        HttpResponse<String> stale = answer(id, "{\"revision\":" + (revision - 1) + ",\"outcome\":\"CANCELLED\"}");
        assertEquals(409, stale.statusCode(), stale.body());
        assertEquals(
                404,
                answer(999_999_999L, "{\"revision\":1,\"outcome\":\"CANCELLED\"}")
                        .statusCode());

        // A plain acknowledgement of the cancellation entry means "cancelled", and stands.
        assertEquals(200, wmsApi.acknowledge("orders", id, revision).statusCode());
        assertEquals(
                "CANCELLED",
                wmsApi.text("select cancellation_answer from shop_order where shopify_order_id = ?", order.id()));
        assertEquals(
                "already",
                json(answer(id, "{\"revision\":" + revision + ",\"outcome\":\"CANCELLED\"}"))
                        .getString("answered"));
        assertEquals(409, answer(id, tooLate(revision, "X-MUG", 1, "late")).statusCode());
    }

    @Test
    void aHoldOnShopifyAfterAcceptanceIsAHoldEntryAndItsReleaseARelease() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-CAP", 1));
        long id = wmsApi.acceptedOrder(order.id());
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        shop.hold(fo, "HIGH_RISK_OF_FRAUD", "card declined twice");
        JsonObject hold = awaitKind(order.id(), "HOLD");
        assertEquals(id, hold.getJsonNumber("orderId").longValue());
        assertEquals("HIGH_RISK_OF_FRAUD", hold.getJsonObject("hold").getString("reason"));
        assertEquals("card declined twice", hold.getJsonObject("hold").getString("notes"));
        assertEquals(1, quantitiesOf(hold).get("X-CAP"), "the entry carries the order's lines");
        long holdRevision = hold.getJsonNumber("revision").longValue();

        redeliverForFulfillmentOrder("fulfillment_orders/placed_on_hold", fo);
        assertEquals(
                holdRevision,
                wmsApi.orderEntry(order.id()).getJsonNumber("revision").longValue(),
                "a duplicate hold signal gives no new entry");
        assertEquals(200, wmsApi.acknowledge("orders", id, holdRevision).statusCode());
        assertNull(wmsApi.orderEntry(order.id()));
        assertEquals("ACCEPTED", state(order.id()));
        assertEquals(1, activity("%" + order.name() + "%put on hold on Shopify (HIGH_RISK_OF_FRAUD%stop%"));

        shop.releaseHolds(fo);
        JsonObject release = awaitKind(order.id(), "RELEASE");
        assertTrue(!release.containsKey("hold") || release.isNull("hold"), release.toString());
        long releaseRevision = release.getJsonNumber("revision").longValue();
        assertTrue(releaseRevision > holdRevision);
        // The hold's signal again, after its release (late, out of order): the order as it is now has no hold.
        redeliverForFulfillmentOrder("fulfillment_orders/placed_on_hold", fo);
        assertEquals(
                releaseRevision,
                wmsApi.orderEntry(order.id()).getJsonNumber("revision").longValue(),
                "a late hold signal does not hold the order again");
        assertEquals(200, wmsApi.acknowledge("orders", id, releaseRevision).statusCode());
        assertEquals(1, activity("%" + order.name() + "%hold on Shopify was released%"));
    }

    @Test
    void aHoldBeforeTheWmsAcknowledgedTakesTheOrderOutOfTheFeedUntilReleased() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-SHIRT", 1));
        JsonObject entry = awaitKind(order.id(), "ORDER");
        long id = entry.getJsonNumber("orderId").longValue();
        long revision = entry.getJsonNumber("revision").longValue();
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        shop.hold(fo, "AWAITING_PAYMENT", null);
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> "HELD".equals(state(order.id())),
                "order " + order.id() + " held",
                () -> "; state " + state(order.id()));
        assertEquals(
                "ON_HOLD_AT_SHOPIFY",
                wmsApi.text("select hold_reason from shop_order where shopify_order_id = ?", order.id()));
        assertNull(wmsApi.orderEntry(order.id()), "out of the feed while on hold");
        HttpResponse<String> late = wmsApi.acknowledge("orders", id, revision);
        assertEquals(
                409, late.statusCode(), "the revision read before the hold can no longer be taken: " + late.body());
        assertTrue(demand(order.id()) > 0, "Shopify still holds its units: demand");

        shop.releaseHolds(fo);
        JsonObject again = awaitKind(order.id(), "ORDER");
        assertTrue(again.getJsonNumber("revision").longValue() > revision);
        assertEquals(
                200,
                wmsApi.acknowledge("orders", id, again.getJsonNumber("revision").longValue())
                        .statusCode());
        assertEquals("ACCEPTED", state(order.id()));
    }

    @Test
    void theWmsPutsAnOrderOnHoldOnShopifyAndReleasesOnlyItsOwnHold() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-MUG", 1, "C-CAP", 1));
        long id = wmsApi.acceptedOrder(order.id());
        HttpResponse<String> bad = hold(id, "{\"reason\":\"BAD_ADDRESS\",\"notes\":\"x\",\"by\":\"me\"}");
        assertEquals(400, bad.statusCode(), bad.body());
        assertEquals(
                List.of("by", "reason"),
                json(bad).getJsonArray("errors").stream()
                        .map(e -> e.asJsonObject().getString("field"))
                        .sorted()
                        .toList());
        FulfillmentOrder fo = order.fulfillmentOrders().get(0);
        assertEquals("OPEN", fo.status(), "a refused call changes nothing on Shopify");
        assertEquals(404, hold(999_999_999L, "{\"reason\":\"OTHER\"}").statusCode());

        HttpResponse<String> held = hold(id, "{\"reason\":\"INCORRECT_ADDRESS\",\"notes\":\"no such street\"}");
        assertEquals(200, held.statusCode(), held.body());
        assertEquals("done", json(held).getString("held"));
        assertEquals("ON_HOLD", fo.status());
        JsonObject entry = wmsApi.orderEntry(order.id());
        assertEquals("HOLD", entry.getString("kind"), "recorded at once: " + entry);
        assertEquals("INCORRECT_ADDRESS", entry.getJsonObject("hold").getString("reason"));
        assertEquals(
                "already", json(hold(id, "{\"reason\":\"INCORRECT_ADDRESS\"}")).getString("held"));
        assertEquals(1, activity("%" + order.name() + "%put on hold on Shopify by the WMS: INCORRECT_ADDRESS%"));

        shop.hold(fo, "OTHER", "the merchant's own");
        HttpResponse<String> released = wmsApi.api("POST", "/api/v1/orders/" + id + "/hold-release", "{}");
        assertEquals(200, released.statusCode(), released.body());
        assertEquals("done", json(released).getString("released"));
        assertEquals("ON_HOLD", fo.status(), "the merchant's hold stays");
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> "OTHER"
                        .equals(wmsApi.text(
                                "select shopify_hold_reason from shop_order where shopify_order_id = ?", order.id())),
                "the merchant's hold to be what holds the order",
                () -> "");
        shop.releaseHolds(fo);
        assertEquals("RELEASE", awaitKind(order.id(), "RELEASE").getString("kind"));
        assertEquals(
                "already",
                json(wmsApi.api("POST", "/api/v1/orders/" + id + "/hold-release", "{}"))
                        .getString("released"));
    }

    @Test
    void anEditAfterAcceptanceIsOneChangeEntryTakenOrRejectedAndDemandFollowsIt() throws Exception {
        Order order = shop.placeOrder(main, true, Map.of("C-SHIRT", 2, "C-MUG", 1));
        long id = wmsApi.acceptedOrder(order.id());
        assertEquals(0, demand(order.id()), "accepted: the WMS allocated it");

        edit(order, Map.of("C-SHIRT", 3, "C-MUG", 0), "C-CAP");
        JsonObject change = awaitKind(order.id(), "CHANGE");
        Map<String, String> changes = new java.util.TreeMap<>();
        change.getJsonArray("changes")
                .forEach(c -> changes.put(
                        c.asJsonObject().getString("product"),
                        c.asJsonObject().getString("change") + " "
                                + c.asJsonObject().getInt("oldQuantity") + "→"
                                + c.asJsonObject().getInt("newQuantity")));
        assertEquals(
                Map.of("X-CAP", "ADDED 0→1", "X-MUG", "REMOVED 1→0", "X-SHIRT", "CHANGED 2→3"),
                changes,
                change.toString());
        assertEquals(Map.of("X-CAP", 1, "X-SHIRT", 3), quantitiesOf(change), "the lines to ship now");
        assertEquals(2, demand(order.id()), "the units the edit added are Shopify's until the WMS takes the change");
        long revision = change.getJsonNumber("revision").longValue();

        redeliverEdit(order);
        redeliver("orders/updated", order);
        assertEquals(
                revision,
                wmsApi.orderEntry(order.id()).getJsonNumber("revision").longValue(),
                "the same edit signalled again, in any order, is no new entry");
        assertEquals(1, activity("%" + order.name() + "%changed on Shopify after the WMS accepted it%"));

        assertEquals(200, wmsApi.acknowledge("orders", id, revision).statusCode());
        assertEquals(0, demand(order.id()), "taken: the WMS allocated the change");
        assertNull(wmsApi.orderEntry(order.id()));

        edit(order, Map.of("C-SHIRT", 1), null);
        long second = awaitKind(order.id(), "CHANGE").getJsonNumber("revision").longValue();
        HttpResponse<String> noReason = rejectChange(id, "{\"revision\":" + second + "}");
        assertEquals(400, noReason.statusCode(), noReason.body());
        assertEquals(
                "reason", json(noReason).getJsonArray("errors").getJsonObject(0).getString("field"));
        HttpResponse<String> rejected =
                rejectChange(id, "{\"revision\":" + second + ",\"reason\":\"3 shirts shipped already\"}");
        assertEquals(200, rejected.statusCode(), rejected.body());
        assertEquals("done", json(rejected).getString("rejected"));
        assertEquals(
                "already",
                json(rejectChange(id, "{\"revision\":" + second + ",\"reason\":\"3 shirts shipped already\"}"))
                        .getString("rejected"));
        assertEquals(
                409,
                rejectChange(id, "{\"revision\":" + second + ",\"reason\":\"other\"}")
                        .statusCode());
        assertNull(wmsApi.orderEntry(order.id()), "rejected: out of the feed");
        assertEquals(
                "3 shirts shipped already",
                json(wmsApi.api("GET", "/api/v1/orders/" + id, null)).getString("changeRejection"));
        assertEquals(1, activity("%" + order.name() + "%the WMS rejected the change%3 shirts shipped already%"));
        redeliverEdit(order);
        assertNull(wmsApi.orderEntry(order.id()), "a rejected change is not sent again");

        long rowId = wmsApi.count("select id from shop_order where shopify_order_id = '" + order.id() + "'");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/orders.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/orders.xhtml?state=ACCEPTED");
            String state = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .state"));
            assertTrue(state.contains("change rejected by WMS"), state);
            String why = browser.text(By.cssSelector("tr[data-rk='" + rowId + "'] .why"));
            assertTrue(why.contains("3 shirts shipped already"), why);
            browser.screenshot("orders-change-rejected");
        }
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static final com.fasterxml.jackson.databind.ObjectMapper JACKSON =
            new com.fasterxml.jackson.databind.ObjectMapper();

    /**
     * The merchant edits the order in Shopify's admin: each SKU's line set to the quantity given, and one unit of a
     * new SKU added (when not null), committed at once (orderEditBegin, SetQuantity, AddVariant, Commit).
     */
    private static void edit(Order order, Map<String, Integer> quantities, String addSku) throws Exception {
        String token = connector.sandbox().issueAccessToken(shop, "read_orders,write_order_edits");
        com.fasterxml.jackson.databind.JsonNode begun = graphQl(
                        token,
                        "mutation($id: ID!) { orderEditBegin(id: $id) { calculatedOrder { id lineItems(first: 20) "
                                + "{ nodes { id sku } } } userErrors { message } } }",
                        Map.of("id", order.id()))
                .at("/data/orderEditBegin/calculatedOrder");
        String editId = begun.path("id").asText();
        for (com.fasterxml.jackson.databind.JsonNode line : begun.at("/lineItems/nodes")) {
            Integer quantity = quantities.get(line.path("sku").asText());
            if (quantity != null) {
                com.fasterxml.jackson.databind.JsonNode set = graphQl(
                        token,
                        "mutation($id: ID!, $line: ID!, $q: Int!) { orderEditSetQuantity(id: $id, lineItemId: $line, "
                                + "quantity: $q, restock: true) { userErrors { message } } }",
                        Map.of("id", editId, "line", line.path("id").asText(), "q", quantity));
                assertTrue(set.at("/data/orderEditSetQuantity/userErrors").isEmpty(), set.toString());
            }
        }
        if (addSku != null) {
            com.fasterxml.jackson.databind.JsonNode added = graphQl(
                    token,
                    "mutation($id: ID!, $variant: ID!, $location: ID) { orderEditAddVariant(id: $id, variantId: "
                            + "$variant, locationId: $location, quantity: 1) { userErrors { message } } }",
                    Map.of("id", editId, "variant", shop.item(addSku).variant().id(), "location", main.id()));
            assertTrue(added.at("/data/orderEditAddVariant/userErrors").isEmpty(), added.toString());
        }
        com.fasterxml.jackson.databind.JsonNode committed = graphQl(
                token,
                "mutation($id: ID!) { orderEditCommit(id: $id, notifyCustomer: false) { userErrors { message } } }",
                Map.of("id", editId));
        assertTrue(committed.at("/data/orderEditCommit/userErrors").isEmpty(), committed.toString());
    }

    private static com.fasterxml.jackson.databind.JsonNode graphQl(String token, String query, Map<String, ?> variables)
            throws Exception {
        HttpResponse<String> answer = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create(connector.sandbox().graphQlUrl(shop, "2026-07")))
                                .header("Content-Type", "application/json")
                                .header("X-Shopify-Access-Token", token)
                                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
                                        JACKSON.writeValueAsString(Map.of("query", query, "variables", variables))))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertEquals(200, answer.statusCode(), answer.body());
        return JACKSON.readTree(answer.body());
    }

    private static HttpResponse<String> rejectChange(long orderId, String body) throws Exception {
        return wmsApi.api("POST", "/api/v1/orders/" + orderId + "/change-rejection", body);
    }

    private static HttpResponse<String> hold(long orderId, String body) throws Exception {
        return wmsApi.api("POST", "/api/v1/orders/" + orderId + "/hold", body);
    }

    private static String state(String shopifyOrderId) throws Exception {
        return wmsApi.text("select state from shop_order where shopify_order_id = ?", shopifyOrderId);
    }

    private static Map<String, Integer> quantitiesOf(JsonObject entry) {
        return WmsFixture.quantities(entry);
    }

    /**
     * Delivers a fulfillment order's topic (again) as Shopify would, with a hold of its own (the intake takes the same
     * body twice as a replay), and waits until it was processed.
     */
    private static void redeliverForFulfillmentOrder(String topic, FulfillmentOrder fo) throws Exception {
        deliverAndAwait(
                topic,
                ("{\"fulfillment_order\":{\"id\":\"" + fo.id() + "\",\"status\":\"on_hold\"},"
                                + "\"fulfillment_hold\":{\"id\":\"gid://shopify/FulfillmentHold/" + UUID.randomUUID()
                                + "\",\"reason\":\"high_risk_of_fraud\"}}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Delivers an orders/edited of the order (an edit of its own id) and waits until it was processed. */
    private static void redeliverEdit(Order order) throws Exception {
        deliverAndAwait(
                "orders/edited",
                ("{\"order_edit\":{\"id\":" + Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L)
                                + ",\"order_id\":" + order.legacyResourceId()
                                + ",\"line_items\":{\"additions\":[],\"removals\":[]}}}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    /** Delivers the order's topic again as Shopify would (a new webhook id) and waits until it was processed. */
    private static void redeliver(String topic, Order order) throws Exception {
        deliverAndAwait(
                topic,
                ("{\"id\":" + order.legacyResourceId() + ",\"admin_graphql_api_id\":\"" + order.id() + "\"}")
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void deliverAndAwait(String topic, byte[] body) throws Exception {
        String webhookId = UUID.randomUUID().toString();
        HttpResponse<String> delivered =
                SandboxConnector.deliverWebhook(connector.url(), DOMAIN, topic, webhookId, body);
        assertEquals(200, delivered.statusCode(), delivered.body());
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> "PROCESSED"
                        .equals(wmsApi.text("select outcome from webhook_delivery where webhook_id = ?", webhookId)),
                topic + " delivered again to be processed",
                () -> "; outcome: "
                        + wmsApi.text("select outcome_note from webhook_delivery where webhook_id = ?", webhookId));
    }

    private static void refused(long id, String body, String field) throws Exception {
        HttpResponse<String> answer = answer(id, body);
        assertEquals(400, answer.statusCode(), body + " → " + answer.body());
        assertTrue(
                answer.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                answer.headers().toString());
        assertTrue(
                json(answer).getJsonArray("errors").stream()
                        .anyMatch(e -> e.asJsonObject().getString("field").equals(field)),
                body + " → " + answer.body());
    }

    private static String tooLate(long revision, String product, Number quantity, String reason) {
        return "{\"revision\":" + revision + ",\"outcome\":\"TOO_LATE\",\"shipped\":[{\"product\":\"" + product
                + "\",\"quantity\":" + quantity + "}],\"reason\":\"" + reason + "\"}";
    }

    private static HttpResponse<String> answer(long orderId, String body) throws Exception {
        return wmsApi.api("POST", "/api/v1/orders/" + orderId + "/cancellation", body);
    }

    private static JsonObject awaitKind(String shopifyOrderId, String kind) throws Exception {
        JsonObject[] found = new JsonObject[1];
        WmsFixture.await(
                Duration.ofSeconds(30),
                () -> (found[0] = wmsApi.orderEntry(shopifyOrderId)) != null
                        && found[0].getString("kind").equals(kind),
                "a " + kind + " entry of " + shopifyOrderId,
                () -> "; entry: " + found[0]);
        return found[0];
    }

    private static long demand(String shopifyOrderId) throws Exception {
        return wmsApi.count("select coalesce(sum(quantity), 0) from order_demand where shopify_order_id = '"
                + shopifyOrderId + "'");
    }

    private static long activity(String like) throws Exception {
        return wmsApi.count("select count(*) from activity_event where message like '" + like.replace("'", "''") + "'");
    }
}
