package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * Sync Products against the Shopify sandbox with a mixed catalog: SKU matches (one with spaces in the WMS's SKU),
 * a barcode-only match, an ambiguous SKU, a variant nothing matches, an untracked one, one not stocked at the
 * mapped location, and 300 more so that the variants come in two pages. A second sync after a SKU edit on Shopify
 * and a catalog change (three variants more, one stocked only at an unmapped location: the store now counts as
 * large, so it is read through a Bulk Operation that carries the stocked locations) keeps every mapping it must
 * keep, maps only what was open, and still reports the variants not stocked at the mapped location. Neither writes anything to
 * Shopify (the sandbox's journal has no mutation) and one sync per store runs at a time. Each test opens a store and
 * a WMS catalog of its own (every SKU and product code starts with the test's tag, since WMS products are matched
 * across the whole catalog) and syncs it as often as it starts from, so none depends on another's syncs.
 */
class ProductSyncIT {

    private static final int BULK = 300;
    /** Read in bulk from this many variants on: the first sync (307) reads pages, the later ones (310) bulk. */
    private static final int BULK_FROM = BULK + 10;

    static SandboxConnector connector;
    /** The WMS side: its credential and its calls of the WMS API. */
    static WmsFixture wms;

    @BeforeAll
    static void theConnectorAndAWmsCredential() throws Exception {
        // The first sync reads cursor pages; once Shopify counts BULK_FROM variants, syncs read in bulk.
        connector = SandboxConnector.get(List.of("PRODUCT_SYNC_BULK_FROM_VARIANTS=" + BULK_FROM));
        wms = new WmsFixture(connector, "product-sync-it");
    }

    /**
     * A store and the WMS catalog of one test, every SKU and product code prefixed with its tag.
     *
     * @param tag the test's own prefix
     * @param shop the sandbox shop
     * @param main its location mapped to the WMS warehouse
     */
    private record Catalog(String tag, Shop shop, Location main) {

        /** The SKU or product code as this test's catalog has it. */
        String of(String name) {
            return this.tag + "-" + name;
        }

        String domain() {
            return this.shop.domain();
        }
    }

    /**
     * The mixed catalog on a store of the test's own: the store installed with its location mapped to the warehouse
     * and the WMS products registered, nothing synced yet.
     */
    private static Catalog catalog(String tag) throws Exception {
        Shop shop = connector.sandbox().createShop("catalog-" + tag + ".myshopify.com", Plan.STANDARD);
        Catalog c = new Catalog(tag, shop, shop.addLocation("Catalog main"));
        shop.addProduct("Shirt", c.of("SH-S"), c.of("SH-M"));
        shop.addProduct("Mug", c.of("MUG-SHOPIFY"));
        shop.addProduct("Cap", c.of("CAP"));
        shop.addProduct("Scarf", c.of("SCARF"));
        shop.addProduct("Sock", c.of("SOCK"));
        shop.addProduct("Belt", c.of("BELT"));
        String[] bulk = new String[BULK];
        for (int i = 0; i < BULK; i++) {
            bulk[i] = c.of("BULK-" + i);
        }
        shop.addProduct("Bulk", bulk);
        for (String sku : List.of("SH-S", "SH-M", "MUG-SHOPIFY", "CAP", "SCARF", "SOCK")) {
            shop.stock(c.of(sku), c.main(), 5);
        }
        for (String sku : bulk) {
            shop.stock(sku, c.main(), 1);
        }
        shop.stopTracking(c.of("SOCK"));
        // BELT is tracked but stocked nowhere.

        // The warehouse and the location mapping are set-up here (tested by StoreInstallIT), written directly.
        wms.install(shop, c.main(), "CAT-WH");

        JsonArrayBuilder products = Json.createArrayBuilder()
                .add(product(c, "W-SHS", c.of("SH-S"), null))
                .add(product(c, "W-SHM", "  " + c.of("SH-M") + " ", null))
                .add(product(
                        c,
                        "W-MUG",
                        c.of("MUG-WMS"),
                        shop.item(c.of("MUG-SHOPIFY")).variant().barcode()))
                .add(product(c, "W-CAP1", c.of("CAP"), null))
                .add(product(c, "W-CAP2", c.of("CAP"), null))
                .add(product(c, "W-SOCK", c.of("SOCK"), null))
                .add(product(c, "W-BELT", c.of("BELT"), null));
        for (int i = 0; i < BULK; i++) {
            products.add(product(c, "W-BULK-" + i, c.of("BULK-" + i), null));
        }
        HttpResponse<String> registered = putProducts(products);
        assertEquals(200, registered.statusCode(), registered.body());
        assertEquals(
                "[\"" + c.of("CAP") + "\"]",
                json(registered).getJsonArray("duplicateSkus").toString());
        return c;
    }

    /**
     * The catalog changes after the first sync: on Shopify the shirt's SKU becomes the belt's and gloves arrive (the
     * large one stocked only at an outlet the connector does not map); in the WMS the scarf and the gloves arrive and
     * a cap is deactivated.
     */
    private static void changeTheCatalog(Catalog c) throws Exception {
        Shop shop = c.shop();
        shop.editSku(c.of("SH-S"), c.of("BELT-2"));
        shop.addProduct("Glove", c.of("GLOVE-S"), c.of("GLOVE-M"), c.of("GLOVE-L"));
        shop.stock(c.of("GLOVE-S"), c.main(), 3);
        shop.stock(c.of("GLOVE-M"), c.main(), 3);
        shop.stock(c.of("GLOVE-L"), shop.addLocation("Outlet"), 3);
        HttpResponse<String> registered = putProducts(Json.createArrayBuilder()
                .add(product(c, "W-BELT2", c.of("BELT-2"), null))
                .add(product(c, "W-SCARF", c.of("SCARF"), null))
                .add(product(c, "W-GLOVE-S", c.of("GLOVE-S"), null))
                .add(product(c, "W-GLOVE-M", c.of("GLOVE-M"), null))
                .add(product(c, "W-GLOVE-L", c.of("GLOVE-L"), null))
                .add(Json.createObjectBuilder()
                        .add("code", c.of("W-CAP2"))
                        .add("sku", c.of("CAP"))
                        .add("name", c.of("W-CAP2"))
                        .add("active", false)));
        assertEquals(200, registered.statusCode(), registered.body());
    }

    /** The catalog synced, changed and synced again. */
    private static Catalog syncedTwice(String tag) throws Exception {
        Catalog c = catalog(tag);
        assertEquals("succeeded", syncAndWait(c).getString("state"));
        changeTheCatalog(c);
        assertEquals("succeeded", syncAndWait(c).getString("state"));
        return c;
    }

    @Test
    void theFirstSyncMapsBySkuThenBarcodeAndReportsTheRest() throws Exception {
        Catalog c = catalog("first");
        JsonObject result = syncAndWait(c);
        assertEquals("succeeded", result.getString("state"), result.toString());
        assertEquals(BULK + 7, result.getInt("variantsRead"));
        assertEquals(BULK + 5, result.getInt("matched"), "SH-S, SH-M, the mug, sock, belt and the bulk ones");
        assertEquals(1, result.getInt("unmapped"));
        assertEquals(1, result.getInt("ambiguous"));
        assertEquals(2, result.getInt("problems"));

        Map<String, String[]> rows = variants(c);
        assertRow(c, rows, "SH-S", "SKU", "W-SHS", null);
        assertRow(c, rows, "SH-M", "SKU", "W-SHM", null);
        assertRow(c, rows, "MUG-SHOPIFY", "BARCODE", "W-MUG", null);
        assertRow(c, rows, "CAP", "AMBIGUOUS", null, null);
        assertTrue(rows.get(c.of("CAP"))[3].contains("2 WMS products"), rows.get(c.of("CAP"))[3]);
        assertRow(c, rows, "SCARF", "UNMAPPED", null, null);
        assertRow(c, rows, "SOCK", "SKU", "W-SOCK", "untracked");
        assertRow(c, rows, "BELT", "SKU", "W-BELT", "not stocked");
        assertRow(c, rows, "BULK-299", "SKU", "W-BULK-299", null);
        assertTrue(rows.get(c.of("SH-S"))[4].startsWith("gid://shopify/InventoryItem/"), "the inventory item is kept");

        assertEquals(List.of(), writesBesidesTheInstall(c), "a sync writes nothing to Shopify");
        List<String> operations = c.shop().journal().requests().stream()
                .map(r -> r.operationName())
                .toList();
        assertEquals(2, operations.stream().filter("ProductVariants"::equals).count(), "two pages: " + operations);
        assertEquals(
                1, operations.stream().filter("ProductVariantsCount"::equals).count(), "counted first");
        assertEquals(
                2,
                operations.stream().filter("LocationInventoryLevels"::equals).count(),
                "the mapped location's 306 stocked items, in two pages");
        assertEquals(0, operations(c, "BulkVariants"));
    }

    @Test
    void aSecondSyncKeepsEveryMappingAndMapsOnlyWhatWasOpen() throws Exception {
        Catalog c = catalog("second");
        // The first sync, then the catalog changes on both sides.
        assertEquals("succeeded", syncAndWait(c).getString("state"));
        changeTheCatalog(c);

        long levelPagesBefore = operations(c, "LocationInventoryLevels");
        long pagesBefore = operations(c, "ProductVariants");
        JsonObject result = syncAndWait(c);
        assertEquals("succeeded", result.getString("state"), result.toString());
        assertEquals(1, operations(c, "BulkVariants"), "read through a Bulk Operation this time");
        assertEquals(levelPagesBefore, operations(c, "LocationInventoryLevels"), "the stocked locations came with it");
        assertEquals(pagesBefore, operations(c, "ProductVariants"));
        assertEquals(BULK + 10, result.getInt("variantsRead"));
        assertEquals(BULK + 10, result.getInt("matched"), "the scarf, the cap and the gloves are now mapped as well");
        assertEquals(0, result.getInt("unmapped") + result.getInt("ambiguous"));
        assertEquals(3, result.getInt("problems"), "the untracked sock, the belt and the large glove");

        Map<String, String[]> rows = variants(c);
        assertRow(c, rows, "BELT-2", "SKU", "W-SHS", null);
        assertRow(c, rows, "SCARF", "SKU", "W-SCARF", null);
        assertRow(c, rows, "CAP", "SKU", "W-CAP1", null);
        assertRow(c, rows, "MUG-SHOPIFY", "BARCODE", "W-MUG", null);
        assertRow(c, rows, "GLOVE-S", "SKU", "W-GLOVE-S", null);
        assertRow(c, rows, "GLOVE-L", "SKU", "W-GLOVE-L", "not stocked");
        assertRow(c, rows, "BELT", "SKU", "W-BELT", "not stocked");
        assertRow(c, rows, "SOCK", "SKU", "W-SOCK", "untracked");
        assertRow(c, rows, "BULK-0", "SKU", "W-BULK-0", null);
        assertRow(c, rows, "BULK-299", "SKU", "W-BULK-299", null);
        assertEquals(List.of(), writesBesidesTheInstall(c));
    }

    @Test
    void oneSyncPerStoreAtATimeAndUnknownStoresAre404() throws Exception {
        Shop shop = connector.sandbox().createShop("catalog-running.myshopify.com", Plan.STANDARD);
        Location main = shop.addLocation("Catalog main");
        shop.addProduct("Shirt", "running-SH-S");
        shop.stock("running-SH-S", main, 5);
        wms.install(shop, main, "CAT-WH");
        String domain = shop.domain();
        // The database refuses a second running sync: a row left running (a crashed instance) blocks a start.
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("insert into product_sync (store_id, state, started_at) select id, "
                            + "'RUNNING', now() from store where domain = '" + domain + "'");
        }
        HttpResponse<String> refused = api("POST", "/api/v1/stores/" + domain + "/product-sync", null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(
                "running",
                json(api("GET", "/api/v1/stores/" + domain + "/product-sync", null))
                        .getString("state"));
        assertEquals(
                404,
                api("POST", "/api/v1/stores/nowhere.myshopify.com/product-sync", null)
                        .statusCode());
        assertEquals(
                404,
                api("POST", "/api/v1/stores/not%20a%20shop/product-sync", null).statusCode());
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("update product_sync set state = 'FAILED', finished_at = now() "
                            + "where state = 'RUNNING' and store_id = (select id from store where domain = '" + domain
                            + "')");
        }
    }

    @Test
    void inTheBrowserSyncShowsProgressAndResultAndAVariantIsMappedByHand() throws Exception {
        Catalog c = syncedTwice("hand");
        String belt2 = c.of("BELT-2");
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/product-mapping.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/product-mapping.xhtml?store=" + storeId(c));
            browser.click(By.id("sync:sync-products"));
            // The page redraws its progress in place while the sync runs, then loads again with the result.
            browser.awaitAttribute(By.id("sync-state"), "data-state", "SUCCEEDED");
            assertEquals("[]", browser.cspViolations(), "the refreshes ran without inline script");
            browser.screenshot("product-sync-done");
            assertEquals(String.valueOf(BULK + 10), browser.text(By.id("sync-read")));
            assertEquals(String.valueOf(BULK + 10), browser.text(By.id("sync-matched")));

            // The shirt whose SKU was edited on Shopify is found by its new SKU and mapped by hand elsewhere.
            browser.type(By.id("search:q"), belt2);
            browser.click(By.id("search:find"));
            // The search posts, then redirects to the page with the term: wait for that page, or the row found
            // could be the one on the page being left (the shirt's row is on the first page too).
            browser.awaitUrlContaining("q=" + belt2);
            WebElement row = browser.driver().findElement(By.cssSelector("tr[data-sku='" + belt2 + "']"));
            assertEquals(
                    "SKU",
                    row.findElement(By.cssSelector("td.mapping")).getText().strip());
            row.findElement(By.cssSelector("input[id$=':product']")).sendKeys(c.of("W-BELT2"));
            row.findElement(By.cssSelector("input[id$=':map']")).click();
            browser.awaitText(By.cssSelector("tr[data-sku='" + belt2 + "'] td.mapping"), "MANUAL");
            assertTrue(browser.text(By.cssSelector("tr[data-sku='" + belt2 + "'] td.product"))
                    .startsWith(c.of("W-BELT2")));
            browser.screenshot("product-mapped-by-hand");
        }
        // A sync after it keeps the hand-made mapping.
        syncAndWait(c);
        assertRow(c, variants(c), "BELT-2", "MANUAL", "W-BELT2", null);
        assertEquals(List.of(), writesBesidesTheInstall(c));
    }

    @Test
    void inTheBrowserUnmapByHandProblemsFilterAndADeactivatedProductAreShown() throws Exception {
        Catalog c = syncedTwice("unmap");
        String mug = c.of("MUG-SHOPIFY");
        // The WMS deactivates the mug's product: the mapping stays and is flagged.
        HttpResponse<String> deactivated = putProducts(Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("code", c.of("W-MUG"))
                        .add("sku", c.of("MUG-WMS"))
                        .add("barcode", c.shop().item(mug).variant().barcode())
                        .add("name", c.of("W-MUG"))
                        .add("active", false)));
        assertEquals(200, deactivated.statusCode(), deactivated.body());
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/product-mapping.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            String page = connector.url() + "/admin/product-mapping.xhtml?store=" + storeId(c);

            browser.visit(page + "&filter=problems");
            List<String> problems = browser.driver().findElements(By.cssSelector("#variant-list tbody tr")).stream()
                    .map(row -> row.getAttribute("data-sku"))
                    .sorted()
                    .toList();
            assertEquals(List.of(c.of("BELT"), c.of("GLOVE-L"), c.of("SOCK")), problems);

            browser.visit(page + "&q=" + mug);
            assertTrue(browser.text(By.cssSelector("tr[data-sku='" + mug + "'] td.product"))
                    .contains("deactivated in the WMS"));
            assertEquals("BARCODE", browser.text(By.cssSelector("tr[data-sku='" + mug + "'] td.mapping")));

            String shirt = c.of("SH-M");
            browser.visit(page + "&q=" + shirt);
            browser.click(By.cssSelector("tr[data-sku='" + shirt + "'] input[id$=':unmap']"));
            browser.awaitText(By.cssSelector("tr[data-sku='" + shirt + "'] td.mapping"), "UNMAPPED (by hand)");

            // A product code that does not exist is refused with a message, and changes nothing.
            String scarf = c.of("SCARF");
            browser.visit(page + "&q=" + scarf);
            browser.type(By.cssSelector("tr[data-sku='" + scarf + "'] input[id$=':product']"), "NO-SUCH-PRODUCT");
            browser.click(By.cssSelector("tr[data-sku='" + scarf + "'] input[id$=':map']"));
            browser.awaitPageContaining("No WMS product has the code or SKU");
            browser.screenshot("product-unmapped-by-hand");
        }
        syncAndWait(c);
        Map<String, String[]> rows = variants(c);
        assertRow(c, rows, "SH-M", "UNMAPPED", null, null);
        assertRow(c, rows, "SCARF", "SKU", "W-SCARF", null);
        assertRow(c, rows, "MUG-SHOPIFY", "BARCODE", "W-MUG", null);
    }

    private static long operations(Catalog c, String name) {
        return c.shop().journal().requests().stream()
                .filter(r -> name.equals(r.operationName()))
                .count();
    }

    /** Mutations other than the webhook subscriptions the install creates: none, ever, from a sync. */
    private static List<String> writesBesidesTheInstall(Catalog c) {
        // bulkOperationRunQuery starts a read; it changes nothing in the store.
        return c.shop().journal().mutations().stream()
                .map(m -> m.name())
                .filter(name -> !name.equals("webhookSubscriptionCreate") && !name.equals("bulkOperationRunQuery"))
                .toList();
    }

    private static long storeId(Catalog c) throws Exception {
        return wms.storeId(c.domain());
    }

    private static JsonObject syncAndWait(Catalog c) throws Exception {
        HttpResponse<String> started = api("POST", "/api/v1/stores/" + c.domain() + "/product-sync", null);
        assertEquals(202, started.statusCode(), started.body());
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            JsonObject latest = json(api("GET", "/api/v1/stores/" + c.domain() + "/product-sync", null));
            if (!"running".equals(latest.getString("state"))) {
                return latest;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the sync did not end within two minutes");
    }

    /**
     * By SKU on Shopify: status, WMS product code, problem (untracked / not stocked), note, inventory item.
     */
    private static Map<String, String[]> variants(Catalog c) throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Connection db = connector.jdbc();
                PreparedStatement query = db.prepareStatement("select v.sku, v.status, "
                        + "p.code, case when not v.tracked then 'untracked' when not v.stocked_at_mapped then 'not stocked' end,"
                        + " v.status_note, v.inventory_item_id from store_variant v join store s on s.id = v.store_id "
                        + "left join wms_product p on p.id = v.product_id where s.domain = ?")) {
            query.setString(1, c.domain());
            try (ResultSet result = query.executeQuery()) {
                while (result.next()) {
                    rows.put(result.getString(1), new String[] {
                        result.getString(2),
                        result.getString(3),
                        result.getString(4),
                        result.getString(5),
                        result.getString(6)
                    });
                }
            }
        }
        return rows;
    }

    /** The row of the variant with this SKU (unprefixed) is in this state, mapped to this product code (unprefixed). */
    private static void assertRow(
            Catalog c, Map<String, String[]> rows, String sku, String status, String product, String problem) {
        String[] row = rows.get(c.of(sku));
        assertTrue(
                row != null,
                "no variant with SKU " + c.of(sku) + " among " + rows.keySet().size());
        assertEquals(status, row[0], sku);
        assertEquals(product == null ? null : c.of(product), row[1], sku);
        if (problem == null) {
            assertNull(row[2], sku);
        } else {
            assertEquals(problem, row[2], sku);
        }
    }

    /** A WMS product of the test's catalog: its code prefixed, the SKU as given (already the test's own). */
    private static JsonObject product(Catalog c, String code, String sku, String barcode) {
        var product = Json.createObjectBuilder()
                .add("code", c.of(code))
                .add("sku", sku)
                .add("name", c.of(code));
        if (barcode != null) {
            product.add("barcode", barcode);
        }
        return product.build();
    }

    /** The WMS registers or changes these products. */
    private static HttpResponse<String> putProducts(JsonArrayBuilder products) throws Exception {
        return api("PUT", "/api/v1/products", products.build().toString());
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return wms.api(method, path, body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return WmsFixture.json(response);
    }
}
