package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriverException;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Product;
import wms.shopify.sandbox.Shop;

/**
 * Long work shows its progress, survives a reload and can be cancelled (#21). Sync Products of a store of 2 048
 * variants, each Admin API answer held back 3 s so that there is time to watch: the Product Mapping page shows a
 * progress bar with "n of 2 048" that grows in place (no reload), still shows it after a reload, and a confirmed
 * Cancel stops the sync at a page boundary, shown cancelled with the counts of what it kept. A drift reconciliation
 * of a synced store, slowed the same way, is cancelled through the WMS API and stops with its counts so far. Each test
 * has a store of its own.
 */
class LongWorkProgressIT {

    /** The same setting as LargeProductSyncIT: below 5 000 variants a sync reads cursor pages of 250. */
    static SandboxConnector connector;

    static WmsFixture wms;

    private static final Pattern COUNTS = Pattern.compile("([\\d ]+) of 2 048");

    @BeforeAll
    static void theConnector() throws Exception {
        connector = SandboxConnector.get(List.of("PRODUCT_SYNC_BULK_FROM_VARIANTS=5000"));
        wms = new WmsFixture(connector, "long-work-progress-it");
    }

    /** A store of one product with 2 048 variants stocked at its location mapped to a warehouse, and the WMS catalog. */
    private static Shop largeStore(String tag) throws Exception {
        return largeStore(tag, Product.MAX_VARIANTS);
    }

    /** As {@link #largeStore(String)}, with this many variants. */
    private static Shop largeStore(String tag, int variants) throws Exception {
        Shop shop = connector.sandbox().createShop(tag + "-progress.myshopify.com", Plan.STANDARD);
        Location main = shop.addLocation("Progress store");
        List<String> skus = IntStream.range(0, variants)
                .mapToObj(i -> String.format("%s-%04d", tag.toUpperCase(java.util.Locale.ROOT), i))
                .toList();
        shop.addProduct("Print", skus.toArray(String[]::new));
        skus.forEach(sku -> shop.stock(sku, main, 2));
        wms.install(shop, main, tag.toUpperCase(java.util.Locale.ROOT) + "-WH");
        wms.registerProducts(skus);
        return shop;
    }

    /** The variants read, as the progress line says ("1 250 of 2 048"); -1 while it is not shown. */
    private static int shownRead(Browser browser) {
        try {
            Matcher counts = COUNTS.matcher(
                    browser.driver().findElement(By.id("sync-counts")).getText());
            return counts.find() ? Integer.parseInt(counts.group(1).replace(" ", "")) : -1;
        } catch (WebDriverException e) {
            return -1; // not there, or replaced by the refresh while read
        }
    }

    /** The sync's state as the page shows it; null while it is not shown. */
    private static String shownState(Browser browser) {
        try {
            return browser.driver().findElement(By.id("sync-state")).getAttribute("data-state");
        } catch (WebDriverException e) {
            return null; // not there, or replaced by the refresh while read
        }
    }

