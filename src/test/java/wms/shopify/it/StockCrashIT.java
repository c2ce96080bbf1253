package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsFixture.await;
import static wms.shopify.it.WmsFixture.movement;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Journal;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * The connector is killed ({@code kill -9}) in the middle of a burst of stock movements, with pushes stored and on
 * their way to Shopify, then started again: every quantity ends right and no push is applied twice (the sandbox's
 * journal shows each idempotency key applied once; a push resent after the restart is answered as a replay).
 */
class StockCrashIT {

    private static final int ITEMS = 600;
    private static final String WAREHOUSE = "CRASH-WH";

    @Test
    void killedMidBurstAndRestartedEveryQuantityIsRightAndNothingIsPushedTwice() throws Exception {
        SandboxConnector connector =
                SandboxConnector.get(List.of("STOCK_PUSH_LEASE_SECONDS=5", "STOCK_RECONCILE_MINUTES=0"));
        WmsFixture fixture = new WmsFixture(connector, "stock-crash-it");
        Shop shop = connector.sandbox().createShop("stock-crash.myshopify.com", Plan.STANDARD);
        Location location = shop.addLocation("Crash warehouse");
        List<String> skus = new ArrayList<>();
        for (int i = 0; i < ITEMS; i++) {
            skus.add("CR-" + i);
        }
        shop.addProduct("Crash", skus.toArray(String[]::new));
        for (String sku : skus) {
            shop.stock(sku, location, 0);
        }
        long store = fixture.install(shop, location, WAREHOUSE);
        fixture.registerProducts(skus);
        fixture.syncProducts(shop.domain());
        fixture.stockSync(store, "DELTA", 2);

        // Slow answers keep pushes in flight when the server dies; a share of them is applied but answered 503.
        shop.faults().latency(Duration.ofMillis(400)).serverErrorAfterWriteShare(0.3);
        for (int from = 0; from < ITEMS; from += 100) {
            send(fixture, from, from + 100, 1);
        }
        await(
                Duration.ofSeconds(30),
                () -> !shop.journal().applied("inventoryAdjustQuantities").isEmpty(),
                "the first push applied");
        connector.server().kill();
        int appliedAtKill = shop.journal().applied("inventoryAdjustQuantities").size();
        long open = fixture.longValue("select count(*) from stock_push where state = 'SENDING'")
                + fixture.longValue("select count(*) from stock_change where state = 'PENDING'");
        assertTrue(open > 0, "work was left when the server died");

        connector.server().startAgain();
        ConnectorServer.awaitReady(connector.url());
        // The WMS goes on: every item receives one more unit after the restart.
        for (int from = 0; from < ITEMS; from += 100) {
            send(fixture, from, from + 100, 2);
        }
        await(
                Duration.ofSeconds(120),
                () -> {
                    for (String sku : skus) {
                        if (shop.quantity(sku, location, "available") != 2) {
                            return false;
                        }
                    }
                    return true;
                },
                "every item at 2 on Shopify");
        shop.faults().none();
        Thread.sleep(3000);
        for (String sku : skus) {
            assertEquals(2, shop.quantity(sku, location, "available"), sku + ": each movement applied exactly once");
        }
        Set<String> keys = new HashSet<>();
        for (Journal.Mutation applied : shop.journal().applied("inventoryAdjustQuantities")) {
            assertTrue(keys.add(applied.idempotencyKey()), "key applied twice: " + applied.idempotencyKey());
        }
        System.out.printf(
                "StockCrashIT: %d pushes applied before the kill, %d in all, %d replays answered%n",
                appliedAtKill,
                keys.size(),
                shop.journal().mutations("inventoryAdjustQuantities").stream()
                        .filter(m -> m.outcome() == Journal.Outcome.REPLAYED)
                        .count());
    }

    private static void send(WmsFixture fixture, int from, int to, long sellable) throws Exception {
        JsonArrayBuilder body = Json.createArrayBuilder();
        for (int i = from; i < to; i++) {
            body.add(movement("CR-" + sellable + "-" + i, "receiving", "CR-" + i, WAREHOUSE, 1, sellable));
        }
        HttpResponse<String> sent =
                fixture.api("POST", "/api/v1/stock-movements", body.build().toString());
        assertEquals(200, sent.statusCode(), sent.body());
    }
}
