package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Customer;
import wms.shopify.sandbox.Shop;

/**
 * Shopify's privacy requests against the real server, with two customers of one store: Alice, whose data is asked
 * for and then erased, and Carol, whose data must stay exactly as it was until the shop itself is redacted. Each of
 * them has a shipped order with a return requested (order and return webhooks stored) and Alice an order still
 * waiting in the WMS feed. The requests are signed as Shopify signs them, with the payloads Shopify documents. Every
 * test has a store of its own with both customers, and sends the requests that come before the one it is about.
 */
class PrivacyIT {

    private static final ObjectMapper JSON = new ObjectMapper();

    static SandboxConnector connector;
    static WmsFixture wms;

    @BeforeAll
    static void connectorAndWms() throws Exception {
        connector = SandboxConnector.get(
                List.of("ORDER_SWEEP_INTERVAL_SECONDS=0", "SHIPPING_RETRY_BASE_SECONDS=1", "SHIPPING_SWEEP_SECONDS=2"));
        wms = new WmsFixture(connector, "privacy-it");
    }

    /** A store of a test's own, its two customers and their orders. */
    record TwoCustomers(
            ShippedOrderFixture store,
            Customer alice,
            Customer carol,
            wms.shopify.sandbox.Order aliceShipped,
            wms.shopify.sandbox.Order aliceWaiting,
            wms.shopify.sandbox.Order carolShipped) {
        Shop shop() {
            return this.store.shop;
        }

        String domain() {
            return this.store.shop.domain();
        }

        long storeId() {
            return this.store.storeId;
        }
    }

    /**
     * A new store with Alice and Carol: each with a shipped order and a return requested of it, Alice with a second
     * order waiting in the WMS feed, every webhook of them processed.
     */
    private static TwoCustomers twoCustomersWithOrdersAndReturns(String domain) throws Exception {
        ShippedOrderFixture store = ShippedOrderFixture.store(
                wms, domain, "Privacy main", 100, "WH-PRIV", "Shirt", "P-SHIRT", "W-SHIRT", "Mug", "P-MUG", "W-MUG");
        Shop shop = store.shop;
        Customer alice =
                shop.addCustomer("Alice", "Liddell", "alice@example.com", "+44 1865 270000", "Christ Church 1");
        Customer carol = shop.addCustomer("Carol", "Danvers", "carol@example.com", "+1 555 0100", "Hala Street 7");
        String shipments = domain.substring(0, domain.indexOf('.'));
        var aliceShipped = shippedOrderWithReturn(store, shipments + "-A", alice);
        var carolShipped = shippedOrderWithReturn(store, shipments + "-C", carol);
        var aliceWaiting = shop.placeOrder(store.location, true, Map.of("P-MUG", 1), alice);
        await(() -> wms.orderEntry(aliceWaiting.id()) != null, "Alice's second order in the feed");
        awaitProcessed();
        return new TwoCustomers(store, alice, carol, aliceShipped, aliceWaiting, carolShipped);
    }

    /** Alice's data asked for (data request {@code id}), then erased at Shopify's request: the story so far. */
    private static void aliceAskedForThenErased(TwoCustomers store, int dataRequest) throws Exception {
        long before = wms.count("select coalesce(max(id), 0) from activity_event");
        deliver(
                store,
                "customers/data_request",
                store.alice().dataRequestPayload(store.shop(), List.of(store.aliceShipped()), dataRequest));
        awaitActivity(before, "data request " + dataRequest);
        before = wms.count("select coalesce(max(id), 0) from activity_event");
        deliver(store, "customers/redact", store.alice().redactPayload(store.shop(), List.of(store.aliceShipped())));
        awaitActivity(before, "erase a customer's personal data");
    }

