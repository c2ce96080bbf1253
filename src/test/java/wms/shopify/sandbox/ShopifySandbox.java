package wms.shopify.sandbox;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A stateful fake of the Shopify Admin API on a local port, for integration tests, benchmarks and demos. Each store is
 * reached under {@code /shops/{domain}} exactly as the connector reaches {@code https://{domain}}: OAuth at
 * {@code /admin/oauth/*}, GraphQL at {@code /admin/api/{version}/graphql.json}. Tests drive it through this class
 * ({@link #createShop}, {@link Shop#faults()}, {@link Shop#journal()}); a person drives the standalone demo
 * ({@link #main}) through the pages under {@code /sandbox}.
 *
 * <pre>{@code
 * try (ShopifySandbox sandbox = ShopifySandbox.start(SandboxSettings.defaults())) {
 *     Shop shop = sandbox.createShop("demo.myshopify.com", Plan.STANDARD);
 *     Location warehouse = shop.addLocation("Main warehouse");
 *     shop.addProduct("T-shirt", "TS-S", "TS-M");
 *     shop.stock("TS-S", warehouse, 10);
 *     String token = sandbox.issueAccessToken(shop);
 *     // point the connector at sandbox.adminBaseUrl(shop) with this token ...
 *     shop.faults().serverErrorShare(0.2);
 *     assertEquals(1, shop.journal().applied("inventorySetQuantities").size());
 * }
 * }</pre>
 */
public final class ShopifySandbox implements AutoCloseable {

    /** The scopes a test token gets when a test skips the install flow. */
    public static final String ALL_SCOPES = "read_products,write_inventory,read_locations,read_orders,"
            + "write_merchant_managed_fulfillment_orders,read_third_party_fulfillment_orders,write_fulfillments,"
            + "write_returns,write_assigned_fulfillment_orders";

    private static final Pattern SHOP_PATH = Pattern.compile("/shops/([^/]+)(/.*)");
    private static final Pattern GRAPHQL = Pattern.compile("/admin/api/([^/]+)/graphql\\.json");

    private final SandboxSettings settings;
    private final HttpServer server;
    private final ExecutorService requests = Executors.newCachedThreadPool();
    private final ScheduledExecutorService background = Executors.newScheduledThreadPool(4);
    private final Map<String, Shop> shops = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);
    private final AccessTokens tokens;
    private final ApiVersions versions;
    private final OAuthEndpoints oauth;
    private final GraphQlEndpoint graphQl;
    private final WebhookDeliveries webhooks;
    private final BulkQueries bulkQueries;

    /** The key the sandbox signs its bulk result URLs with. */
    private final byte[] resultKey = randomKey();

    /** When the sandbox's result URLs expire (the same for all: it only shapes the URL). */
    private final long resultsExpire =
            java.time.Instant.now().plus(java.time.Duration.ofDays(7)).getEpochSecond();

    private final boolean localDemo;
    private final ProtectedCustomerData customerData;
    private final TrackingNumberRequests trackingNumbers;

    private ShopifySandbox(SandboxSettings settings, boolean localDemo) throws IOException {
        this.settings = settings;
        this.localDemo = localDemo;
        this.server = HttpServer.create(new InetSocketAddress("localhost", settings.port()), 0);
        this.tokens = new AccessTokens(settings.clock(), settings.accessTokenLifetime());
        this.versions = new ApiVersions(settings.clock());
        this.oauth = new OAuthEndpoints(settings, tokens);
        this.customerData = new ProtectedCustomerData(settings.clientId());
        this.webhooks = new WebhookDeliveries(settings, background, versions, customerData);
        this.trackingNumbers = new TrackingNumberRequests(settings);
        this.bulkQueries = new BulkQueries(
                background,
                op -> baseUrl() + "/bulk/" + op.legacyResourceId() + ".jsonl?"
                        + signedQuery(String.valueOf(op.legacyResourceId())));
        AdminSchema schema = new AdminSchema(bulkQueries);
        bulkQueries.attach(schema);
        this.graphQl = new GraphQlEndpoint(schema, tokens, versions, localDemo, customerData);
        server.createContext("/", this::route);
        server.setExecutor(requests);
        server.start();
    }

    /** Starts a sandbox as strict as Shopify (webhook addresses must be public HTTPS); close it when done. */
    public static ShopifySandbox start(SandboxSettings settings) throws IOException {
        return new ShopifySandbox(settings, false);
    }

    /**
     * Starts a sandbox for a connector on the same machine without TLS, as the tests and the README demo run it: it
     * accepts {@code http://localhost} webhook addresses, which Shopify refuses ({@link CallbackAddresses}). Its
     * overview page and start-up lines say so.
     */
    public static ShopifySandbox startForLocalDemo(SandboxSettings settings) throws IOException {
        return new ShopifySandbox(settings, true);
    }

    /**
     * The app's access to protected customer data (level 0, 1, or 2 with name, address, email and phone approved one
     * by one); level 2 with every field unless set, as a custom app has it.
     */
    public ProtectedCustomerData customerData() {
        return customerData;
    }

    /**
     * Shopify asks a fulfillment service registered with inventory management what its location has (it does so on
     * its own schedule, and when a merchant looks at the location's inventory; here when a test asks): a signed GET of
     * {@code <callbackUrl>/fetch_stock?shop=<domain>&max_retries=3}, with {@code &sku=<sku>} when one SKU is asked.
     * The answer, a JSON object SKU → quantity, becomes the available quantity of the items with those SKUs at the
     * service's location; SKUs not in the answer are left as they are. The call is signed like a notification
     * ({@code X-Shopify-Hmac-Sha256}, Base64 HMAC-SHA256 with the app's secret), here over the query string sent.
     *
     * @param sku the one SKU asked, or null for every SKU
     * @return the service's answer
     * @throws IllegalStateException when the service has no inventory management or callback, or answered other than
     *     200 with a JSON object
     */
    public Map<String, Integer> fetchStock(Shop shop, FulfillmentService service, String sku) throws IOException {
        if (!service.inventoryManagement() || service.callbackUrl() == null) {
            throw new IllegalStateException("Shopify asks only a service with inventory management and a callback");
        }
        String query = "max_retries=3&shop=" + java.net.URLEncoder.encode(shop.domain(), StandardCharsets.UTF_8)
                + (sku == null ? "" : "&sku=" + java.net.URLEncoder.encode(sku, StandardCharsets.UTF_8));
        String base = service.callbackUrl().endsWith("/")
                ? service.callbackUrl().substring(0, service.callbackUrl().length() - 1)
                : service.callbackUrl();
        java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(base + "/fetch_stock?" + query))
                .timeout(java.time.Duration.ofSeconds(30))
                .header(
                        "X-Shopify-Hmac-Sha256",
                        ShopifySignatures.bodyHmac(query.getBytes(StandardCharsets.UTF_8), settings.clientSecret()))
                .GET()
                .build();
        java.net.http.HttpResponse<String> answer;
        java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .version(java.net.http.HttpClient.Version.HTTP_1_1)
                .build();
        try {
            answer = client.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        }
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("fetch_stock answered " + answer.statusCode() + ": " + answer.body());
        }
        com.fasterxml.jackson.databind.JsonNode body =
                new com.fasterxml.jackson.databind.ObjectMapper().readTree(answer.body());
        if (!body.isObject()) {
            throw new IllegalStateException("fetch_stock answered no JSON object: " + answer.body());
        }
        Map<String, Integer> levels = new java.util.LinkedHashMap<>();
        body.fields()
                .forEachRemaining(
                        field -> levels.put(field.getKey(), field.getValue().asInt()));
        synchronized (shop) {
            for (Map.Entry<String, Integer> level : levels.entrySet()) {
                try {
                    shop.stock(shop.item(level.getKey()), service.location(), level.getValue());
                } catch (IllegalArgumentException unknown) {
                    // an SKU the store does not have: Shopify ignores it
                }
            }
        }
        return levels;
    }

    /** Whether this sandbox accepts plain-HTTP local webhook addresses ({@link #startForLocalDemo}). */
    public boolean localDemo() {
        return localDemo;
    }

    /**
     * The merchant edits the app's access on the store: every token of the app there carries these scopes (comma
     * separated) from now on, and a field outside them is refused with {@code ACCESS_DENIED} ({@link AccessScopes}).
     * When the grant differs from the one before, Shopify sends {@code app/scopes_update} with both.
     */
    public void changeGrantedScopes(Shop shop, String scopes) {
        String previous = tokens.grantOf(shop.domain());
        tokens.regrant(shop.domain(), scopes);
        if (previous != null && !AccessScopes.granted(previous).equals(AccessScopes.granted(scopes))) {
            shop.grantChanged(previous, scopes);
        }
    }

    /** A non-expiring offline token with exactly these scopes, as if the merchant had approved only them. */
    public String issueAccessToken(Shop shop, String scopes) {
        return (String) tokens.issue(shop.domain(), scopes, false, null).get("access_token");
    }

    /** Adds a store; its domain must be {@code name.myshopify.com}. */
    public Shop createShop(String domain, Plan plan) {
        if (!domain.matches("[a-z0-9][a-z0-9-]*\\.myshopify\\.com")) {
            throw new IllegalArgumentException("not a myshopify.com domain: " + domain);
        }
        Shop shop = new Shop(
                domain,
                plan,
                settings.clock(),
                ids,
                domain.hashCode(),
                () -> tokens.revokeAll(domain),
                webhooks::announce);
        if (shops.putIfAbsent(domain, shop) != null) {
            throw new IllegalArgumentException("store exists: " + domain);
        }
        return shop;
    }

    public Shop shop(String domain) {
        Shop shop = shops.get(domain);
        if (shop == null) {
            throw new IllegalArgumentException("no store " + domain);
        }
        return shop;
    }

    public SandboxSettings settings() {
        return settings;
    }

    /** {@code http://localhost:port}. */
    public String baseUrl() {
        return "http://localhost:" + server.getAddress().getPort();
    }

    /** What the connector configures as the store's address in place of {@code https://{domain}}. */
    public String adminBaseUrl(Shop shop) {
        return baseUrl() + "/shops/" + shop.domain();
    }

    public String graphQlUrl(Shop shop, String version) {
        return adminBaseUrl(shop) + "/admin/api/" + version + "/graphql.json";
    }

    /** A non-expiring offline token with every scope the connector uses, as if the store had installed the app. */
    public String issueAccessToken(Shop shop) {
        return (String) tokens.issue(shop.domain(), ALL_SCOPES, false, null).get("access_token");
    }

    /** The token-exchange answer of an expiring offline token ({@code access_token}, {@code refresh_token}...). */
    public Map<String, Object> issueExpiringAccessToken(Shop shop) {
        return tokens.issue(shop.domain(), ALL_SCOPES, true, null);
    }

    /**
     * Completes an install as a merchant clicking "Install" would: validates the authorize URL and answers the
     * callback URL the browser would be redirected to.
     */
    public String approveInstall(String authorizeUrl) {
        URI uri = URI.create(authorizeUrl);
        Matcher m = SHOP_PATH.matcher(uri.getPath());
        if (!m.matches() || !m.group(2).equals("/admin/oauth/authorize")) {
            throw new IllegalArgumentException("not a sandbox authorize URL: " + authorizeUrl);
        }
        Map<String, String> query = Http.parameters(uri.getRawQuery());
        String problem = oauth.problem(query);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        return oauth.callback(shop(m.group(1)), query);
    }

    private static byte[] randomKey() {
        byte[] key = new byte[32];
        new java.security.SecureRandom().nextBytes(key);
        return key;
    }

    /**
     * The query that signs the URL of a bulk result, shaped as the Google Cloud Storage URLs Shopify hands out
     * ({@code storage.googleapis.com/shopify-tiers-assets-prod-us-east1/...?GoogleAccessId=assets-us-prod%40shopify-tiers
     * .iam.gserviceaccount.com&Expires=...&Signature=...}, a percent-encoded base64 signature with {@code %2B},
     * {@code %2F}, {@code %3D}): a client must send it back byte for byte.
     */
    private String signedQuery(String resultId) {
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(resultKey, "HmacSHA256"));
            byte[] signature = mac.doFinal(resultId.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            // Results stay available for seven days (BulkOperation.url).
            return "GoogleAccessId=sandbox-assets%40shopify-tiers.iam.gserviceaccount.com&Expires=" + resultsExpire
                    + "&Signature="
                    + java.net.URLEncoder.encode(
                            java.util.Base64.getEncoder().encodeToString(signature),
                            java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.stop(0);
        background.shutdownNow();
        requests.shutdownNow();
    }

    private void route(HttpExchange exchange) throws IOException {
        try {
            String path = exchange.getRequestURI().getPath();
            Matcher m = SHOP_PATH.matcher(path);
            if (m.matches()) {
                Shop shop = shops.get(m.group(1));
                if (shop == null) {
                    Http.json(exchange, 404, Map.of("errors", "Not Found"));
                    return;
                }
                routeShop(exchange, shop, m.group(2));
            } else if (path.startsWith("/bulk/") && path.endsWith(".jsonl")) {
                String id = path.substring("/bulk/".length(), path.length() - ".jsonl".length());
                byte[] jsonl = bulkQueries.result(id);
                if (!signedQuery(id).equals(exchange.getRequestURI().getRawQuery())) {
                    // Google Cloud Storage, where Shopify's result URLs point, refuses a signed URL whose query was
                    // altered (re-encoded, reordered, cut) with 403 SignatureDoesNotMatch.
                    Http.send(
                            exchange,
                            403,
                            "application/xml; charset=UTF-8",
                            ("<?xml version='1.0' encoding='UTF-8'?><Error><Code>SignatureDoesNotMatch</Code>"
                                            + "<Message>Access denied.</Message></Error>")
                                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
                } else if (jsonl == null) {
                    Http.json(exchange, 404, Map.of("errors", "Not Found"));
                } else {
                    Http.send(exchange, 200, "application/jsonl", jsonl);
                }
            } else if (path.equals("/sandbox") || path.startsWith("/sandbox/")) {
                control(exchange, path);
            } else {
                Http.json(exchange, 404, Map.of("errors", "Not Found"));
            }
        } catch (RuntimeException e) {
            Http.json(exchange, 500, Map.of("errors", "Internal sandbox error: " + e));
        }
    }

    private void routeShop(HttpExchange exchange, Shop shop, String rest) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher graphql = GRAPHQL.matcher(rest);
        if (graphql.matches() && method.equals("POST")) {
            graphQl.handle(exchange, shop, graphql.group(1));
        } else if (rest.equals("/admin/oauth/authorize") && method.equals("GET")) {
            oauth.authorize(exchange, shop);
        } else if (rest.equals("/admin/oauth/approve") && method.equals("POST")) {
            oauth.approve(exchange, shop);
        } else if (rest.equals("/admin/oauth/access_token") && method.equals("POST")) {
            oauth.accessToken(exchange, shop);
        } else {
            Http.json(exchange, 404, Map.of("errors", "Not Found"));
        }
    }

    /** The control surface for a person: an overview page, placing orders, and the store's state as JSON. */
    private void control(HttpExchange exchange, String path) throws IOException {
        Matcher order = Pattern.compile("/sandbox/shops/([^/]+)/orders").matcher(path);
        Matcher state = Pattern.compile("/sandbox/shops/([^/]+)/state").matcher(path);
        Matcher scopes = Pattern.compile("/sandbox/shops/([^/]+)/scopes").matcher(path);
        Matcher fulfillmentOrder = Pattern.compile("/sandbox/shops/([^/]+)/fulfillment-orders/([^/]+)")
                .matcher(path);
        if (fulfillmentOrder.matches() && exchange.getRequestMethod().equals("POST")) {
            Shop shop = shop(fulfillmentOrder.group(1));
            Map<String, String> form = Http.parameters(Http.body(exchange));
            Map<String, Object> payload = merchantAction(shop, fulfillmentOrder.group(2), form);
            if ("json".equals(form.get("format"))) {
                Http.json(exchange, 200, payload);
            } else {
                exchange.getResponseHeaders().set("Location", "/sandbox");
                exchange.sendResponseHeaders(303, -1);
                exchange.close();
            }
        } else if (order.matches() && exchange.getRequestMethod().equals("POST")) {
            Shop shop = shop(order.group(1));
            Map<String, String> form = Http.parameters(Http.body(exchange));
            Location from = form.get("location") == null || form.get("location").isBlank()
                    ? shop.locations().get(0)
                    : shop.location(form.get("location"));
            Order placed = shop.placeOrder(
                    from,
                    !"false".equals(form.get("paid")),
                    Map.of(form.get("sku"), Integer.parseInt(form.getOrDefault("quantity", "1"))));
            if ("json".equals(form.get("format"))) {
                Http.json(exchange, 201, Map.of("id", placed.id(), "name", placed.name()));
            } else {
                exchange.getResponseHeaders().set("Location", "/sandbox");
                exchange.sendResponseHeaders(303, -1);
                exchange.close();
            }
        } else if (scopes.matches() && exchange.getRequestMethod().equals("POST")) {
            // A merchant editing the app's access: the form's "scopes" become the grant of every token of the app.
            changeGrantedScopes(
                    shop(scopes.group(1)), Http.parameters(Http.body(exchange)).getOrDefault("scopes", ""));
            exchange.getResponseHeaders().set("Location", "/sandbox");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        } else if (path.equals("/sandbox/customer-data")
                && exchange.getRequestMethod().equals("POST")) {
            // The app's protected customer data access as Shopify's review would approve it: a level and, at level
            // 2, the fields (comma separated: NAME, ADDRESS, EMAIL, PHONE).
            Map<String, String> form = Http.parameters(Http.body(exchange));
            java.util.Set<ProtectedCustomerData.Field> fields =
                    java.util.EnumSet.noneOf(ProtectedCustomerData.Field.class);
            for (String field : form.getOrDefault("fields", "").split(",")) {
                if (!field.isBlank()) {
                    fields.add(ProtectedCustomerData.Field.valueOf(field.trim().toUpperCase(java.util.Locale.ROOT)));
                }
            }
            customerData.access(
                    new ProtectedCustomerData.Access(Integer.parseInt(form.getOrDefault("level", "2")), fields));
            exchange.getResponseHeaders().set("Location", "/sandbox");
            exchange.sendResponseHeaders(303, -1);
            exchange.close();
        } else if (state.matches()) {
            Http.json(exchange, 200, state(shop(state.group(1))));
        } else if (path.equals("/sandbox") || path.equals("/sandbox/")) {
            Http.html(exchange, 200, overview());
        } else {
            Http.json(exchange, 404, Map.of("errors", "Not Found"));
        }
    }

    /**
     * What a merchant does to a fulfillment order in the Shopify admin: request fulfillment or a cancellation from its
     * fulfillment service, hold it, release its holds, move it (to a location named in the form). The answer is the
     * mutation's payload with fulfillment orders named by id, or a user error for an unknown action or id.
     */
    private static Map<String, Object> merchantAction(Shop shop, String id, Map<String, String> form) {
        String gid = id.startsWith("gid://") ? id : Gid.of("FulfillmentOrder", Long.parseLong(id));
        FulfillmentOrder fo = shop.find(gid, FulfillmentOrder.class);
        String action = form.getOrDefault("action", "");
        Map<String, Object> payload;
        if (fo == null) {
            payload = Map.of(
                    "userErrors", List.of(new UserError(List.of("id"), "Fulfillment order does not exist.", null)));
        } else {
            payload = switch (action) {
                case "request-fulfillment" -> shop.requestFulfillment(fo, form.get("message"));
                case "request-cancellation" -> shop.requestCancellation(fo, form.get("message"));
                case "hold" -> shop.hold(fo, form.getOrDefault("reason", "OTHER"), form.get("notes"));
                case "release-holds" -> shop.releaseHolds(fo);
                case "move" -> shop.move(fo, shop.location(form.getOrDefault("location", "")));
                default ->
                    Map.of(
                            "userErrors",
                            List.of(new UserError(
                                    List.of("action"),
                                    "Unknown action " + action + ": request-fulfillment, request-cancellation, hold, "
                                            + "release-holds or move",
                                    null)));
            };
        }
        Map<String, Object> answer = new LinkedHashMap<>();
        payload.forEach((key, value) -> answer.put(key, value instanceof ShopifyObject o ? o.id() : value));
        return answer;
    }

    private Map<String, Object> state(Shop shop) {
        Map<String, Object> state = new LinkedHashMap<>();
        synchronized (shop) {
            state.put("shop", shop.domain());
            state.put("plan", shop.plan().name());
            state.put(
                    "inventory",
                    shop.inventoryItems().stream()
                            .flatMap(i -> i.inventoryLevels().stream())
                            .map(l -> Map.of(
                                    "sku",
                                    l.item().sku(),
                                    "location",
                                    l.location().name(),
                                    "available",
                                    l.quantity("available"),
                                    "on_hand",
                                    l.quantity("on_hand"),
                                    "committed",
                                    l.quantity("committed")))
                            .toList());
            state.put(
                    "orders",
                    shop.orders().stream()
                            .map(o -> Map.of(
                                    "id",
                                    o.id(),
                                    "name",
                                    o.name(),
                                    "fulfillmentStatus",
                                    o.displayFulfillmentStatus(),
                                    "fulfillmentOrders",
                                    o.fulfillmentOrders().stream()
                                            .map(fo -> Map.of(
                                                    "id",
                                                    fo.id(),
                                                    "status",
                                                    fo.status(),
                                                    "requestStatus",
                                                    fo.requestStatus(),
                                                    "location",
                                                    fo.location().name()))
                                            .toList()))
                            .toList());
            state.put(
                    "webhookSubscriptions",
                    shop.webhookSubscriptions().stream()
                            .map(s -> Map.of("topic", s.restTopic(), "uri", s.uri()))
                            .toList());
            state.put("requests", shop.journal().requests().size());
            state.put("mutations", shop.journal().mutations().size());
            state.put("webhooksSent", shop.journal().webhooks().size());
        }
        return state;
    }

    private String overview() {
        StringBuilder page = new StringBuilder("<html><head><title>Shopify sandbox</title></head><body>"
                + "<h1>Shopify sandbox</h1><p>Client id: <code>" + Http.escape(settings.clientId()) + "</code></p>"
                + "<form method=\"post\" action=\"/sandbox/customer-data\">Protected customer data: level <input "
                + "name=\"level\" size=\"1\" value=\"" + customerData.access().level()
                + "\"> fields <input name=\"fields\" "
                + "value=\""
                + String.join(
                        ",",
                        customerData.access().fields().stream()
                                .map(Enum::name)
                                .sorted()
                                .toList())
                + "\"> <button type=\"submit\">Change access</button></form>"
                + (localDemo
                        ? "<p><strong>Local demo mode:</strong> plain-HTTP local webhook addresses are accepted "
                                + "(Shopify refuses them).</p>"
                        : ""));
        for (Shop shop : shops.values()) {
            String domain = Http.escape(shop.domain());
            page.append("<h2>")
                    .append(domain)
                    .append(" (")
                    .append(shop.plan().displayName())
                    .append(")</h2>")
                    .append("<p>Admin API: <code>")
                    .append(Http.escape(adminBaseUrl(shop)))
                    .append("</code> &middot; ")
                    .append("<a href=\"/sandbox/shops/")
                    .append(domain)
                    .append("/state\">state as JSON</a></p>")
                    .append("<table border=\"1\"><tr><th>SKU</th><th>location</th><th>available</th>"
                            + "<th>committed</th><th>on hand</th></tr>");
            for (InventoryItem item : shop.inventoryItems()) {
                for (InventoryLevel level : item.inventoryLevels()) {
                    page.append("<tr><td>")
                            .append(Http.escape(item.sku()))
                            .append("</td><td>")
                            .append(Http.escape(level.location().name()))
                            .append("</td><td>")
                            .append(level.quantity("available"))
                            .append("</td><td>")
                            .append(level.quantity("committed"))
                            .append("</td><td>")
                            .append(level.quantity("on_hand"))
                            .append("</td></tr>");
                }
            }
            page.append("</table><form method=\"post\" action=\"/sandbox/shops/")
                    .append(domain)
                    .append("/scopes\">App's access scopes: <input name=\"scopes\" size=\"80\" value=\"")
                    .append(Http.escape(ALL_SCOPES))
                    .append("\"> <button type=\"submit\">Change access</button>"
                            + "</form><form method=\"post\" action=\"/sandbox/shops/")
                    .append(domain)
                    .append("/orders\">Place an order: SKU <input name=\"sku\"> quantity <input name=\"quantity\" "
                            + "value=\"1\" size=\"3\"> <button type=\"submit\">Place order</button></form>");
        }
        return page.append("</body></html>").toString();
    }

    /**
     * Starts the sandbox on its own with a seeded demo store. System properties: {@code sandbox.port} (8089),
     * {@code sandbox.clientId}, {@code sandbox.clientSecret}, {@code sandbox.shop} (demo.myshopify.com).
     */
    public static void main(String[] args) throws Exception {
        SandboxSettings settings = SandboxSettings.defaults()
                .withPort(Integer.getInteger("sandbox.port", 8089))
                .withCredentials(
                        System.getProperty("sandbox.clientId", SandboxSettings.DEFAULT_CLIENT_ID),
                        System.getProperty("sandbox.clientSecret", SandboxSettings.DEFAULT_CLIENT_SECRET));
        ShopifySandbox sandbox = startForLocalDemo(settings);
        Shop shop = sandbox.createShop(System.getProperty("sandbox.shop", "demo.myshopify.com"), Plan.STANDARD);
        DemoStore.seed(shop);
        String token = sandbox.issueAccessToken(shop);
        System.out.println("Shopify sandbox running at " + sandbox.baseUrl() + "/sandbox");
        System.out.println("  LOCAL DEMO MODE: accepts http://localhost webhook addresses, which Shopify refuses");
        System.out.println("  store:          " + shop.domain());
        System.out.println("  Admin API base: " + sandbox.adminBaseUrl(shop));
        System.out.println("  GraphQL:        " + sandbox.graphQlUrl(shop, "2026-07"));
        System.out.println("  access token:   " + token);
        System.out.println("  client id:      " + settings.clientId() + " (secret: " + settings.clientSecret() + ")");
        System.out.println("  install:        " + sandbox.adminBaseUrl(shop) + "/admin/oauth/authorize?client_id="
                + settings.clientId() + "&scope=" + ALL_SCOPES + "&redirect_uri=<your callback>&state=<nonce>");
        System.out.println("Press Ctrl+C to stop.");
        Runtime.getRuntime().addShutdownHook(new Thread(sandbox::close));
        Thread.currentThread().join();
    }

    /** Kept for callers that list stores. */
    public List<Shop> shops() {
        return List.copyOf(shops.values());
    }

    /**
     * Shopify's (hourly) round of {@code fetch_tracking_numbers}: each of the app's services on the shop with tracking
     * support and a callback URL is asked for its fulfillments without tracking, and the numbers answered become their
     * tracking. Synchronous; what each service answered.
     */
    public Map<FulfillmentService, TrackingNumberRequests.Answer> fetchTrackingNumbers(Shop shop) {
        return trackingNumbers.round(shop);
    }

    /** One {@code fetch_tracking_numbers} call to the service for these fulfillment names, as Shopify signs it. */
    public TrackingNumberRequests.Answer fetchTrackingNumbers(
            Shop shop, FulfillmentService service, List<String> names) {
        return trackingNumbers.ask(shop, service, names);
    }

    /** As {@link #fetchTrackingNumbers(Shop, FulfillmentService, List)}, signed with another secret (not Shopify's). */
    public TrackingNumberRequests.Answer fetchTrackingNumbers(
            Shop shop, FulfillmentService service, List<String> names, String secret) {
        return trackingNumbers.ask(shop, service, names, secret);
    }
}
