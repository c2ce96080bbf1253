package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * P5 benchmark, not part of the default run (its name does not end in IT): Sync Products of 10 000 and then
 * 50 000 variants, all matching by SKU, against the Shopify sandbox, through the Bulk Operation path. Prints the
 * time of each sync and the connector's heap (sampled every 200 ms) so that "memory flat" can be read off: the
 * peak must not grow with the catalog. Asserts only that every variant was read and mapped, never a time.
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
        this.connector = SandboxConnector.get(List.of("PRODUCT_SYNC_BULK_FROM_VARIANTS=0"));
        HttpClient admin = this.connector.signedInAdmin();
        String page = this.connector.get(admin, "/admin/wms-api.xhtml").body();
        Matcher matcher = TOKEN.matcher(this.connector.post(admin, "/admin/wms-api.xhtml", FacesForm.of(page, "create")
                .set("create:name", "benchmark").submittedWith("create:create-credential", "Create credential")).body());
        matcher.find();
        this.token = matcher.group(1).trim();
        for (int variants : new int[] {10_000, 50_000}) {
            run(admin, variants);
        }
    }

    private void run(HttpClient admin, int variants) throws Exception {
        String domain = "bench-" + variants + ".myshopify.com";
        Shop shop = this.connector.sandbox().createShop(domain, Plan.PLUS);
        shop.addLocation("Bench");
        String prefix = "B" + variants + "-";
        for (int product = 0; product < variants / 5; product++) {
            String[] skus = new String[5];
            for (int v = 0; v < 5; v++) {
                skus[v] = prefix + (product * 5 + v);
            }
            shop.addProduct("Product " + product, skus);
        }
        this.connector.install(admin, shop);
        for (int from = 0; from < variants; from += 5000) {
            JsonArrayBuilder products = Json.createArrayBuilder();
            for (int i = from; i < Math.min(variants, from + 5000); i++) {
                products.add(Json.createObjectBuilder().add("code", "W" + prefix + i).add("sku", prefix + i)
                        .add("name", "WMS product " + i));
            }
            assertEquals(200, api("PUT", "/api/v1/products", products.build().toString()).statusCode());
        }

        System.gc();
        double heapBefore = usedHeap();
        long start = System.nanoTime();
        assertEquals(202, api("POST", "/api/v1/stores/" + domain + "/product-sync", null).statusCode());
        double peak = heapBefore;
        JsonObject result;
        while (true) {
            peak = Math.max(peak, usedHeap());
            result = Json.createReader(new StringReader(api("GET", "/api/v1/stores/" + domain + "/product-sync",
                    null).body())).readObject();
            if (!"running".equals(result.getString("state"))) {
                break;
            }
            Thread.sleep(200);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("P5 Sync Products: %d variants in %.1f s (%.0f variants/s), state %s, %d mapped; "
                + "connector heap used before %.0f MiB, peak during %.0f MiB%n", result.getInt("variantsRead"),
                seconds, result.getInt("variantsRead") / seconds, result.getString("state"), result.getInt("matched"),
                heapBefore / 1048576, peak / 1048576);
        assertEquals(variants, result.getInt("variantsRead"), result.toString());
        assertEquals(variants, result.getInt("matched"), result.toString());
    }

    private double usedHeap() throws Exception {
        String metrics = HTTP.send(HttpRequest.newBuilder(URI.create(this.connector.url() + "/metrics?scope=base"))
                .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString()).body();
        Matcher heap = USED_HEAP.matcher(metrics);
        return heap.find() ? Double.parseDouble(heap.group(1)) : Double.NaN;
    }

    private HttpResponse<String> api(String method, String path, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(this.connector.url() + path))
                .timeout(Duration.ofSeconds(120)).header("Authorization", "Bearer " + this.token);
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
