package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.SandboxSettings;
import wms.shopify.sandbox.Shop;
import wms.shopify.sandbox.ShopifySignatures;
import wms.shopify.sandbox.WebhookSubscription;

/**
 * Installing stores end to end against the Shopify sandbox: two stores installed in a browser through Add Store and
 * Shopify's approval page, their locations read and webhooks registered; locations mapped on Store Settings with
 * exactly one default; refused installs and callbacks store nothing; uninstall disconnects without calling Shopify,
 * reinstall reconnects with a new token. Each test installs the stores it needs under domains of its own, so none
 * depends on another's order or data (the webhook intake is {@link WebhookIntakeIT}'s).
 */
class StoreInstallIT {

    /** Every topic the connector subscribes to, as Shopify's GraphQL enum names them. */
    private static final Set<String> TOPICS = Set.of(
            "ORDERS_CREATE",
            "ORDERS_UPDATED",
            "ORDERS_PAID",
            "ORDERS_CANCELLED",
            "ORDERS_EDITED",
            "FULFILLMENT_ORDERS_PLACED_ON_HOLD",
            "FULFILLMENT_ORDERS_HOLD_RELEASED",
            "APP_UNINSTALLED",
            "APP_SCOPES_UPDATE",
            "RETURNS_REQUEST",
            "RETURNS_APPROVE",
            "RETURNS_PROCESS",
            "RETURNS_CLOSE",
            "FULFILLMENT_ORDERS_MOVED");

    private static SandboxConnector connector;
    private static Browser browser;
    private static HttpClient admin;
    private static Shop acme;
    private static Shop bolt;

    @BeforeAll
    static void startConnectorForTheSandbox() throws Exception {
        connector = SandboxConnector.get();
        acme = connector.sandbox().createShop("acme.myshopify.com", Plan.STANDARD);
        acme.addLocation("Main warehouse");
        acme.addLocation("Outlet");
        bolt = connector.sandbox().createShop("bolt.myshopify.com", Plan.ADVANCED);
        bolt.addLocation("Bolt depot");
        admin = signedInClient();
        browser = new Browser();
        browser.visit(connector.url() + "/admin/stores.xhtml");
        browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void twoStoresAreInstalledInTheBrowserThroughShopifysApprovalPage() throws Exception {
        // As merchants type them: with scheme, capitals and slash; and as the Shopify admin address.
        installInBrowser(acme, "https://ACME.myshopify.com/");
        installInBrowser(bolt, "admin.shopify.com/store/bolt");
        browser.screenshot("stores-connected");
        assertTrue(browser.text(By.id("status-acme")).equals("Connected"), "the first store is still connected");

        for (Shop shop : List.of(acme, bolt)) {
            Set<String> subscribed = shop.webhookSubscriptions().stream()
                    .filter(s -> s.uri().equals(connector.url() + "/shopify/webhooks"))
                    .map(WebhookSubscription::topic)
                    .collect(Collectors.toSet());
            assertEquals(TOPICS, subscribed, "Shopify holds every subscription the connector needs");
            assertEquals(
                    TOPICS.size(),
                    shop.journal().applied("webhookSubscriptionCreate").size(),
                    "each created once");
        }
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement()
                        .executeQuery("select s.domain, s.access_token, s.refresh_token, s.status, count(l.id), "
                                + "count(l.id) filter (where l.default_for_orders) "
                                + "from store s join store_location l on l.store_id = s.id "
                                + "where s.domain in ('acme.myshopify.com', 'bolt.myshopify.com') "
                                + "group by s.domain, s.access_token, s.refresh_token, s.status order by s.domain")) {
            assertTrue(rows.next());
            assertEquals("acme.myshopify.com", rows.getString(1));
            assertTrue(rows.getString(2).startsWith("v2:"), "the token is encrypted at rest");
            assertFalse(
                    rows.getString(2).contains("shpat_") || rows.getString(2).contains("shpua_"));
            assertTrue(rows.getString(3).startsWith("v2:"), "the refresh token too");
            assertEquals("CONNECTED", rows.getString(4));
            assertEquals(2, rows.getInt(5), "both locations read");
            assertEquals(1, rows.getInt(6), "exactly one default location");
            assertTrue(rows.next());
            assertEquals("bolt.myshopify.com", rows.getString(1));
            assertEquals(1, rows.getInt(5));
            assertEquals(1, rows.getInt(6));
        }
        assertFalse(connector.server().log().contains("shpat_"), "access tokens are never logged");
        assertFalse(connector.server().log().contains("shprt_"), "refresh tokens neither");
    }

