package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.movement;

import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import wms.shopify.sandbox.ErrorAnswers;
import wms.shopify.sandbox.Shop;

/**
 * The Stock page's lists of changes and pushes as lazy tables in a real browser against the sandbox (issue #21):
 * parked changes paged and filtered by store, state and SKU, exported as CSV, and the selected ones retried after a
 * confirmation that says how many, exactly those going out again; parked pushes of two stores, the selected ones of
 * one retried while the other stays parked. No violation of the Content-Security-Policy and no serious or critical
 * accessibility violation (axe-core).
 */
class StockListsPageIT {

    /** More parked changes than a page of 50. */
    private static final int PARKED = 55;

    static WmsFixture fixture;

    @BeforeAll
    static void theConnectorAndAWmsCredential() throws Exception {
        SandboxConnector connector = SandboxConnector.get(List.of("STOCK_MAX_ATTEMPTS=2", "STOCK_RECONCILE_MINUTES=0"));
        fixture = new WmsFixture(connector, "stock-lists-it");
    }

    private static String tag() {
        return UUID.randomUUID().toString().substring(0, 6);
    }

    private static Browser signedIn(Path downloads) {
        Browser browser = new Browser();
        browser.downloadTo(downloads);
        browser.visit(fixture.connector.url() + "/admin/stock.xhtml");
        browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
        browser.awaitUrlContaining("/admin/stock");
        browser.visit(fixture.connector.url() + "/admin/stock.xhtml");
        return browser;
    }

    @Test
    void parkedChangesArePagedFilteredExportedAndTheSelectedOnesRetried() throws Exception {
        String tag = tag();
        Shop shop = SyncedStore.newShop(fixture.connector, "stock-lists-" + tag + ".myshopify.com");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < PARKED; i++) {
            skus.add(String.format("SL%s-%02d", tag, i));
        }
        shop.addProduct("Socks " + tag, skus.toArray(String[]::new));
        for (String sku : skus) {
            shop.stock(sku, shop.locations().get(0), 10);
        }
        SyncedStore store =
                SyncedStore.connect(fixture, shop, "SL-" + tag.toUpperCase(java.util.Locale.ROOT), "DELTA", 1, false);
        // The merchant stops tracking every item after the sync: Shopify refuses each write, and each change parks.
        for (String sku : skus) {
            shop.stopTracking(sku);
        }
        List<jakarta.json.JsonObjectBuilder> movements = new ArrayList<>();
        for (String sku : skus) {
            movements.add(movement("SL-" + tag + "-" + sku, "receiving", sku, store.warehouse(), 1, 11));
        }
        HttpResponse<String> sent = fixture.send(movements.toArray(jakarta.json.JsonObjectBuilder[]::new));
        assertEquals(200, sent.statusCode(), sent.body());
        String parked = "select count(*) from stock_change where store_id = " + store.id() + " and state = 'FAILED'";
        await(Duration.ofSeconds(60), () -> count(parked) == PARKED, "every change parked");