    @Test
    void aDataRequestListsWhichOrdersAndFieldsAreHeldForTheCustomerOnly() throws Exception {
        TwoCustomers store = twoCustomersWithOrdersAndReturns("privacy-asked-it.myshopify.com");
        Customer alice = store.alice();
        var aliceShipped = store.aliceShipped();
        var aliceWaiting = store.aliceWaiting();
        var carolShipped = store.carolShipped();
        long before = wms.count("select coalesce(max(id), 0) from activity_event");
        // Shopify names the orders it knows of; the connector adds what its stored webhooks tie to the customer.
        deliver(store, "customers/data_request", alice.dataRequestPayload(store.shop(), List.of(aliceShipped), 9001));
        String entry = awaitActivity(before, "data request 9001");
        assertTrue(entry.contains("(customer " + alice.id() + " of " + store.domain() + ")"), entry);
        assertTrue(entry.contains("2 imported orders"), entry);
        for (var order : List.of(aliceShipped, aliceWaiting)) {
            assertTrue(
                    entry.contains(order.name() + " (" + order.id() + "): name, shipping address, e-mail, phone"),
                    "which fields of " + order.name() + ": " + entry);
        }
        assertTrue(entry.contains("× returns/request") && entry.contains("× orders/create"), entry);
        assertFalse(
                entry.contains(carolShipped.id()) || entry.contains(carolShipped.name() + " "),
                "nothing of Carol: " + entry);
        assertFalse(entry.contains(alice.email()), "the entry names no e-mail: " + entry);
        String page = connector
                .get(connector.signedInAdmin(), "/admin/activity.xhtml")
                .body();
        assertTrue(
                page.contains("data request 9001") && page.contains(aliceShipped.name() + " ("),
                "the merchant reads it on the Activity page");
        assertEquals(
                1,
                wms.count("select count(*) from webhook_delivery where store_id = " + store.storeId()
                        + " and topic = 'customers/data_request' and outcome = 'PROCESSED'"));
    }

    @Test
    void aCustomerRedactionErasesThatCustomerEverywhereAndNothingOfTheOther() throws Exception {
        TwoCustomers store = twoCustomersWithOrdersAndReturns("privacy-erased-it.myshopify.com");
        Customer alice = store.alice();
        var aliceShipped = store.aliceShipped();
        var aliceWaiting = store.aliceWaiting();
        var carolShipped = store.carolShipped();
        long storeId = store.storeId();
        // Alice asked for her data first: that request names her too, and its activity entry names her.
        long asked = wms.count("select coalesce(max(id), 0) from activity_event");
        deliver(store, "customers/data_request", alice.dataRequestPayload(store.shop(), List.of(aliceShipped), 9001));
        awaitActivity(asked, "data request 9001");

        Map<Long, String> aliceBodies = bodiesNaming(storeId, aliceShipped, aliceWaiting);
        Map<Long, String> carolBodies = bodiesNaming(storeId, carolShipped);
        assertTrue(aliceBodies.values().stream().anyMatch(b -> b.startsWith("returns/")), "a return body of Alice");
        assertTrue(carolBodies.values().stream().anyMatch(b -> b.startsWith("returns/")), "a return body of Carol");
        Map<Long, String> carolBefore = bodies(carolBodies.keySet());
        Map<String, String> carolOrderBefore = orderRow(carolShipped);
        long before = wms.count("select coalesce(max(id), 0) from activity_event");

        // Shopify lists only the shipped order; the waiting one is Alice's through her stored order webhooks.
        String redactId = deliver(store, "customers/redact", alice.redactPayload(store.shop(), List.of(aliceShipped)));
        String summary = awaitActivity(before, "erase a customer's personal data");
        assertTrue(summary.contains("of 2 orders erased"), summary);
        assertTrue(
                summary.contains((aliceBodies.size() + 1) + " stored webhook bodies erased"),
                "her order and return bodies and her data request: " + summary);
        assertTrue(summary.contains("1 activity entries about the customer erased"), summary);

        for (var order : List.of(aliceShipped, aliceWaiting)) {
            Map<String, String> row = orderRow(order);
            for (String column : List.of(
                    "ship_name",
                    "ship_address1",
                    "ship_city",
                    "ship_zip",
                    "ship_phone",
                    "contact_email",
                    "contact_phone",
                    "note")) {
                assertNull(row.get(column), column + " of " + order.name() + " erased");
            }
            assertNotNull(row.get("redacted_at"));
            assertEquals("1", row.get("lines"), "the goods stay: " + order.name());
        }
        Map<Long, String> aliceAfter = bodies(aliceBodies.keySet());
        aliceAfter.forEach((id, body) ->
                assertEquals("{}", body, "Alice's delivery " + id + " (" + aliceBodies.get(id) + ") erased"));
        assertEquals(
                "{}",
                wms.text("select convert_from(body, 'UTF8') from webhook_delivery where webhook_id = ?", redactId),
                "the request itself names her e-mail and phone: erased once acted on");
        assertEquals(
                "{}",
                wms.text(
                        "select convert_from(body, 'UTF8') from webhook_delivery where store_id = " + storeId
                                + " and topic = ?",
                        "customers/data_request"),
                "her earlier data request is erased too");
        assertEquals(
                0,
                wms.count("select count(*) from activity_event where message like '%" + alice.id() + "%'"),
                "no activity entry names her any more");
        JsonObject waiting = wms.orderEntry(aliceWaiting.id());
        assertNotNull(waiting, "her waiting order is still in the feed, for the goods");
        assertTrue(waiting.get("shipTo") == null || waiting.get("shipTo") == JsonValue.NULL, waiting.toString());
        assertTrue(waiting.get("email") == null || waiting.get("email") == JsonValue.NULL, waiting.toString());

        assertEquals(carolBefore, bodies(carolBodies.keySet()), "Carol's stored bodies are untouched");
        assertEquals(carolOrderBefore, orderRow(carolShipped), "Carol's order is untouched");
        assertEquals("Carol Danvers", carolOrderBefore.get("ship_name"));
        assertEquals("carol@example.com", carolOrderBefore.get("contact_email"));
        long erasedInStore = wms.count(
                "select count(*) from webhook_delivery where store_id = " + storeId + " and body = '\\x7b7d'::bytea");
        assertEquals(
                aliceBodies.size() + 2,
                erasedInStore,
                "exactly Alice's bodies, her data request and the " + "redaction request: nothing else");

        // Shopify may send the same request again (a new webhook id, the same body): the intake knows the body
        // (replay protection, WebhookIntake) and answers 200 without storing or acting on it again.
        String repeatId = UUID.randomUUID().toString();
        HttpResponse<String> repeat = SandboxConnector.deliverWebhook(
                connector.url(),
                store.domain(),
                "customers/redact",
                repeatId,
                JSON.writeValueAsBytes(alice.redactPayload(store.shop(), List.of(aliceShipped))));
        assertEquals(200, repeat.statusCode(), repeat.body());
        assertEquals(
                0,
                wms.count("select count(*) from webhook_delivery where webhook_id = '" + repeatId + "'"),
                "nothing stored again");
        assertEquals(carolBefore, bodies(carolBodies.keySet()), "Carol's stored bodies are still untouched");
    }