    @Test
    void locationsAreMappedOnStoreSettingsWithExactlyOneDefault() throws Exception {
        Shop dale = connector.sandbox().createShop("dale.myshopify.com", Plan.STANDARD);
        dale.addLocation("Main warehouse");
        dale.addLocation("Outlet");
        Shop neighbour = connector.sandbox().createShop("dale-neighbour.myshopify.com", Plan.STANDARD);
        neighbour.addLocation("Next door");
        connector.install(admin, dale);
        connector.install(admin, neighbour);
        // The WMS's data: registered by the WMS through its API, here written straight into its tables.
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("insert into warehouse (code, name, updated_at) values "
                            + "('WH-N', 'North', now()), ('WH-S', 'South', now())");
            db.createStatement()
                    .executeUpdate("insert into shipping_process (code, name, updated_at) values "
                            + "('PARCEL', 'Parcel', now()), ('PALLET', 'Pallet', now())");
        }
        long store = storeId("dale.myshopify.com");
        browser.visit(connector.url() + "/admin/stores.xhtml");
        browser.click(By.cssSelector("#store-dale a[id$='settings']"));
        assertEquals(
                "Main warehouse",
                browser.chosen(By.id("settings:default-location")),
                "the first active location is the default until the merchant chooses");
        chooseFor("Main warehouse", "North (WH-N)", "Parcel (PARCEL)");
        chooseFor("Outlet", "South (WH-S)", "Pallet (PALLET)");
        browser.choose(By.id("settings:default-location"), "Outlet");
        browser.type(By.id("settings:window"), "45");
        browser.choose(By.id("settings:stock-mode"), "Absolute (sets quantities)");
        // Order filters that contradict each other (a tag both to take and to leave out) would filter out every
        // order: refused, shown escaped, and nothing saved, not even the stock policy saved before them.
        browser.type(By.id("settings:new-tags-included"), "<b>x</b>' or 1=1--");
        browser.type(By.id("settings:new-tags-excluded"), "<b>x</b>' or 1=1--");
        browser.click(By.id("settings:save"));
        new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), Duration.ofSeconds(15))
                .until(org.openqa.selenium.support.ui.ExpectedConditions.textToBePresentInElementLocated(
                        By.cssSelector(".message.error"), "is also a tag to include"));
        assertTrue(browser.driver().getPageSource().contains("&lt;b&gt;x&lt;/b&gt;"), "markup shown escaped");
        assertEquals(
                "paid",
                string("select financial_statuses from intake_policy where store_id = " + store),
                "nothing saved");
        assertEquals(
                "30|DELTA",
                string("select coalescing_window_seconds || '|' || sync_mode from stock_policy " + "where store_id = "
                        + store),
                "nor the stock policy, saved before the order filters were refused");
        browser.type(By.id("settings:new-tags-included"), "");
        browser.type(By.id("settings:new-tags-excluded"), "");
        // The statuses are Shopify's, ticked in a picker: paid is, authorized is added.
        browser.tick("settings:financial-statuses", null, "Authorized");
        browser.click(By.id("settings:save"));
        assertEquals("Settings saved.", browser.text(By.id("saved")));
        assertEquals("Outlet", browser.chosen(By.id("settings:default-location")), "shown as saved");
        browser.screenshot("store-settings-saved");
        assertEquals("North|Parcel|false;South|Pallet|true", mapping(store));
        assertEquals(
                "45|ABSOLUTE|authorized,paid",
                string("select s.coalescing_window_seconds || '|' "
                        + "|| s.sync_mode || '|' || i.financial_statuses from stock_policy s join intake_policy i "
                        + "on i.store_id = s.store_id where s.store_id = " + store),
                "kept normalised, in Shopify's order");

        // A post without a default (a browser cannot send one; a forged or stale form can): refused, nothing saved.
        String page = get(admin, "/admin/store-settings.xhtml?store=" + store).body();
        HttpResponse<String> noDefault = post(
                admin,
                "/admin/store-settings.xhtml?store=" + store,
                FacesForm.of(page, "settings")
                        .set("settings:default-location", "")
                        .set("settings:window", "50")
                        .submittedWith("settings:save", "Save settings"));
        assertEquals(200, noDefault.statusCode());
        assertTrue(
                noDefault.body().contains("Choose exactly one location as the default for new orders."),
                noDefault.body());
        // A value the page never offered (a location of another store): Faces refuses it and the admin sees why.
        long neighbourLocation = count("select l.id from store_location l join store s on s.id = l.store_id "
                + "where s.domain = 'dale-neighbour.myshopify.com'");
        HttpResponse<String> foreign = post(
                admin,
                "/admin/store-settings.xhtml?store=" + store,
                FacesForm.of(page, "settings")
                        .set("settings:default-location", String.valueOf(neighbourLocation))
                        .submittedWith("settings:save", "Save settings"));
        assertTrue(foreign.body().contains("class=\"message error\""), "the validation message is shown");
        assertEquals("North|Parcel|false;South|Pallet|true", mapping(store), "nothing changed");
        assertEquals(45, count("select coalescing_window_seconds from stock_policy where store_id = " + store));

        // A status the page never offered (Shopify has no "settled"): whatever the page answers, nothing is saved.
        HttpResponse<String> unknownStatus = post(
                admin,
                "/admin/store-settings.xhtml?store=" + store,
                FacesForm.of(page, "settings")
                        .set("settings:financial-statuses", "settled")
                        .submittedWith("settings:save", "Save settings"));
        assertEquals(200, unknownStatus.statusCode());
        assertFalse(unknownStatus.body().contains("Settings saved."), "not saved");
        assertTrue(
                unknownStatus.body().contains("is not one of the choices of Financial statuses; nothing was saved."),
                () -> "the refusal says which picker: " + messages(unknownStatus.body()));
        assertEquals(
                "authorized,paid",
                string("select financial_statuses from intake_policy where store_id = " + store),
                "nothing changed");

        // And the database holds the rule too: a second default cannot be written past the connector.
        try (Connection db = connector.jdbc()) {
            assertThrows(
                    java.sql.SQLException.class,
                    () -> db.createStatement()
                            .executeUpdate(
                                    "update store_location set default_for_orders = true where store_id = " + store));
        }
    }

    @Test
    void hostileShopDomainsAre400WithoutRedirectAndStoreNothing() throws Exception {
        long stores = count("select count(*) from store");
        for (String hostile : List.of(
                "evil.com",
                "myshopify.com.evil.com",
                "shop.myshopify.com@evil.com",
                "attacker.com/.myshopify.com",
                "%0a123.myshopify.com",
                "\n123.myshopify.com",
                "acme.myshopify.com\r\nSet-Cookie: x=1",
                "acme.myshopify.com.",
                "//evil.com/acme.myshopify.com",
                "javascript:alert(1)//acme.myshopify.com",
                "admin.shopify.com/store/../evil.com",
                "",
                "<script>x</script>.myshopify.com")) {
            HttpResponse<String> refused = addStore(hostile);
            assertEquals(400, refused.statusCode(), hostile);
            assertTrue(refused.headers().firstValue("Location").isEmpty(), hostile);
            assertTrue(refused.body().contains("is not a Shopify store address"), refused.body());
            assertFalse(refused.body().contains("<script>x"), "shown escaped or not at all");
        }
        assertEquals(stores, count("select count(*) from store"), "nothing stored");
    }

    @Test
    void forgedStaleForeignOrReusedCallbacksAreRefusedAndStoreNothing() throws Exception {
        Shop carl = connector.sandbox().createShop("carl.myshopify.com", Plan.STANDARD);
        String authorize =
                addStore(carl.domain()).headers().firstValue("Location").orElseThrow();
        String callback = connector.sandbox().approveInstall(authorize);
        String path = callback.substring(connector.url().length());

        HttpResponse<String> forged = get(admin, path.replaceFirst("hmac=[0-9a-f]{2}", "hmac=00"));
        assertEquals(400, forged.statusCode());
        assertTrue(forged.body().contains("signature is wrong"), forged.body());

        long now = System.currentTimeMillis() / 1000;
        HttpResponse<String> old = get(admin, "/admin/shopify/callback?" + signedQuery(carl, "c", "s", now - 3600));
        assertEquals(400, old.statusCode());
        assertTrue(old.body().contains("too old"), old.body());

        HttpResponse<String> wrongState =
                get(admin, "/admin/shopify/callback?" + signedQuery(carl, "c", "not-a-state-of-this-browser", now));
        assertEquals(400, wrongState.statusCode(), "signed and fresh, but the state was never issued");
        assertTrue(
                wrongState.body().contains("does not belong to an install started in this browser"), wrongState.body());

        HttpClient otherAdmin = signedInClient();
        HttpResponse<String> otherBrowser = get(otherAdmin, path);
        assertEquals(400, otherBrowser.statusCode(), "the state is bound to the browser that started the install");
        HttpResponse<String> notSignedIn = get(ConnectorServer.client(), path);
        assertEquals(302, notSignedIn.statusCode(), "a browser that is not signed in must sign in first");
        assertTrue(notSignedIn.headers().firstValue("Location").orElseThrow().contains("login"));

        assertEquals(0, count("select count(*) from store where domain = 'carl.myshopify.com'"), "nothing stored");
        assertTrue(
                carl.journal().requests().stream().noneMatch(r -> r.path().endsWith("/admin/oauth/access_token")),
                "no code was exchanged");
        assertEquals(302, get(admin, path).statusCode(), "the genuine callback in the right browser still works");
        assertEquals(
                1,
                carl.journal().requests().stream()
                        .filter(r -> "authorization_code".equals(r.operationName()))
                        .count(),
                "its code exchanged once");

        assertEquals("CONNECTED", string("select status from store where domain = 'carl.myshopify.com'"));
        HttpResponse<String> replayed = get(admin, path);
        assertEquals(400, replayed.statusCode(), "a state is single-use");
        assertTrue(replayed.body().contains("already used"), replayed.body());
    }

    @Test
    void uninstallDisconnectsAtOnceWithoutCallingShopifyAndReinstallReconnectsWithANewToken() throws Exception {
        Shop elm = connector.sandbox().createShop("elm.myshopify.com", Plan.ADVANCED);
        elm.addLocation("Elm depot");
        Shop fir = connector.sandbox().createShop("fir.myshopify.com", Plan.STANDARD);
        fir.addLocation("Fir depot");
        connector.install(admin, elm);
        connector.install(admin, fir);
        byte[] order =
                "{\"id\":43,\"admin_graphql_api_id\":\"gid://shopify/Order/43\"}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                200, webhook(fir.domain(), "orders/create", order).statusCode(), "the other store has had a webhook");
        String tokenBefore = string("select access_token from store where domain = 'elm.myshopify.com'");
        int callsBefore = elm.journal().requests().size();
        elm.uninstallApp();
        Awaitility.await()
                .atMost(Duration.ofSeconds(30))
                .until(() ->
                        "DISCONNECTED".equals(string("select status from store where domain = 'elm.myshopify.com'")));
        assertEquals(null, string("select access_token from store where domain = 'elm.myshopify.com'"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> elm.journal().webhooks("app/uninstalled").stream().anyMatch(w -> w.status() == 200));
        assertEquals(callsBefore, elm.journal().requests().size(), "the token is dead: Shopify was not called");
        browser.visit(connector.url() + "/admin/stores.xhtml");
        assertEquals("Disconnected", browser.text(By.id("status-elm")));
        assertEquals("Connected", browser.text(By.id("status-fir")), "the other store is not affected");
        assertFalse(browser.text(By.id("store-fir")).contains("never"), "its last webhook is shown");
        byte[] body = "{\"id\":1}".getBytes(StandardCharsets.UTF_8);
        assertEquals(
                404,
                webhook(elm.domain(), "orders/create", body).statusCode(),
                "a disconnected store's webhooks are refused");

        installInBrowser(elm, "elm.myshopify.com");
        assertEquals("CONNECTED", string("select status from store where domain = 'elm.myshopify.com'"));
        assertNotEquals(
                tokenBefore,
                string("select access_token from store where domain = 'elm.myshopify.com'"),
                "the token is replaced");
        assertEquals(1, count("select count(*) from store where domain = 'elm.myshopify.com'"), "the same store");
        assertEquals(
                TOPICS,
                elm.webhookSubscriptions().stream()
                        .map(WebhookSubscription::topic)
                        .collect(Collectors.toSet()),
                "the subscriptions Shopify dropped at the uninstall are back");
    }

    /** Add Store in the browser, Shopify's approval page, and back on Stores with the store connected. */
    private static void installInBrowser(Shop shop, String typed) {
        browser.visit(connector.url() + "/admin/stores.xhtml");
        browser.click(By.id("add-store"));
        browser.type(By.id("add-store:shop"), typed);
        browser.click(By.id("add-store:install"));
        browser.awaitUrlContaining(connector.sandbox().adminBaseUrl(shop) + "/admin/oauth/authorize");
        assertTrue(browser.driver().getPageSource().contains("Install app on " + shop.domain()));
        browser.click(By.id("install"));
        browser.awaitUrlContaining("connected=" + shop.domain());
        String name = shop.domain().substring(0, shop.domain().indexOf('.'));
        browser.awaitText(By.id("status-" + name), "Connected");
        assertTrue(browser.text(By.id("connected")).contains("Store " + shop.domain() + " is connected"));
    }

    /** On Store Settings, chooses the warehouse and shipping process of the location with this name. */
    private static void chooseFor(String location, String warehouse, String process) {
        WebElement row = browser.driver().findElements(By.cssSelector("#locations tbody tr")).stream()
                .filter(r -> r.findElement(By.tagName("td")).getText().equals(location))
                .findFirst()
                .orElseThrow();
        new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select[id$=':warehouse']")))
                .selectByVisibleText(warehouse);
        new org.openqa.selenium.support.ui.Select(row.findElement(By.cssSelector("select[id$=':process']")))
                .selectByVisibleText(process);
    }

    /** Each location of the store as warehouse|process|default, in name order. */
    private static String mapping(long store) throws Exception {
        return string("select string_agg(w.name || '|' || p.name || '|' || l.default_for_orders, ';' "
                + "order by l.name) from store_location l join warehouse w on w.id = l.warehouse_id "
                + "join shipping_process p on p.id = l.shipping_process_id where l.store_id = " + store);
    }

    /** A callback query as Shopify signs it, for forgeries that are signed correctly but wrong otherwise. */
    private static String signedQuery(Shop shop, String code, String state, long timestamp) {
        Map<String, String> query = new java.util.TreeMap<>(
                Map.of("code", code, "shop", shop.domain(), "state", state, "timestamp", String.valueOf(timestamp)));
        return ShopifySignatures.canonicalQuery(query) + "&hmac="
                + ShopifySignatures.queryHmac(query, SandboxSettings.DEFAULT_CLIENT_SECRET);
    }

    private static HttpClient signedInClient() throws Exception {
        return connector.signedInAdmin();
    }

    private static HttpResponse<String> post(HttpClient client, String path, String form) throws Exception {
        return connector.post(client, path, form);
    }

    private static HttpResponse<String> addStore(String shop) throws Exception {
        return connector.addStore(admin, shop);
    }

    private static HttpResponse<String> get(HttpClient client, String path) throws Exception {
        return connector.get(client, path);
    }

    private static String signed(byte[] body) {
        return ShopifySignatures.bodyHmac(body, SandboxSettings.DEFAULT_CLIENT_SECRET);
    }

    /** A webhook delivered and signed as Shopify does. */
    private static HttpResponse<String> webhook(String shop, String topic, byte[] body) throws Exception {
        return SandboxConnector.deliverWebhook(
                connector.url(), shop, topic, UUID.randomUUID().toString(), body);
    }

    private static long storeId(String domain) throws Exception {
        return count("select id from store where domain = '" + domain + "'");
    }

    private static long count(String sql) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String string(String sql) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet rows = db.createStatement().executeQuery(sql)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The page's messages (what a refused post says), for a failing check's report. */
    private static String messages(String body) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("class=\"message[^\"]*\"[^>]*>(.*?)</")
                .matcher(body);
        StringBuilder found = new StringBuilder();
        while (m.find()) {
            found.append('[').append(m.group(1)).append(']');
        }
        return found.length() > 0 ? found.toString() : body.substring(0, Math.min(body.length(), 4000));
    }
}