        Path downloads = Files.createDirectories(Path.of("target", "downloads", "stock-lists-" + tag));
        try (Browser browser = signedIn(downloads)) {
            browser.choose(By.id("lists:store"), store.domain());
            browser.choose(By.id("lists:state"), "Parked");
            filter(browser);
            By report = By.cssSelector("#lists\\:changes .ui-paginator-current");
            browser.awaitTextContaining(report, "1–50 of " + PARKED);
            assertEquals(50, rows(browser, "changes").size(), "a page of 50");
            assertTrue(rows(browser, "changes").get(0).getText().contains("parked"), "the state shown");
            assertTrue(rows(browser, "changes").get(0).getText().contains("NON_MUTABLE_INVENTORY_ITEM"), "the reason");
            browser.click(By.cssSelector("#lists\\:changes .ui-paginator-next"));
            browser.awaitTextContaining(report, "51–" + PARKED + " of " + PARKED);
            assertEquals(PARKED - 50, rows(browser, "changes").size(), "the rest on the second page");

            // Another state of the same store: nothing pending.
            browser.choose(By.id("lists:state"), "Pending");
            filter(browser);
            browser.awaitTextContaining(By.id("lists:changes"), "Nothing is waiting");

            // One SKU: one row, its SKU linked to the item's trace.
            String one = skus.get(7);
            browser.choose(By.id("lists:state"), "Parked");
            browser.type(By.id("lists:sku"), one);
            filter(browser);
            browser.awaitTextContaining(report, "1–1 of 1");
            WebElement link = rows(browser, "changes").get(0).findElement(By.cssSelector("td.sku a"));
            assertEquals(one, link.getText());
            assertTrue(link.getAttribute("href").contains("/admin/item-trace.xhtml"), link.getAttribute("href"));

            // The export holds the page shown.
            browser.click(By.id("lists:export-changes"));
            List<String> csv = downloaded(downloads, "stock-changes.csv");
            assertEquals(2, csv.size(), "a heading and the one row shown: " + csv);
            assertTrue(csv.get(0).contains("SKU") && csv.get(0).contains("Reason"), csv.get(0));
            assertFalse(csv.get(0).contains("Select"), "the selection boxes are not exported");
            assertTrue(csv.get(1).contains(one) && csv.get(1).contains("parked"), csv.get(1));
            assertTrue(csv.get(1).contains(store.domain()), csv.get(1));

            // Three parked changes selected on the first page; Shopify tracks every item again meanwhile.
            browser.type(By.id("lists:sku"), "");
            filter(browser);
            browser.awaitTextContaining(report, "1–50 of " + PARKED);
            browser.click(By.id("lists:retry-selected"));
            browser.awaitPageContaining("Select one or more parked changes or pushes to retry first.");
            List<String> chosen = new ArrayList<>();
            for (int row = 0; row < 3; row++) {
                chosen.add(rows(browser, "changes")
                        .get(row)
                        .findElement(By.cssSelector("td.sku a"))
                        .getText());
                browser.click(By.cssSelector("#lists\\:changes tbody tr[data-ri='" + row + "'] .ui-chkbox-box"));
            }
            for (String sku : skus) {
                shop.startTracking(sku);
            }
            browser.click(By.id("lists:retry-selected"));
            browser.awaitTextContaining(By.id("confirm-retry-text"), "Retry 3 parked changes?");
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            // The pointer leaves the button just clicked: axe measures the page as read, not a button under it.
            browser.driver().findElement(By.tagName("h1")).click();
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "with the confirmation open");

            browser.click(By.id("lists:retry-cancelled"));
            Awaitility.await()
                    .atMost(Duration.ofSeconds(20))
                    .until(() -> browser.driver()
                            .findElements(By.id("confirm-retry-text"))
                            .isEmpty());
            assertEquals(PARKED, count(parked), "cancelled: nothing retried");

            browser.click(By.id("lists:retry-selected"));
            browser.awaitTextContaining(By.id("confirm-retry-text"), "Retry 3 parked changes?");
            browser.click(By.id("lists:retry-confirmed"));
            browser.awaitTextContaining(By.id("messages-panel"), "3 of 3 selected parked change(s) and push(es)");
            browser.awaitTextContaining(report, "of " + (PARKED - 3));
            browser.awaitText(
                    By.cssSelector("tr[data-store='" + store.domain() + "'] td.parked"), String.valueOf(PARKED - 3));

