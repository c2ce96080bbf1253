package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * The connector's CPU per Admin API call, for comparing Shopify clients (issue #17: java.net.http, then MicroProfile
 * Rest Client). Not part of the default run (its name does not end in IT). Store upkeep is made to run every second
 * with the subscription check due every round, so that the connector calls the Admin API of {@value #STORES} stores
 * (locations, webhook subscriptions) over and over with small answers; for {@value #SECONDS} s it counts the calls the
 * sandbox received and the CPU the connector's JVM used (from /proc, not wall time: the machine is shared), and prints
 * the CPU per call with the load average. Asserts only that every Admin API call was answered 200.
 *
 * <pre>DB_PORT=15513 ./mvnw verify -Dit.http.port=9183 -Dit.https.port=9483 -Dit.db.port=15513 -Dit.test=ShopifyCallsBenchmark -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
class ShopifyCallsBenchmark {

    private static final int STORES = 10;
    private static final int SECONDS = Integer.getInteger("bench.seconds", 60);

    @Test
    void adminApiCallsOfStoreUpkeep() throws Exception {
        SandboxConnector connector =
                SandboxConnector.get(List.of("STORE_UPKEEP_ROUND_SECONDS=1", "SHOPIFY_SUBSCRIPTION_CHECK_MINUTES=0"));
        HttpClient admin = connector.signedInAdmin();
        List<Shop> shops = new ArrayList<>();
        for (int s = 0; s < STORES; s++) {
            Shop shop = connector.sandbox().createShop("calls-" + s + ".myshopify.com", Plan.PLUS);
            shop.addLocation("Calls warehouse " + s);
            connector.install(admin, shop);
            shops.add(shop);
        }
        Thread.sleep(10_000); // the first rounds create the subscriptions; measured are the rounds that only check

        long callsBefore = calls(shops);
        ProcessCpu before = ProcessCpu.of(connector);
        Thread.sleep(SECONDS * 1000L);
        ProcessCpu cpu = ProcessCpu.of(connector).minus(before);
        long calls = calls(shops) - callsBefore;

        System.out.printf(
                "%nShopify calls: %d stores, %d s: %d Admin API calls (%.1f/s); CPU connector %.2f s = %.2f ms per call,"
                        + " PostgreSQL %.2f s, test JVM (sandbox) %.2f s; load average %s%n",
                STORES,
                SECONDS,
                calls,
                calls / (double) SECONDS,
                cpu.connector() / 1000,
                cpu.connector() / calls,
                cpu.database() / 1000,
                cpu.tests() / 1000,
                ProcessCpu.loadAverage());
        assertTrue(calls > 0, "the upkeep rounds called the Admin API");
        for (Shop shop : shops) {
            for (Journal.Request request : shop.journal().requests()) {
                if (request.path().contains("/graphql.json")) {
                    assertEquals(200, request.status(), shop.domain() + " " + request.operationName());
                }
            }
        }
    }

    private static long calls(List<Shop> shops) {
        return shops.stream()
                .mapToLong(shop -> shop.journal().requests().stream()
                        .filter(r -> r.path().contains("/graphql.json"))
                        .count())
                .sum();
    }
}
