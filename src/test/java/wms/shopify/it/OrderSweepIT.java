package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * The scheduled reconciliation sweep against the Shopify sandbox (its own connector, sweeping every 2 seconds up to
 * 3 seconds ago, so that an order whose webhook is on its way is not counted as a gap): an order whose webhooks Shopify never delivered is imported by the sweep alone, recorded as a gap and
 * shown on the Activity page; an order that came by webhook is not counted as a gap.
 */
class OrderSweepIT {

    private static final String DOMAIN = "sweep-it.myshopify.com";

    static SandboxConnector connector;
    static Shop shop;
    static Location main;

    @BeforeAll
    static void storeWithAMappedLocation() throws Exception {
        connector = SandboxConnector.get(List.of(
                "ORDER_SWEEP_INTERVAL_SECONDS=2", "ORDER_SWEEP_LAG_SECONDS=3", "ORDER_SWEEP_OVERLAP_SECONDS=60"));
        shop = connector.sandbox().createShop(DOMAIN, Plan.STANDARD);
        main = shop.addLocation("Sweep main");
        shop.addProduct("Shirt", "S-SHIRT");
        shop.stock("S-SHIRT", main, 100);
        HttpClient admin = connector.signedInAdmin();
        connector.install(admin, shop);
        try (Connection db = connector.jdbc()) {
            db.createStatement()
                    .executeUpdate("insert into warehouse (code, name, updated_at) values "
                            + "('WH-SWEEP', 'Sweep warehouse', now())");
            db.createStatement()
                    .executeUpdate("update store_location set warehouse_id = (select id from warehouse "
                            + "where code = 'WH-SWEEP'), default_for_orders = true where shopify_location_id = '"
                            + main.id()
                            + "'");
        }
    }

    @Test
    void anOrderWhoseWebhooksWereLostIsImportedByTheScheduledSweep() throws Exception {
        shop.faults().webhookDropShare(1.0);
        Order lost = shop.placeOrder(main, true, Map.of("S-SHIRT", 1));
        shop.faults().none();
        // Unmapped variant (no catalog here): the order is held, which shows it was imported all the same.
        await(
                () -> "HELD".equals(text("select state from shop_order where shopify_order_id = '" + lost.id() + "'")),
                "the sweep to import " + lost.name());
        await(
                () -> text("select gap_orders from order_sweep where started_by is null and gap_orders like '%"
                                + lost.name() + "%'")
                        != null,
                "the sweep recorded as having filled the gap");
        assertEquals(
                0,
                Integer.parseInt(text("select count(*) from webhook_delivery where body::text like '%"
                        + lost.legacyResourceId() + "%'")),
                "no webhook ever came for it");

        Order delivered = shop.placeOrder(main, true, Map.of("S-SHIRT", 1));
        await(
                () -> text("select state from shop_order where shopify_order_id = '" + delivered.id() + "'") != null,
                "the webhook to bring " + delivered.name());
        Instant after = Instant.now().plusSeconds(8);
        await(() -> Instant.now().isAfter(after), "two more sweeps");
        assertEquals(
                null,
                text("select gap_orders from order_sweep where gap_orders like '%" + delivered.name() + "%'"),
                "what a webhook brought is not a gap");

        String activity = connector
                .get(connector.signedInAdmin(), "/admin/activity.xhtml")
                .body();
        assertTrue(activity.contains("id=\"sweep-gaps\"") && activity.contains(lost.name()), "the gap is shown");
        assertTrue(activity.contains("no webhook had brought"), "and logged");
    }

    interface Check {
        boolean ok() throws Exception;
    }

    private static void await(Check check, String what) throws Exception {
        Instant until = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(until)) {
            if (check.ok()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("waited 30 s for " + what);
    }

    private static String text(String sql) throws Exception {
        try (Connection db = connector.jdbc();
                ResultSet result = db.createStatement().executeQuery(sql)) {
            return result.next() ? result.getString(1) : null;
        }
    }
}