    @Test
    void syncProductsShowsItsProgressKeepsItOverAReloadAndIsCancelledKeepingWhatItRead() throws Exception {
        Shop shop = largeStore("sync");
        long storeId = wms.storeId(shop.domain());
        shop.faults().latency(Duration.ofSeconds(3));
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/product-mapping.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/product-mapping.xhtml?store=" + storeId);
            browser.click(By.id("sync:sync-products"));

            // The progress bar, with the whole Shopify counted, and the page marked: a reload would lose the mark.
            browser.awaitAttribute(By.id("sync-state"), "data-state", "RUNNING");
            browser.awaitTextContaining(By.id("sync-counts"), "of 2 048");
            assertEquals(
                    "2048", browser.driver().findElement(By.id("sync-progress")).getAttribute("max"));
            ((JavascriptExecutor) browser.driver()).executeScript("window.sameDocument = true;");
            WmsFixture.await(Duration.ofSeconds(240), () -> shownRead(browser) > 0, "a first page read and shown");
            assertEquals(
                    Boolean.TRUE,
                    ((JavascriptExecutor) browser.driver()).executeScript("return window.sameDocument === true;"),
                    "the progress was redrawn in place, not by reloading the page");
            int before = shownRead(browser);
            assertTrue(before < 2048, "still running: " + before);
            assertTrue(
                    browser.text(By.id("sync-estimate")).matches("about .+ left|estimating the time left"),
                    browser.text(By.id("sync-estimate")));
            browser.screenshot("product-sync-progress");
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(List.of(), Accessibility.seriousViolations(browser));

            // A reload picks the running sync up again.
            browser.driver().navigate().refresh();
            browser.awaitAttribute(By.id("sync-state"), "data-state", "RUNNING");
            browser.awaitTextContaining(By.id("sync-counts"), "of 2 048");
            assertTrue(shownRead(browser) >= before, "the count went on, not from 0");

            // Cancel, confirmed: the sync stops at its next page and the page shows it cancelled.
            browser.click(By.id("progress:cancel-sync"));
            browser.driver().switchTo().alert().accept();
            WmsFixture.await(
                    Duration.ofSeconds(120),
                    () -> "CANCELLED".equals(shownState(browser)),
                    "the sync shown cancelled once it reached its next page");
            assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
            assertEquals(List.of(), Accessibility.seriousViolations(browser), "cancelled");
            browser.screenshot("product-sync-cancelled");
            int read = Integer.parseInt(browser.text(By.id("sync-read")));
            assertTrue(read > 0 && read < 2048, "stopped part way: " + read);
            assertEquals(String.valueOf(read), browser.text(By.id("sync-matched")), "each variant read was mapped");
            assertTrue(browser.driver().findElements(By.id("sync-progress")).isEmpty(), "no bar once it ended");

            // What it recorded stays, and nothing after the page it stopped at was read.
            JsonObject latest =
                    WmsFixture.json(wms.api("GET", "/api/v1/stores/" + shop.domain() + "/product-sync", null));
            assertEquals("cancelled", latest.getString("state"), latest.toString());
            assertEquals(read, latest.getInt("variantsRead"), latest.toString());
            assertEquals(2048, latest.getInt("total"), latest.toString());
            assertTrue(latest.getBoolean("cancelRequested"), latest.toString());
            assertEquals(
                    read,
                    wms.longValue("select count(*) from store_variant where store_id = " + storeId),
                    "the variants recorded are those it counted");
            assertEquals(
                    read,
                    wms.longValue("select count(*) from store_variant where product_id is not null and store_id = "
                            + storeId),
                    "and they stay mapped");
            HttpResponse<String> again =
                    wms.api("POST", "/api/v1/stores/" + shop.domain() + "/product-sync/cancel", null);
            assertEquals(409, again.statusCode(), "nothing runs to cancel: " + again.body());
        } finally {
            shop.faults().none();
        }
    }

    @Test
    void aDriftReconciliationIsCancelledThroughTheApiAndStopsWithItsCountsSoFar() throws Exception {
        // Three pages of levels (250 a page), each answer held back 3 s: cancelled after the first.
        Shop shop = largeStore("drift", 750);
        wms.syncProducts(shop.domain());
        String path = "/api/v1/stores/" + shop.domain() + "/stock-reconciliation";
        assertEquals(409, wms.api("POST", path + "/cancel", null).statusCode(), "none runs yet");
        shop.faults().latency(Duration.ofSeconds(3));
        try {
            HttpResponse<String> started = wms.api("POST", path, null);
            assertEquals(202, started.statusCode(), started.body());
            HttpResponse<String> cancel = wms.api("POST", path + "/cancel", null);
            assertEquals(202, cancel.statusCode(), cancel.body());
            assertTrue(WmsFixture.json(cancel).getBoolean("cancelRequested"), cancel.body());
            JsonObject[] latest = new JsonObject[1];
            WmsFixture.await(
                    Duration.ofSeconds(180),
                    () -> {
                        try {
                            latest[0] = WmsFixture.json(wms.api("GET", path, null));
                            return !"running".equals(latest[0].getString("state"));
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    },
                    "the reconciliation of " + shop.domain() + " to stop");
            assertEquals("cancelled", latest[0].getString("state"), latest[0].toString());
            assertEquals(750, latest[0].getInt("total"), "every mapped variant at the one mapped location");
            assertTrue(latest[0].getInt("levelsRead") < 750, "it stopped reading part way: " + latest[0]);
            assertTrue(latest[0].getString("message").startsWith("cancelled after"), latest[0].toString());
        } finally {
            shop.faults().none();
        }
    }
}
