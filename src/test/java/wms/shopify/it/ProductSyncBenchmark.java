package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * P5 benchmark, not part of the default run (its name does not end in IT): Sync Products of 10 000 and then
 * 50 000 variants, all matching by SKU, against the Shopify sandbox, each a store's first sync with the default
 * settings (so the store's variant count chooses the Bulk Operation path) and with its location mapped to a
 * warehouse (so the sync checks that every variant is stocked there; one in 100 is not). Prints the time of each
 * sync and the connector's heap (sampled every 200 ms) so that "memory flat" can be read off: the peak must not
 * grow with the catalog. Asserts only that every variant was read and mapped and the unstocked ones reported,
 * never a time.
 *
 * <pre>DB_PORT=15732 ./mvnw verify -Dit.test=ProductSyncBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ProductSyncBenchmark {

    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-secret\"[^>]*>([^<]+)</code>");
    private static final Pattern USED_HEAP = Pattern.compile("(?m)^memory_usedHeap_bytes(?:\\{[^}]*\\})? ([0-9.E+]+)");
    private static final HttpClient HTTP = ConnectorServer.client();

    private SandboxConnector connector;
    private String token;

    @Test
    void syncTenThousandThenFiftyThousandVariants() throws Exception {
        this.connector = SandboxConnector.get(List.of());
        HttpClient admin = this.connector.signedInAdmin();
        String page = this.connector.get(admin, "/admin/wms-api.xhtml").body();
        Matcher matcher = TOKEN.matcher(this.connector
                .post(
                        admin,
                        "/admin/wms-api.xhtml",
                        FacesForm.of(page, "create")
                                .set("create:name", "benchmark")
                                .submittedWith("create:create-credential", "Create credential"))
                .body());
        matcher.find();
        this.token = matcher.group(1).trim();
        for (int variants : new int[] {10_000, 50_000}) {
            run(admin, variants);
        }
    }

    private void run(HttpClient admin, int variants) throws Exception {
        String domain = "bench-" + variants + ".myshopify.com";
        Shop shop = this.connector.sandbox().createShop(domain, Plan.PLUS);
        Location location = shop.addLocation("Bench");
        String prefix = "B" + variants + "-";
        for (int product = 0; product < variants / 5; product++) {
            String[] skus = new String[5];
            for (int v = 0; v < 5; v++) {
                skus[v] = prefix + (product * 5 + v);
            }
            shop.addProduct("Product " + product, skus);
        }
        int unstocked = 0;
        for (int i = 0; i < variants; i++) {
            if (i % 100 == 99) {
                unstocked++;
            } else {
                shop.stock(prefix + i, location, 1);
            }
        }
        this.connector.install(admin, shop);
        try (Connection db = this.connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("insert into warehouse (code, name, updated_at) values ('WH-" + variants
                            + "', 'Bench warehouse', now())");
            db.createStatement()
                    .executeUpdate(
                            "update store_location set warehouse_id = (select id from warehouse " + "where code = 'WH-"
                                    + variants + "') where shopify_location_id = '" + location.id() + "'");
        }
        for (int from = 0; from < variants; from += 5000) {
            JsonArrayBuilder products = Json.createArrayBuilder();
            for (int i = from; i < Math.min(variants, from + 5000); i++) {
                products.add(Json.createObjectBuilder()
                        .add("code", "W" + prefix + i)
                        .add("sku", prefix + i)
                        .add("name", "WMS product " + i));
            }
            assertEquals(
                    200,
                    api("PUT", "/api/v1/products", products.build().toString()).statusCode());
        }

        System.gc();
        double heapBefore = usedHeap();
        long start = System.nanoTime();
        assertEquals(
                202,
                api("POST", "/api/v1/stores/" + domain + "/product-sync", null).statusCode());
        double peak = heapBefore;
        JsonObject result;
        while (true) {
            peak = Math.max(peak, usedHeap());
            result = Json.createReader(new StringReader(api("GET", "/api/v1/stores/" + domain + "/product-sync", null)
                            .body()))
                    .readObject();
            if (!"running".equals(result.getString("state"))) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        List<String> operations = shop.journal().requests().stream()
                .map(r -> r.operationName())
                .distinct()
                .toList();
        System.out.printf(
                "P5 Sync Products: %d variants in %.1f s (%.0f variants/s), state %s, %d mapped, "
                        + "%d with problems (not stocked at the mapped location); connector heap used before %.0f MiB, "
                        + "peak during %.0f MiB; operations %s%n",
                result.getInt("variantsRead"),
                seconds,
                result.getInt("variantsRead") / seconds,
                result.getString("state"),
                result.getInt("matched"),
                result.getInt("problems"),
                heapBefore / 1048576,
                peak / 1048576,
                operations);
        assertEquals(variants, result.getInt("variantsRead"), result.toString());
        assertEquals(variants, result.getInt("matched"), result.toString());
        assertEquals(unstocked, result.getInt("problems"), result.toString());
        search(admin, domain, variants);
    }

    /**
     * The Product Mapping page's search at this catalog size: a part of a title, an exact SKU and a term nothing
     * matches, each 20 times through the page (median printed), and the database's plan for the title search.
     */
    private void search(HttpClient admin, String domain, int variants) throws Exception {
        long storeId;
        try (Connection db = this.connector.jdbc();
                ResultSet row =
                        db.createStatement().executeQuery("select id from store where domain = '" + domain + "'")) {
            row.next();
            storeId = row.getLong(1);
            // The table went from empty to this size in seconds: autovacuum's analyze updates the statistics the
            // planner needs within a minute (autovacuum_naptime); the benchmark does not wait for it.
            db.createStatement().execute("analyze store_variant");
        }
        String title = "product " + (variants / 5 - 7);
        String sku = "B" + variants + "-" + (variants - 3);
        for (String term : List.of(title, sku, "nothing like it")) {
            String path = "/admin/product-mapping.xhtml?store=" + storeId + "&q="
                    + URLEncoder.encode(term, StandardCharsets.UTF_8);
            long[] millis = new long[20];
            int rows = 0;
            for (int i = 0; i < millis.length; i++) {
                long start = System.nanoTime();
                HttpResponse<String> page = this.connector.get(admin, path);
                millis[i] = (System.nanoTime() - start) / 1_000_000;
                assertEquals(200, page.statusCode());
                rows = page.body().split(" data-sku=\"", -1).length - 1;
            }
            Arrays.sort(millis);
            System.out.printf(
                    "P5 search of %d variants for '%s': %d rows, page median %d ms (min %d, max %d)%n",
                    variants, term, rows, millis[millis.length / 2], millis[0], millis[millis.length - 1]);
        }
        try (Connection db = this.connector.jdbc();
                PreparedStatement explain = db.prepareStatement("explain "
                        + "(analyze, costs off) select v.id from store_variant v where v.store_id = ? and v.id > 0 and "
                        + "(v.sku = ? or v.barcode = ? or lower(v.product_title) like ?) order by v.id limit 50")) {
            explain.setLong(1, storeId);
            explain.setString(2, title);
            explain.setString(3, title);
            explain.setString(4, "%" + title + "%");
            StringBuilder plan = new StringBuilder();
            try (ResultSet lines = explain.executeQuery()) {
                while (lines.next()) {
                    plan.append("    ").append(lines.getString(1)).append('\n');
                }
            }
            System.out.printf("P5 search plan at %d variants:%n%s", variants, plan);
        }
    }

    private double usedHeap() throws Exception {
        String metrics = this.connector.metrics("base");
        Matcher heap = USED_HEAP.matcher(metrics);
        return heap.find() ? Double.parseDouble(heap.group(1)) : Double.NaN;
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.connector.url() + path))
                .timeout(Duration.ofSeconds(120))
                .header("Authorization", "Bearer " + this.token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(
                method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
