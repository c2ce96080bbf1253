package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * The WMS side of a test against the sandbox: a WMS API credential created on the WMS API page and the calls made
 * with it, stores installed with a mapped warehouse, the WMS catalog registered and mapped by Sync Products, stock
 * sync switched on and movements sent. Shared by the stock, orders, shipping, returns and product ITs and the
 * benchmarks.
 */
final class WmsFixture {

    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-secret\"[^>]*>([^<]+)</code>");
    private static final HttpClient HTTP = ConnectorServer.client();
    private static final AtomicLong SEQUENCE = new AtomicLong(System.currentTimeMillis());

    final SandboxConnector connector;
    final HttpClient admin;
    final String token;

    WmsFixture(SandboxConnector connector, String credentialName) throws Exception {
        this.connector = connector;
        this.admin = connector.signedInAdmin();
        String page = connector.get(this.admin, "/admin/wms-api.xhtml").body();
        HttpResponse<String> created = connector.post(
                this.admin,
                "/admin/wms-api.xhtml",
                FacesForm.of(page, "create")
                        .set("create:name", credentialName)
                        .submittedWith("create:create-credential", "Create credential"));
        Matcher matcher = TOKEN.matcher(created.body());
        assertTrue(matcher.find(), "a token is shown once");
        this.token = matcher.group(1).trim();
    }

    /** A new sandbox shop with one location and the products (pairs of title and SKU), each stocked there. */
    static Shop stockedShop(
            SandboxConnector connector, String domain, String location, int available, String... titlesAndSkus) {
        Shop shop = connector.sandbox().createShop(domain, Plan.STANDARD);
        Location at = shop.addLocation(location);
        for (int i = 0; i < titlesAndSkus.length; i += 2) {
            shop.addProduct(titlesAndSkus[i], titlesAndSkus[i + 1]);
            shop.stock(titlesAndSkus[i + 1], at, available);
        }
        return shop;
    }

    /** Installs the shop, maps the location to the warehouse (created when new) and registers the products. */
    long install(Shop shop, Location location, String warehouse) throws Exception {
        this.connector.install(this.admin, shop);
        try (Connection db = this.connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("insert into warehouse (code, name, updated_at) values ('" + warehouse + "', '"
                            + warehouse + "', now()) on conflict (code) do nothing");
            db.createStatement()
                    .executeUpdate("update store_location set warehouse_id = (select id from warehouse "
                            + "where code = '" + warehouse + "') where shopify_location_id = '" + location.id() + "'");
        }
        return storeId(shop.domain());
    }

    /**
     * Installs the shop for orders: its location mapped to the warehouse (created when new) and, when given, the
     * shipping process (created when new), and made the default location for orders.
     *
     * @return the store's id
     */
    long installForOrders(Shop shop, Location location, String warehouse, String shippingProcess) throws Exception {
        long storeId = install(shop, location, warehouse);
        if (shippingProcess != null) {
            sql("insert into shipping_process (code, name, updated_at) values ('" + shippingProcess + "', '"
                    + shippingProcess + "', now()) on conflict (code) do nothing");
            sql("update store_location set shipping_process_id = (select id from shipping_process where code = '"
                    + shippingProcess + "') where shopify_location_id = '" + location.id() + "'");
        }
        sql("update store_location set default_for_orders = true where shopify_location_id = '" + location.id() + "'");
        return storeId;
    }

    /**
     * Registers WMS products (name = code) and maps them to the store's variants with Sync Products.
     *
     * @param codesAndSkus pairs of WMS product code and the SKU it sells as
     */
    void catalog(String domain, String... codesAndSkus) throws Exception {
        JsonArrayBuilder products = Json.createArrayBuilder();
        for (int i = 0; i < codesAndSkus.length; i += 2) {
            products.add(Json.createObjectBuilder()
                    .add("code", codesAndSkus[i])
                    .add("sku", codesAndSkus[i + 1])
                    .add("name", codesAndSkus[i]));
        }
        HttpResponse<String> registered =
                api("PUT", "/api/v1/products", products.build().toString());
        assertEquals(200, registered.statusCode(), registered.body());
        assertEquals("succeeded", syncProducts(domain).getString("state"));
    }

    /** Registers one WMS product per SKU, code = "W-" + SKU. */
    void registerProducts(List<String> skus) throws Exception {
        for (int from = 0; from < skus.size(); from += 5000) {
            JsonArrayBuilder products = Json.createArrayBuilder();
            for (String sku : skus.subList(from, Math.min(skus.size(), from + 5000))) {
                products.add(Json.createObjectBuilder()
                        .add("code", "W-" + sku)
                        .add("sku", sku)
                        .add("name", sku));
            }
            HttpResponse<String> registered =
                    api("PUT", "/api/v1/products", products.build().toString());
            assertEquals(200, registered.statusCode(), registered.body());
        }
    }

    /** Sync Products of the store, waited for: its result as the API answers it. */
    JsonObject syncProducts(String domain) throws Exception {
        HttpResponse<String> started = api("POST", "/api/v1/stores/" + domain + "/product-sync", null);
        assertEquals(202, started.statusCode(), started.body());
        JsonObject[] latest = new JsonObject[1];
        await(
                Duration.ofSeconds(180),
                () -> {
                    try {
                        latest[0] = json(api("GET", "/api/v1/stores/" + domain + "/product-sync", null));
                        return !"running".equals(latest[0].getString("state"));
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                },
                "product sync of " + domain);
        return latest[0];
    }

    /** Stock sync on for the store (and the Shopify plugin active, without which nothing is pushed). */
    void stockSync(long storeId, String mode, int windowSeconds) throws Exception {
        sql("update plugin set active = true where code = 'shopify'");
        sql("update stock_policy set sync_enabled = true, sync_mode = '" + mode + "', coalescing_window_seconds = "
                + windowSeconds + " where store_id = " + storeId);
    }

    long storeId(String domain) throws Exception {
        return longValue("select id from store where domain = '" + domain + "'");
    }

    static JsonObjectBuilder movement(
            String id, String type, String sku, String warehouse, long delta, long sellableAfter) {
        return Json.createObjectBuilder()
                .add("movementId", id)
                .add("type", type)
                .add("product", "W-" + sku)
                .add("warehouse", warehouse)
                .add("delta", delta)
                .add("sellableAfter", sellableAfter)
                .add("sequence", SEQUENCE.incrementAndGet());
    }

    HttpResponse<String> send(JsonObjectBuilder... movements) throws Exception {
        JsonArrayBuilder body = Json.createArrayBuilder();
        for (JsonObjectBuilder m : movements) {
            body.add(m);
        }
        return api("POST", "/api/v1/stock-movements", body.build().toString());
    }

    HttpResponse<String> api(String method, String path, String body) throws Exception {
        return api(this.connector.url(), method, path, body);
    }

    /** A call of the WMS API of the connector at this base URL (another instance on the same database). */
    HttpResponse<String> api(String baseUrl, String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + this.token);
        if (body == null) {
            request.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            request.header("Content-Type", "application/json")
                    .method(method, HttpRequest.BodyPublishers.ofString(body));
        }
        try {
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException closedMeanwhile) {
            // The server closes a connection idle for 30 s; the client may have picked it just then. Every call of
            // these tests may be sent twice (movements are idempotent by id), as a WMS would after such an error.
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /**
     * A call as a WMS makes it when the connector may be down or restarting: sent again (the same call, so it must be
     * idempotent, as every WMS API call is) until the connector answers it: no connection, an answer that is not
     * JSON (the application not deployed yet) or 502/503/504 (unavailable) are sent again; anything else, a 500
     * included, is its answer. Counts the calls that had to be sent again in {@code unanswered}.
     */
    HttpResponse<String> apiUntilAnswered(
            String method,
            String path,
            String body,
            Duration patience,
            java.util.concurrent.atomic.AtomicLong unanswered)
            throws Exception {
        Instant until = Instant.now().plus(patience);
        String last = "nothing";
        while (Instant.now().isBefore(until)) {
            try {
                HttpResponse<String> response = api(method, path, body);
                boolean json =
                        response.headers().firstValue("Content-Type").orElse("").contains("json");
                if (json
                        && response.statusCode() != 502
                        && response.statusCode() != 503
                        && response.statusCode() != 504) {
                    return response;
                }
                last = response.statusCode() + " " + response.body();
            } catch (java.io.IOException down) {
                last = down.toString();
            }
            unanswered.incrementAndGet();
            Thread.sleep(250);
        }
        throw new AssertionError(method + " " + path + " not answered within " + patience.toSeconds() + " s: " + last);
    }

    /** One page of the WMS order feed. */
    HttpResponse<String> feed(long after, int limit) throws Exception {
        return api("GET", "/api/v1/orders/feed?after=" + after + "&limit=" + limit, null);
    }

    static JsonObject json(HttpResponse<String> response) {
        return Json.createReader(new StringReader(response.body())).readObject();
    }

    void sql(String statement) throws Exception {
        try (Connection db = this.connector.jdbc()) {
            db.createStatement().executeUpdate(statement);
        }
    }

    long longValue(String query) throws Exception {
        try (Connection db = this.connector.jdbc();
                ResultSet result = db.createStatement().executeQuery(query)) {
            assertTrue(result.next(), query);
            return result.getLong(1);
        }
    }

    // ---- the WMS feeds (orders, returns) ------------------------------------------------------------------------

    /** Every unacknowledged entry of a feed ("orders" or "returns"), read page by page from the start. */
    List<JsonObject> feed(String feed, int pageSize) throws Exception {
        List<JsonObject> entries = new ArrayList<>();
        long cursor = 0;
        while (true) {
            JsonObject page =
                    json(api("GET", "/api/v1/" + feed + "/feed?after=" + cursor + "&limit=" + pageSize, null));
            page.getJsonArray("entries").forEach(e -> entries.add(e.asJsonObject()));
            if (page.getJsonArray("entries").isEmpty()) {
                return entries;
            }
            long next = page.getJsonNumber("cursor").longValue();
            assertTrue(next > cursor, "the cursor moves on");
            cursor = next;
        }
    }

    /** The order's entry in the order feed, or null. */
    JsonObject orderEntry(String shopifyOrderId) throws Exception {
        return entry("orders", "shopifyOrderId", shopifyOrderId);
    }

    /** The return's entry in the return feed, or null. */
    JsonObject returnEntry(String shopifyReturnId) throws Exception {
        return entry("returns", "shopifyReturnId", shopifyReturnId);
    }

    private JsonObject entry(String feed, String field, String value) throws Exception {
        return feed(feed, 500).stream()
                .filter(e -> e.getString(field).equals(value))
                .findFirst()
                .orElse(null);
    }

    /** The units of a feed entry per WMS product. */
    static Map<String, Integer> quantities(JsonObject entry) {
        Map<String, Integer> quantities = new TreeMap<>();
        entry.getJsonArray("lines")
                .forEach(l -> quantities.merge(
                        l.asJsonObject().getString("product"), l.asJsonObject().getInt("quantity"), Integer::sum));
        return quantities;
    }

    /** Acknowledges one revision of an entry of a feed ("orders" or "returns"). */
    HttpResponse<String> acknowledge(String feed, long id, long revision) throws Exception {
        return api("POST", "/api/v1/" + feed + "/" + id + "/acknowledgement", "{\"revision\":" + revision + "}");
    }

    /** Waits for the order in the feed and acknowledges it, as the WMS taking it: its orderId. */
    long acceptedOrder(String shopifyOrderId) throws Exception {
        JsonObject[] entry = new JsonObject[1];
        await(
                Duration.ofSeconds(60),
                () -> (entry[0] = orderEntry(shopifyOrderId)) != null,
                "order " + shopifyOrderId + " in the feed",
                () -> "");
        long id = entry[0].getJsonNumber("orderId").longValue();
        HttpResponse<String> acknowledged =
                acknowledge("orders", id, entry[0].getJsonNumber("revision").longValue());
        assertEquals(200, acknowledged.statusCode(), acknowledged.body());
        return id;
    }

    // ---- the database -------------------------------------------------------------------------------------------

    /** The first column of the first row, or null when there is none. */
    String text(String query, String parameter) throws Exception {
        try (Connection db = this.connector.jdbc();
                PreparedStatement statement = db.prepareStatement(query)) {
            statement.setString(1, parameter);
            try (ResultSet result = statement.executeQuery()) {
                return result.next() ? result.getString(1) : null;
            }
        }
    }

    /** A count (or any number) the query gives, 0 when it gives no row. */
    long count(String query) throws Exception {
        try (Connection db = this.connector.jdbc();
                ResultSet result = db.createStatement().executeQuery(query)) {
            return result.next() ? result.getLong(1) : 0;
        }
    }

    /** A check that may fail with an exception (a failing call counts as "not yet" only when it returns false). */
    interface Check {
        boolean ok() throws Exception;

        /** What a failed wait adds to its message ("; latest deliveries: ..."). */
        interface Diagnosis {
            String text() throws Exception;
        }
    }

    /**
     * Waits until the check holds, polling every 100 ms; fails after the timeout with the description and what
     * {@code diagnosis} says then.
     */
    static void await(Duration timeout, Check check, String what, Check.Diagnosis diagnosis) throws Exception {
        Instant until = Instant.now().plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited " + timeout.toSeconds() + " s for " + what + diagnosis.text());
    }

    /** Waits until the condition holds, polling every 20 ms; fails with the description after the timeout. */
    static Duration await(Duration timeout, BooleanSupplier condition, String what) throws InterruptedException {
        Instant start = Instant.now();
        Instant until = start.plus(timeout);
        while (Instant.now().isBefore(until)) {
            if (condition.getAsBoolean()) {
                return Duration.between(start, Instant.now());
            }
            Thread.sleep(20);
        }
        throw new AssertionError("not within " + timeout.toSeconds() + " s: " + what);
    }
}
