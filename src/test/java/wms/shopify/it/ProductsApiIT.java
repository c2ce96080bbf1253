package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WarehousesApiIT.ok;
import static wms.shopify.it.WarehousesApiIT.problem;
import static wms.shopify.it.WmsApiCalls.array;
import static wms.shopify.it.WmsApiCalls.get;
import static wms.shopify.it.WmsApiCalls.put;
import static wms.shopify.it.WmsApiCalls.withCode;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The WMS registers its catalog through the API: thousands of products in one call, idempotent, deactivated and
 * never deleted, shared SKUs and barcodes reported, bad calls refused whole; and it reads the catalog back in
 * keyset pages.
 */
@MicroShedTest
class ProductsApiIT {

    static final String PRODUCTS = "/api/v1/products";

    static String token;
    static String run;

    @BeforeAll
    static void credential() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        run = UUID.randomUUID().toString().substring(0, 8);
        token = WmsApiAdmin.signIn().createCredential("products-it " + run);
    }

    @Test
    void thousandsInOneCallThenTheSameCallChangesNothing() throws Exception {
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (int i = 0; i < 3000; i++) {
            items.add(Json.createObjectBuilder()
                    .add("code", run + "-B" + i)
                    .add("sku", run + "-SKU-" + i)
                    .add("barcode", run + "-EAN-" + i)
                    .add("name", "Bulk " + i));
        }
        String body = items.build().toString();
        JsonObject first = ok(put(PRODUCTS, token, body));
        assertEquals(3000, first.getInt("created"));
        assertTrue(first.getBoolean("changed"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, first.getJsonArray("duplicateSkus"));

        JsonObject again = ok(put(PRODUCTS, token, body));
        assertEquals(3000, again.getInt("unchanged"));
        assertFalse(again.getBoolean("changed"));

        // Every one of them can be read back by paging from the code before the first.
        int seen = 0;
        String after = run + "-B";
        while (true) {
            JsonArray page = array(get(PRODUCTS + "?limit=700&after=" + after, token));
            long ours = page.stream()
                    .map(JsonValue::asJsonObject)
                    .filter(p -> p.getString("code").startsWith(run + "-B"))
                    .count();
            seen += (int) ours;
            if (page.isEmpty() || ours < page.size()) {
                break;
            }
            after = page.getJsonObject(page.size() - 1).getString("code");
        }
        assertEquals(3000, seen);
    }

    @Test
    void sharedSkusAndBarcodesAreReportedNotMerged() throws Exception {
        String body = Json.createArrayBuilder()
                .add(Json.createObjectBuilder()
                        .add("code", run + "-D1")
                        .add("sku", run + "-SAME")
                        .add("barcode", run + "-EAN")
                        .add("name", "One"))
                .add(Json.createObjectBuilder()
                        .add("code", run + "-D2")
                        .add("sku", " " + run + "-SAME ")
                        .add("barcode", run + "-EAN")
                        .add("name", "Two"))
                .add(Json.createObjectBuilder()
                        .add("code", run + "-D3")
                        .add("sku", "")
                        .add("name", "No SKU"))
                .add(Json.createObjectBuilder()
                        .add("code", run + "-D4")
                        .add("sku", "")
                        .add("name", "No SKU either"))
                .build()
                .toString();
        JsonObject report = ok(put(PRODUCTS, token, body));
        assertEquals(4, report.getInt("created"), "both products are kept");
        assertEquals(
                Json.createArrayBuilder().add(run + "-SAME").build(),
                report.getJsonArray("duplicateSkus"),
                "trimmed SKUs compared; empty SKUs are no SKU, not a duplicate");
        assertEquals(Json.createArrayBuilder().add(run + "-EAN").build(), report.getJsonArray("duplicateBarcodes"));

        // Deactivating one resolves the duplicate; the product is still listed, inactive.
        JsonObject after = ok(put(
                PRODUCTS,
                token,
                "[{\"code\":\"" + run + "-D2\",\"sku\":\"" + run + "-SAME\",\"barcode\":\"" + run
                        + "-EAN\",\"name\":\"Two\",\"active\":false}]"));
        assertEquals(1, after.getInt("updated"));
        assertEquals(JsonValue.EMPTY_JSON_ARRAY, after.getJsonArray("duplicateSkus"));
        JsonObject two = withCode(array(get(PRODUCTS + "?after=" + run + "-D1&limit=1", token)), run + "-D2")
                .orElseThrow();
        assertFalse(two.getBoolean("active"));
        assertEquals(run + "-SAME", two.getString("sku"));
    }

    @Test
    void anInvalidCallIsRefusedWholeAndChangesNothing() throws Exception {
        String body = "[{\"code\":\"" + run + "-OK\",\"name\":\"Fine\"},"
                + "{\"code\":\"" + run + "-BAD\",\"name\":\"Bad\",\"sku\":\"" + "x".repeat(256) + "\"},"
                + "{\"code\":\"" + run + "-OK\",\"name\":\"Twice\",\"active\":\"no\"}]";
        JsonObject problem = problem(put(PRODUCTS, token, body), 400);
        JsonArray errors = problem.getJsonArray("errors");
        assertEquals("[1].sku", errors.getJsonObject(0).getString("field"));
        assertEquals("[2].code", errors.getJsonObject(1).getString("field"));
        assertEquals("[2].active", errors.getJsonObject(2).getString("field"));
        assertTrue(
                array(get(PRODUCTS + "?after=" + run + "-O&limit=5", token)).stream()
                        .noneMatch(p -> p.asJsonObject().getString("code").equals(run + "-OK")),
                "nothing stored");

        assertEquals(
                "limit",
                problem(get(PRODUCTS + "?limit=0", token), 400)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        assertEquals(401, get(PRODUCTS, null).statusCode());
    }
}
