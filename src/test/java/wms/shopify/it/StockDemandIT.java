package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.enterprise.inject.spi.CDI;
import java.util.List;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.returns.entity.ShopifyRestock;
import wms.shopify.stock.control.DemandLedger;
import wms.shopify.stock.entity.LevelToRead;
import wms.shopify.stock.entity.MovementKind;
import wms.shopify.stock.entity.ResolvedMovement;

/**
 * In-container (Arquillian): the stock component's consumer of {@link OrderDemand}, fired through CDI inside a
 * transaction as the orders component fires it. It keeps the latest lines per order, releases them on an empty set,
 * makes the Absolute level's change due and lets new demand explain an unexplained Shopify-side drop.
 */
@ExtendWith(ArquillianExtension.class)
class StockDemandIT {

    private static InContainerResources resources() {
        return CDI.current().select(InContainerResources.class).get();
    }

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "stock-demand-it.war")
                .addClasses(
                        StockDemandIT.class,
                        InContainerResources.class,
                        OrderDemand.class,
                        OrderDemand.Line.class,
                        DemandLedger.class,
                        ResolvedMovement.class,
                        MovementKind.class,
                        LevelToRead.class,
                        ShopifyRestock.class)
                // DemandLedger writes pending changes through their repository (package-private: named).
                .addClass("wms.shopify.stock.control.StockChanges")
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void theLatestLinesOfEachOrderAreKeptAndMakeTheAbsoluteLevelDue() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String item = "gid://shopify/InventoryItem/" + Math.abs(suffix.hashCode());
        String location = "gid://shopify/Location/77";
        String order = "gid://shopify/Order/" + Math.abs(suffix.hashCode());
        // A disconnected store, so the connector's flusher leaves its change alone.
        long store = ((Number) single("insert into store (domain, status, installed_at) values ('demand-" + suffix
                        + ".myshopify.com', 'DISCONNECTED', now()) returning id"))
                .longValue();
        execute("update stock_policy set sync_enabled = true, sync_mode = 'ABSOLUTE' where store_id = " + store);
        long product = ((Number) single("insert into wms_product (code, name, updated_at) values ('DEM-" + suffix
                        + "', 'Demand', now()) returning id"))
                .longValue();
        long warehouse = ((Number) single("insert into warehouse (code, name, updated_at) values ('DEM-" + suffix
                        + "', 'Demand', now()) returning id"))
                .longValue();
        try {
            execute("insert into stock_change (store_id, inventory_item_id, location_id, product_id, warehouse_id, "
                    + "state, sellable, sellable_sequence, shopify_known, unexplained, updated_at) values (" + store
                    + ", '" + item + "', '" + location + "', " + product + ", " + warehouse
                    + ", 'IDLE', 10, 1, 7, -3, now())");

            fire(new OrderDemand(
                    store,
                    order,
                    List.of(
                            new OrderDemand.Line(item, location, 2),
                            new OrderDemand.Line("gid://shopify/InventoryItem/1", location, 1))));
            assertEquals(2L, number("select count(*) from order_demand where store_id = " + store));
            assertEquals(2L, number("select quantity from order_demand where inventory_item_id = '" + item + "'"));
            assertEquals("PENDING", single("select state from stock_change where store_id = " + store));
            assertEquals(
                    -1L,
                    number("select unexplained from stock_change where store_id = " + store),
                    "2 of the 3 units Shopify lost are this order's");
            assertEquals(
                    7L,
                    number("select shopify_known from stock_change where store_id = " + store),
                    "the drop was read already: what Shopify holds is known");

            execute("update stock_change set state = 'IDLE', due_at = null where store_id = " + store);
            fire(new OrderDemand(store, order, List.of(new OrderDemand.Line(item, location, 1))));
            assertEquals(
                    1L,
                    number("select count(*) from order_demand where store_id = " + store),
                    "the latest lines replace the earlier ones");
            assertEquals(1L, number("select quantity from order_demand where store_id = " + store));
            assertEquals("PENDING", single("select state from stock_change where store_id = " + store));
            assertEquals(
                    -1L,
                    number("select unexplained from stock_change where store_id = " + store),
                    "less demand explains nothing");

            fire(new OrderDemand(store, order, List.of()));
            assertEquals(0L, number("select count(*) from order_demand where store_id = " + store), "released");
            assertEquals(3L, number("select generation from stock_change where store_id = " + store));

            // An order that arrives before its sale's drop was read: its units explain that much of the drop the
            // next read finds, so that drop is not taken for an unexplained one (the sale subtracted twice).
            execute("update stock_change set state = 'IDLE', due_at = null, unexplained = 0 where store_id = " + store);
            fire(new OrderDemand(store, order + "1", List.of(new OrderDemand.Line(item, location, 2))));
            assertEquals(2L, number("select explained_ahead from stock_change where store_id = " + store));
            assertEquals(0L, number("select unexplained from stock_change where store_id = " + store));
            assertEquals(
                    7L,
                    number("select shopify_known from stock_change where store_id = " + store),
                    "what the connector knows Shopify holds is only learnt from Shopify");
        } finally {
            execute("delete from store where id = " + store);
            execute("delete from wms_product where id = " + product);
            execute("delete from warehouse where id = " + warehouse);
        }
    }

    private static void fire(OrderDemand demand) throws Exception {
        resources().transaction.begin();
        try {
            CDI.current().getBeanManager().getEvent().select(OrderDemand.class).fire(demand);
            resources().transaction.commit();
        } catch (Exception | Error e) {
            resources().transaction.rollback();
            throw e;
        }
    }

    private static long number(String query) {
        return ((Number) single(query)).longValue();
    }

    private static Object single(String query) {
        try {
            resources().transaction.begin();
            Object value = resources().entityManager.createNativeQuery(query).getSingleResult();
            resources().transaction.commit();
            return value;
        } catch (Exception e) {
            throw new IllegalStateException(query, e);
        }
    }

    private static void execute(String statement) {
        try {
            resources().transaction.begin();
            resources().entityManager.createNativeQuery(statement).executeUpdate();
            resources().transaction.commit();
        } catch (Exception e) {
            throw new IllegalStateException(statement, e);
        }
    }
}