    @Test
    void aDataRequestAfterTheRedactionFindsNothingPersonal() throws Exception {
        TwoCustomers store = twoCustomersWithOrdersAndReturns("privacy-asked-again-it.myshopify.com");
        var aliceShipped = store.aliceShipped();
        aliceAskedForThenErased(store, 9001);

        long before = wms.count("select coalesce(max(id), 0) from activity_event");
        deliver(
                store,
                "customers/data_request",
                store.alice().dataRequestPayload(store.shop(), List.of(aliceShipped), 9002));
        String entry = awaitActivity(before, "data request 9002");
        assertTrue(
                entry.contains(aliceShipped.name() + " (" + aliceShipped.id() + "): nothing personal (erased)"), entry);
        assertTrue(entry.contains("no stored webhook body names the customer or these orders"), entry);
    }

    @Test
    void aShopRedactionErasesEverythingPersonalOfTheStore() throws Exception {
        TwoCustomers store = twoCustomersWithOrdersAndReturns("privacy-shop-erased-it.myshopify.com");
        long storeId = store.storeId();
        aliceAskedForThenErased(store, 9001);

        long before = wms.count("select coalesce(max(id), 0) from activity_event");
        deliver(
                store,
                "customers/data_request",
                store.carol().dataRequestPayload(store.shop(), List.of(store.carolShipped()), 9003));
        awaitActivity(before, "data request 9003");
        long orders = wms.count("select count(*) from shop_order where store_id = " + storeId);
        long bodies = wms.count("select count(*) from webhook_delivery where store_id = " + storeId);
        before = wms.count("select coalesce(max(id), 0) from activity_event");

        String redactId = deliver(store, "shop/redact", store.shop().shopRedactPayload());
        String summary = awaitActivity(before, "erase the shop's data");
        assertTrue(summary.contains("of " + (orders - 2) + " orders erased"), "all but Alice's two: " + summary);
        assertEquals(
                0,
                wms.count("select count(*) from shop_order where store_id = " + storeId
                        + " and (redacted_at is null or ship_name is not null or contact_email is not null)"));
        assertEquals(
                0,
                wms.count("select count(*) from webhook_delivery where store_id = " + storeId + " and webhook_id <> '"
                        + redactId + "' and body <> '\\x7b7d'::bytea"),
                "every stored body of the store erased (of " + bodies + ")");
        assertEquals(
                0,
                wms.count("select count(*) from activity_event where message like '%(customer gid://%of "
                        + store.domain() + ")%'"),
                "no entry names a customer of the store");
        assertEquals(
                orders,
                wms.count("select count(*) from shop_order where store_id = " + storeId),
                "the orders stay for the warehouse's records, without the customer");
    }

    // ---- helpers -------------------------------------------------------------------------------------------