            for (String sku : chosen) {
                await(Duration.ofSeconds(30), () -> store.available(sku) == 11, sku + " lands once retried");
            }
            Thread.sleep(1500); // a retry of another would go out within the 1 s window
            assertEquals(PARKED - 3, count(parked), "the others stay parked");
            for (String sku : skus) {
                if (!chosen.contains(sku)) {
                    assertEquals(10, store.available(sku), sku + " was not retried");
                }
            }
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
            browser.screenshot("stock-lists-changes");
        }
    }

    @Test
    void theSelectedParkedPushesOfOneStoreAreRetriedAndAnotherStoresStaysParked() throws Exception {
        String tag = tag();
        String prefix = "SP" + tag;
        SyncedStore first = pushStore(prefix + "-a", List.of(prefix + "-A1", prefix + "-A2"));
        SyncedStore second = pushStore(prefix + "-b", List.of(prefix + "-B1"));
        // Each write meets a permanent error: each push parks at once (one after the other, so one push each).
        park(first, prefix + "-A1");
        park(first, prefix + "-A2");
        park(second, prefix + "-B1");

        Path downloads = Files.createDirectories(Path.of("target", "downloads", "stock-pushes-" + tag));
        try (Browser browser = signedIn(downloads)) {
            browser.choose(By.id("lists:state"), "Parked");
            browser.type(By.id("lists:sku"), prefix);
            filter(browser);
            By report = By.cssSelector("#lists\\:pushes .ui-paginator-current");
            browser.awaitTextContaining(report, "1–3 of 3");
            // Oldest first: the first store's first push.
            browser.click(By.cssSelector("#lists\\:pushes th[aria-label^='Created']"));
            browser.awaitTextContaining(By.cssSelector("#lists\\:pushes tbody tr:first-child td.sku"), prefix + "-A1");
            WebElement link = rows(browser, "pushes").get(0).findElement(By.cssSelector("td.sku a"));
            assertTrue(link.getAttribute("href").contains("/admin/item-trace.xhtml"), link.getAttribute("href"));

            browser.click(By.id("lists:export-pushes"));
            List<String> csv = downloaded(downloads, "stock-pushes.csv");
            assertEquals(4, csv.size(), "a heading and the 3 pushes shown: " + csv);
            assertTrue(csv.get(1).contains(prefix + "-A1") && csv.get(1).contains("parked"), csv.get(1));
            assertTrue(csv.get(3).contains(second.domain()), csv.get(3));

            for (int row = 0; row < 2; row++) {
                assertTrue(rows(browser, "pushes").get(row).getText().contains(first.domain()));
                browser.click(By.cssSelector("#lists\\:pushes tbody tr[data-ri='" + row + "'] .ui-chkbox-box"));
            }
            browser.click(By.id("lists:retry-selected"));
            browser.awaitTextContaining(By.id("confirm-retry-text"), "Retry 2 parked pushes?");
            // The pointer leaves the button just clicked: axe measures the page as read, not a button under it.
            browser.driver().findElement(By.tagName("h1")).click();
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "with the confirmation open");
            browser.click(By.id("lists:retry-confirmed"));
            browser.awaitTextContaining(By.id("messages-panel"), "2 of 2 selected parked change(s) and push(es)");
            browser.awaitTextContaining(report, "1–1 of 1");
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));
        }
        await(Duration.ofSeconds(30), () -> first.available(prefix + "-A1") == 11, "A1 lands once retried");
        await(Duration.ofSeconds(30), () -> first.available(prefix + "-A2") == 11, "A2 lands once retried");
        Thread.sleep(1500);
        assertEquals(10, second.available(prefix + "-B1"), "the other store's push was not retried");
        assertEquals(1, count("select count(*) from stock_push where state = 'FAILED' and store_id = " + second.id()));
        assertEquals(Set.of("PUSHED"), Set.copyOf(states(first.id())), "the first store's pushes went out");
    }

    private static List<String> states(long storeId) throws Exception {
        List<String> states = new ArrayList<>();
        try (var db = fixture.connector.jdbc();
                var rows =
                        db.createStatement().executeQuery("select state from stock_push where store_id = " + storeId)) {
            while (rows.next()) {
                states.add(rows.getString(1));
            }
        }
        return states;
    }

    /** A store of its own selling these SKUs (10 of each), stock sync on in Delta mode. */
    private static SyncedStore pushStore(String name, List<String> skus) throws Exception {
        Shop shop = SyncedStore.newShop(fixture.connector, name.toLowerCase(java.util.Locale.ROOT) + ".myshopify.com");
        shop.addProduct("Product " + name, skus.toArray(String[]::new));
        for (String sku : skus) {
            shop.stock(sku, shop.locations().get(0), 10);
        }
        return SyncedStore.connect(fixture, shop, name.toUpperCase(java.util.Locale.ROOT), "DELTA", 1, false);
    }

    /** A movement of the SKU whose push Shopify refuses with a permanent error: the push parks. */
    private static void park(SyncedStore store, String sku) throws Exception {
        String parked = "select count(*) from stock_push where state = 'FAILED' and store_id = " + store.id();
        long before = count(parked);
        store.shop().faults().errorAnswers(ErrorAnswers.Kind.MAX_COST_EXCEEDED, 1, "InventoryAdjust");
        HttpResponse<String> sent = fixture.send(
                movement("SP-" + sku + "-" + UUID.randomUUID(), "receiving", sku, store.warehouse(), 1, 11));
        assertEquals(200, sent.statusCode(), sent.body());
        await(Duration.ofSeconds(60), () -> count(parked) == before + 1, "the push of " + sku + " parked");
    }

    /**
     * Applies the filters and waits for the tables' update (a page report that already read as expected before it,
     * say for the same count, would let the test read rows the update then replaces).
     */
    private static void filter(Browser browser) {
        browser.click(By.id("lists:apply-filters"));
        browser.awaitSettled();
    }

    private static List<WebElement> rows(Browser browser, String table) {
        return browser.driver().findElements(By.cssSelector("#lists\\:" + table + " tbody tr[data-ri]"));
    }

    /** The lines of a file the browser downloaded, once it is complete. */
    private static List<String> downloaded(Path downloads, String name) throws Exception {
        Path file = downloads.resolve(name);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.delete(file);
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }

    private static long count(String query) {
        try {
            return fixture.longValue(query);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
