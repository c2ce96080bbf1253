package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
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
 * Shopify (the sandbox's journal has no mutation) and one sync per store runs at a time.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductSyncIT {

    private static final String DOMAIN = "catalog-sync.myshopify.com";
    private static final int BULK = 300;
    /** Read in bulk from this many variants on: the first sync (307) reads pages, the later ones (310) bulk. */
    private static final int BULK_FROM = BULK + 10;

    static SandboxConnector connector;
    static Shop shop;
    static Location main;
    static String token;
    /** The WMS side: its credential and its calls of the WMS API. */
    static WmsFixture wms;

    static final HttpClient HTTP = ConnectorServer.client();

    @BeforeAll
    static void storeCatalogAndCredential() throws Exception {
        // The first sync reads cursor pages; once Shopify counts BULK_FROM variants, syncs read in bulk.
        connector = SandboxConnector.get(List.of("PRODUCT_SYNC_BULK_FROM_VARIANTS=" + BULK_FROM));
        shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        main = shop.addLocation("Catalog main");
        shop.addProduct("Shirt", "SH-S", "SH-M");
        shop.addProduct("Mug", "MUG-SHOPIFY");
        shop.addProduct("Cap", "CAP");
        shop.addProduct("Scarf", "SCARF");
        shop.addProduct("Sock", "SOCK");
        shop.addProduct("Belt", "BELT");
        String[] bulk = new String[BULK];
        for (int i = 0; i < BULK; i++) {
            bulk[i] = "BULK-" + i;
        }
        shop.addProduct("Bulk", bulk);
        for (String sku : List.of("SH-S", "SH-M", "MUG-SHOPIFY", "CAP", "SCARF", "SOCK")) {
            shop.stock(sku, main, 5);
        }
        for (String sku : bulk) {
            shop.stock(sku, main, 1);
        }
        shop.stopTracking("SOCK");
        // BELT is tracked but stocked nowhere.

        HttpClient admin = connector.signedInAdmin();
        connector.install(admin, shop);
        try (Connection db = connector.jdbc()) {
            // The warehouse and the location mapping are set-up here (tested by StoreInstallIT), written directly.
            db.createStatement()
                    .executeUpdate("insert into warehouse (code, name, updated_at) values "
                            + "('CAT-WH', 'Catalog warehouse', now())");
            db.createStatement()
                    .executeUpdate("update store_location set warehouse_id = (select id from warehouse "
                            + "where code = 'CAT-WH') where shopify_location_id = '" + main.id() + "'");
        }
        wms = new WmsFixture(connector, "product-sync-it");
        token = wms.token;

        JsonArrayBuilder products = Json.createArrayBuilder()
                .add(product("W-SHS", "SH-S", null))
                .add(product("W-SHM", "  SH-M ", null))
                .add(product(
                        "W-MUG", "MUG-WMS", shop.item("MUG-SHOPIFY").variant().barcode()))
                .add(product("W-CAP1", "CAP", null))
                .add(product("W-CAP2", "CAP", null))
                .add(product("W-SOCK", "SOCK", null))
                .add(product("W-BELT", "BELT", null));
        for (int i = 0; i < BULK; i++) {
            products.add(product("W-BULK-" + i, "BULK-" + i, null));
        }
        HttpResponse<String> registered =
                api("PUT", "/api/v1/products", products.build().toString());
        assertEquals(200, registered.statusCode(), registered.body());
        assertEquals("[\"CAP\"]", json(registered).getJsonArray("duplicateSkus").toString());
    }

    @Test
    @Order(1)
    void theFirstSyncMapsBySkuThenBarcodeAndReportsTheRest() throws Exception {
        JsonObject result = syncAndWait();
        assertEquals("succeeded", result.getString("state"), result.toString());
        assertEquals(BULK + 7, result.getInt("variantsRead"));
        assertEquals(BULK + 5, result.getInt("matched"), "SH-S, SH-M, the mug, sock, belt and the bulk ones");
        assertEquals(1, result.getInt("unmapped"));
        assertEquals(1, result.getInt("ambiguous"));
        assertEquals(2, result.getInt("problems"));

        Map<String, String[]> rows = variants();
        assertRow(rows, "SH-S", "SKU", "W-SHS", null);
        assertRow(rows, "SH-M", "SKU", "W-SHM", null);
        assertRow(rows, "MUG-SHOPIFY", "BARCODE", "W-MUG", null);
        assertRow(rows, "CAP", "AMBIGUOUS", null, null);
        assertTrue(rows.get("CAP")[3].contains("2 WMS products"), rows.get("CAP")[3]);
        assertRow(rows, "SCARF", "UNMAPPED", null, null);
        assertRow(rows, "SOCK", "SKU", "W-SOCK", "untracked");
        assertRow(rows, "BELT", "SKU", "W-BELT", "not stocked");
        assertRow(rows, "BULK-299", "SKU", "W-BULK-299", null);
        assertTrue(rows.get("SH-S")[4].startsWith("gid://shopify/InventoryItem/"), "the inventory item is kept");

        assertEquals(List.of(), writesBesidesTheInstall(), "a sync writes nothing to Shopify");
        List<String> operations =
                shop.journal().requests().stream().map(r -> r.operationName()).toList();
        assertEquals(2, operations.stream().filter("ProductVariants"::equals).count(), "two pages: " + operations);
        assertEquals(
                1, operations.stream().filter("ProductVariantsCount"::equals).count(), "counted first");
        assertEquals(
                2,
                operations.stream().filter("LocationInventoryLevels"::equals).count(),
                "the mapped location's 306 stocked items, in two pages");
        assertEquals(0, operations("BulkVariants"));
    }

    @Test
    @Order(2)
    void aSecondSyncKeepsEveryMappingAndMapsOnlyWhatWasOpen() throws Exception {
        // On Shopify the shirt's SKU becomes the belt's and gloves arrive (the large one stocked only at an outlet
        // the connector does not map); in the WMS the scarf and the gloves arrive and a cap is deactivated.
        shop.editSku("SH-S", "BELT-2");
        shop.addProduct("Glove", "GLOVE-S", "GLOVE-M", "GLOVE-L");
        shop.stock("GLOVE-S", main, 3);
        shop.stock("GLOVE-M", main, 3);
        shop.stock("GLOVE-L", shop.addLocation("Outlet"), 3);
        assertEquals(
                200,
                api(
                                "PUT",
                                "/api/v1/products",
                                Json.createArrayBuilder()
                                        .add(product("W-BELT2", "BELT-2", null))
                                        .add(product("W-SCARF", "SCARF", null))
                                        .add(product("W-GLOVE-S", "GLOVE-S", null))
                                        .add(product("W-GLOVE-M", "GLOVE-M", null))
                                        .add(product("W-GLOVE-L", "GLOVE-L", null))
                                        .add(Json.createObjectBuilder()
                                                .add("code", "W-CAP2")
                                                .add("sku", "CAP")
                                                .add("name", "W-CAP2")
                                                .add("active", false))
                                        .build()
                                        .toString())
                        .statusCode());

        long levelPagesBefore = operations("LocationInventoryLevels");
        long pagesBefore = operations("ProductVariants");
        JsonObject result = syncAndWait();
        assertEquals("succeeded", result.getString("state"), result.toString());
        assertEquals(1, operations("BulkVariants"), "read through a Bulk Operation this time");
        assertEquals(levelPagesBefore, operations("LocationInventoryLevels"), "the stocked locations came with it");
        assertEquals(pagesBefore, operations("ProductVariants"));
        assertEquals(BULK + 10, result.getInt("variantsRead"));
        assertEquals(BULK + 10, result.getInt("matched"), "the scarf, the cap and the gloves are now mapped as well");
        assertEquals(0, result.getInt("unmapped") + result.getInt("ambiguous"));
        assertEquals(3, result.getInt("problems"), "the untracked sock, the belt and the large glove");

        Map<String, String[]> rows = variants();
        assertRow(rows, "BELT-2", "SKU", "W-SHS", null);
        assertRow(rows, "SCARF", "SKU", "W-SCARF", null);
        assertRow(rows, "CAP", "SKU", "W-CAP1", null);
        assertRow(rows, "MUG-SHOPIFY", "BARCODE", "W-MUG", null);
        assertRow(rows, "GLOVE-S", "SKU", "W-GLOVE-S", null);
        assertRow(rows, "GLOVE-L", "SKU", "W-GLOVE-L", "not stocked");
        assertRow(rows, "BELT", "SKU", "W-BELT", "not stocked");
        assertRow(rows, "SOCK", "SKU", "W-SOCK", "untracked");
        assertRow(rows, "BULK-0", "SKU", "W-BULK-0", null);
        assertRow(rows, "BULK-299", "SKU", "W-BULK-299", null);
        assertEquals(List.of(), writesBesidesTheInstall());
    }

    @Test
    @Order(3)
    void oneSyncPerStoreAtATimeAndUnknownStoresAre404() throws Exception {
        // The database refuses a second running sync: a row left running (a crashed instance) blocks a start.
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("insert into product_sync (store_id, state, started_at) select id, "
                            + "'RUNNING', now() from store where domain = '" + DOMAIN + "'");
        }
        HttpResponse<String> refused = api("POST", "/api/v1/stores/" + DOMAIN + "/product-sync", null);
        assertEquals(409, refused.statusCode(), refused.body());
        assertEquals(
                "running",
                json(api("GET", "/api/v1/stores/" + DOMAIN + "/product-sync", null))
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
                            + "where state = 'RUNNING'");
        }
    }

    @Test
    @Order(4)
    void inTheBrowserSyncShowsProgressAndResultAndAVariantIsMappedByHand() throws Exception {
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/product-mapping.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.visit(connector.url() + "/admin/product-mapping.xhtml?store=" + storeId());
            browser.click(By.id("sync:sync-products"));
            // The page reloads itself while the sync runs, and keeps the result once it is done.
            browser.awaitAttribute(By.id("sync-state"), "data-state", "SUCCEEDED");
            assertEquals("[]", browser.cspViolations(), "the reloads ran without inline script");
            browser.screenshot("product-sync-done");
            assertEquals(String.valueOf(BULK + 10), browser.text(By.id("sync-read")));
            assertEquals(String.valueOf(BULK + 10), browser.text(By.id("sync-matched")));

            // The shirt whose SKU was edited on Shopify is found by its new SKU and mapped by hand elsewhere.
            browser.type(By.id("search:q"), "BELT-2");
            browser.click(By.id("search:find"));
            // The search posts, then redirects to the page with the term: wait for that page, or the row found
            // could be the one on the page being left (the shirt's row is on the first page too).
            browser.awaitUrlContaining("q=BELT-2");
            WebElement row = browser.driver().findElement(By.cssSelector("tr[data-sku='BELT-2']"));
            assertEquals(
                    "SKU",
                    row.findElement(By.cssSelector("td.mapping")).getText().strip());
            row.findElement(By.cssSelector("input[id$=':product']")).sendKeys("W-BELT2");
            row.findElement(By.cssSelector("input[id$=':map']")).click();
            browser.awaitText(By.cssSelector("tr[data-sku='BELT-2'] td.mapping"), "MANUAL");
            assertTrue(browser.text(By.cssSelector("tr[data-sku='BELT-2'] td.product"))
                    .startsWith("W-BELT2"));
            browser.screenshot("product-mapped-by-hand");
        }
        // A sync after it keeps the hand-made mapping.
        syncAndWait();
        assertRow(variants(), "BELT-2", "MANUAL", "W-BELT2", null);
        assertEquals(List.of(), writesBesidesTheInstall());
    }

    @Test
    @Order(5)
    void inTheBrowserUnmapByHandProblemsFilterAndADeactivatedProductAreShown() throws Exception {
        // The WMS deactivates the mug's product: the mapping stays and is flagged.
        assertEquals(
                200,
                api(
                                "PUT",
                                "/api/v1/products",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("code", "W-MUG")
                                                .add("sku", "MUG-WMS")
                                                .add(
                                                        "barcode",
                                                        shop.item("MUG-SHOPIFY")
                                                                .variant()
                                                                .barcode())
                                                .add("name", "W-MUG")
                                                .add("active", false))
                                        .build()
                                        .toString())
                        .statusCode());
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/product-mapping.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            String page = connector.url() + "/admin/product-mapping.xhtml?store=" + storeId();

            browser.visit(page + "&filter=problems");
            List<String> problems = browser.driver().findElements(By.cssSelector("#variant-list tbody tr")).stream()
                    .map(row -> row.getAttribute("data-sku"))
                    .sorted()
                    .toList();
            assertEquals(List.of("BELT", "GLOVE-L", "SOCK"), problems);

            browser.visit(page + "&q=MUG-SHOPIFY");
            assertTrue(browser.text(By.cssSelector("tr[data-sku='MUG-SHOPIFY'] td.product"))
                    .contains("deactivated in the WMS"));
            assertEquals("BARCODE", browser.text(By.cssSelector("tr[data-sku='MUG-SHOPIFY'] td.mapping")));

            browser.visit(page + "&q=SH-M");
            browser.click(By.cssSelector("tr[data-sku='SH-M'] input[id$=':unmap']"));
            browser.awaitText(By.cssSelector("tr[data-sku='SH-M'] td.mapping"), "UNMAPPED (by hand)");

            // A product code that does not exist is refused with a message, and changes nothing.
            browser.visit(page + "&q=SCARF");
            browser.type(By.cssSelector("tr[data-sku='SCARF'] input[id$=':product']"), "NO-SUCH-PRODUCT");
            browser.click(By.cssSelector("tr[data-sku='SCARF'] input[id$=':map']"));
            browser.awaitPageContaining("No WMS product has the code or SKU");
            browser.screenshot("product-unmapped-by-hand");
        }
        syncAndWait();
        Map<String, String[]> rows = variants();
        assertRow(rows, "SH-M", "UNMAPPED", null, null);
        assertRow(rows, "SCARF", "SKU", "W-SCARF", null);
        assertRow(rows, "MUG-SHOPIFY", "BARCODE", "W-MUG", null);
    }

    private static long operations(String name) {
        return shop.journal().requests().stream()
                .filter(r -> name.equals(r.operationName()))
                .count();
    }

    /** Mutations other than the webhook subscriptions the install creates: none, ever, from a sync. */
    private static List<String> writesBesidesTheInstall() {
        // bulkOperationRunQuery starts a read; it changes nothing in the store.
        return shop.journal().mutations().stream()
                .map(m -> m.name())
                .filter(name -> !name.equals("webhookSubscriptionCreate") && !name.equals("bulkOperationRunQuery"))
                .toList();
    }

    private static long storeId() throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet result =
                        db.createStatement().executeQuery("select id from store where domain = '" + DOMAIN + "'")) {
            result.next();
            return result.getLong(1);
        }
    }

    private static JsonObject syncAndWait() throws Exception {
        HttpResponse<String> started = api("POST", "/api/v1/stores/" + DOMAIN + "/product-sync", null);
        assertEquals(202, started.statusCode(), started.body());
        Instant until = Instant.now().plusSeconds(120);
        while (Instant.now().isBefore(until)) {
            JsonObject latest = json(api("GET", "/api/v1/stores/" + DOMAIN + "/product-sync", null));
            if (!"running".equals(latest.getString("state"))) {
                return latest;
            }
            Thread.sleep(200);
        }
        throw new AssertionError("the sync did not end within two minutes");
    }

    /** By SKU on Shopify: status, WMS product code, problem (untracked / not stocked), note, inventory item. */
    private static Map<String, String[]> variants() throws Exception {
        Map<String, String[]> rows = new HashMap<>();
        try (Connection db = connector.jdbc();
                PreparedStatement query = db.prepareStatement("select v.sku, v.status, "
                        + "p.code, case when not v.tracked then 'untracked' when not v.stocked_at_mapped then 'not stocked' end,"
                        + " v.status_note, v.inventory_item_id from store_variant v join store s on s.id = v.store_id "
                        + "left join wms_product p on p.id = v.product_id where s.domain = ?")) {
            query.setString(1, DOMAIN);
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

    private static void assertRow(
            Map<String, String[]> rows, String sku, String status, String product, String problem) {
        String[] row = rows.get(sku);
        assertTrue(
                row != null,
                "no variant with SKU " + sku + " among " + rows.keySet().size());
        assertEquals(status, row[0], sku);
        assertEquals(product, row[1], sku);
        if (problem == null) {
            assertNull(row[2], sku);
        } else {
            assertEquals(problem, row[2], sku);
        }
    }

    private static JsonObject product(String code, String sku, String barcode) {
        var product =
                Json.createObjectBuilder().add("code", code).add("sku", sku).add("name", code);
        if (barcode != null) {
            product.add("barcode", barcode);
        }
        return product.build();
    }

    private static HttpResponse<String> api(String method, String path, String body) throws Exception {
        return wms.api(method, path, body);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return WmsFixture.json(response);
    }
}