    private static wms.shopify.sandbox.Order shippedOrderWithReturn(
            ShippedOrderFixture store, String key, Customer customer) throws Exception {
        var order = store.shop.placeOrder(store.location, true, Map.of("P-SHIRT", 1), customer);
        long id = wms.acceptedOrder(order.id());
        ShippedOrderFixture.shipAndAwait(wms, key, id, "W-SHIRT", 1);
        store.shop.requestReturn(order, Map.of("P-SHIRT", 1));
        return order;
    }

    /** Delivers a privacy request, signed, and waits until it is processed; its webhook id. */
    private static String deliver(TwoCustomers store, String topic, Map<String, Object> payload) throws Exception {
        String webhookId = UUID.randomUUID().toString();
        HttpResponse<String> answer = SandboxConnector.deliverWebhook(
                connector.url(), store.domain(), topic, webhookId, JSON.writeValueAsBytes(payload));
        assertEquals(200, answer.statusCode(), answer.body());
        await(
                () -> "PROCESSED"
                        .equals(wms.text("select outcome from webhook_delivery where webhook_id = ?", webhookId)),
                topic + " processed");
        return webhookId;
    }

    /** The topic of each stored delivery of the store whose body names one of the orders, by delivery id. */
    private static Map<Long, String> bodiesNaming(long storeId, wms.shopify.sandbox.Order... orders) throws Exception {
        Map<Long, String> found = new LinkedHashMap<>();
        for (var order : orders) {
            try (Connection db = connector.jdbc();
                    PreparedStatement select = db.prepareStatement(
                            "select id, topic "
                                    + "from webhook_delivery where store_id = ? and convert_from(body, 'UTF8') like ? order by id")) {
                select.setLong(1, storeId);
                select.setString(2, "%\"" + order.id() + "\"%");
                try (ResultSet rows = select.executeQuery()) {
                    while (rows.next()) {
                        found.put(rows.getLong(1), rows.getString(2));
                    }
                }
            }
        }
        assertFalse(found.isEmpty(), "stored bodies name the orders");
        return found;
    }

    private static Map<Long, String> bodies(java.util.Collection<Long> ids) throws Exception {
        Map<Long, String> bodies = new LinkedHashMap<>();
        try (Connection db = connector.jdbc();
                PreparedStatement select = db.prepareStatement("select id, "
                        + "convert_from(body, 'UTF8') from webhook_delivery where id = any(?) order by id")) {
            select.setArray(1, db.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    bodies.put(rows.getLong(1), rows.getString(2));
                }
            }
        }
        return bodies;
    }

    private static Map<String, String> orderRow(wms.shopify.sandbox.Order order) throws Exception {
        Map<String, String> row = new LinkedHashMap<>();
        try (Connection db = connector.jdbc();
                PreparedStatement select = db.prepareStatement("select ship_name, "
                        + "ship_address1, ship_city, ship_zip, ship_phone, contact_email, contact_phone, note, "
                        + "cast(redacted_at as varchar) as redacted_at, (select count(*) from shop_order_line l "
                        + "where l.order_id = o.id) as lines from shop_order o where shopify_order_id = ?")) {
            select.setString(1, order.id());
            try (ResultSet rows = select.executeQuery()) {
                assertTrue(rows.next(), "order " + order.name() + " imported");
                for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                    row.put(rows.getMetaData().getColumnLabel(i), rows.getString(i));
                }
            }
        }
        return row;
    }

    /** Waits for the privacy activity entry (after event {@code after}) that contains the text; its message. */
    private static String awaitActivity(long after, String containing) throws Exception {
        String[] found = new String[1];
        await(
                () -> (found[0] = wms.text(
                                "select message from activity_event where category = 'privacy' and id > " + after
                                        + " and message like ? order by id desc limit 1",
                                "%" + containing + "%"))
                        != null,
                "the activity entry with \"" + containing + "\"");
        return found[0];
    }

    private static void awaitProcessed() throws Exception {
        await(
                () -> wms.count("select count(*) from webhook_delivery where outcome = 'RECEIVED'") == 0,
                "the webhook queue to drain");
    }

    private static void await(WmsFixture.Check check, String what) throws Exception {
        WmsFixture.await(Duration.ofSeconds(60), check, what, () -> "; latest privacy entries: " + latest());
    }

    private static List<String> latest() throws Exception {
        List<String> messages = new ArrayList<>();
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement()
                        .executeQuery("select message " + "from activity_event order by id desc limit 5")) {
            while (rows.next()) {
                messages.add(rows.getString(1));
            }
        }
        return messages;
    }
}
