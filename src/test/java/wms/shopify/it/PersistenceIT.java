package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.jms.JMSContext;
import jakarta.jms.MapMessage;
import jakarta.persistence.Column;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import jakarta.persistence.metamodel.EntityType;
import jakarta.transaction.RollbackException;
import java.lang.reflect.Field;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import wms.shopify.activity.entity.ActivityEvent;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.credentials.entity.ApiCredential;
import wms.shopify.platform.database.InstantConverter;
import wms.shopify.plugins.entity.Plugin;
import wms.shopify.stores.entity.Store;
import wms.shopify.warehouses.entity.Warehouse;
import wms.shopify.webhooks.entity.WebhookDelivery;

/**
 * In-container tests (Arquillian) beside the running connector: the entities against the migrated schema with
 * its constraints, and the activity queue consumed by the connector's message-driven bean.
 */
@ExtendWith(ArquillianExtension.class)
class PersistenceIT {

    /** Looked up when used: the test methods run on an instance inside the server, created there. */
    private static InContainerResources resources() {
        return CDI.current().select(InContainerResources.class).get();
    }

    @Deployment
    static WebArchive deployment() {
        return ShrinkWrap.create(WebArchive.class, "persistence-it.war")
                .addClasses(
                        PersistenceIT.class,
                        InContainerResources.class,
                        Plugin.class,
                        ActivityEvent.class,
                        InstantConverter.class,
                        wms.shopify.platform.retry.Attempts.class)
                // Every entity package, so that the schema check below sees every table the connector maps.
                .addPackages(
                        false,
                        Warehouse.class.getPackage(),
                        Store.class.getPackage(),
                        WebhookDelivery.class.getPackage(),
                        ShopDomain.class.getPackage(),
                        wms.shopify.catalog.entity.WmsProduct.class.getPackage(),
                        wms.shopify.orders.entity.ImportedOrder.class.getPackage(),
                        wms.shopify.shipping.entity.Shipment.class.getPackage(),
                        wms.shopify.returns.entity.ShopReturn.class.getPackage(),
                        wms.shopify.stock.entity.StoredStockPolicy.class.getPackage(),
                        ApiCredential.class.getPackage())
                .addAsResource("META-INF/persistence.xml")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Test
    void aPluginRoundTripsWithItsChangeRecord() throws Exception {
        String code = "it-" + UUID.randomUUID().toString().substring(0, 8);
        Instant at = Instant.now().truncatedTo(ChronoUnit.MICROS);
        try {
            resources().transaction.begin();
            Plugin plugin = new Plugin(code, "Testing", "Round trip");
            plugin.switchTo(true, "tester", at);
            resources().entityManager.persist(plugin);
            resources().transaction.commit();
            resources().entityManager.clear();

            Plugin read = resources().entityManager.find(Plugin.class, code);
            assertTrue(read.active());
            assertEquals("tester", read.changedBy());
            assertEquals(at, read.changedAt());
            assertEquals("Round trip", read.name());
        } finally {
            delete(code);
        }
    }

    @Test
    void theDatabaseRefusesWhatTheSchemaForbids() throws Exception {
        assertRefused(() -> resources().entityManager.persist(new Plugin("Not A Code!", "Testing", "Bad code")));
        assertNull(resources().entityManager.find(Plugin.class, "Not A Code!"));

        assertRefused(() -> resources().entityManager.persist(new Plugin(Plugin.SHOPIFY, "Testing", "Second Shopify")));
        assertEquals(
                "Shopify",
                resources().entityManager.find(Plugin.class, Plugin.SHOPIFY).name());

        assertRefused(
                () -> resources().entityManager.persist(new ActivityEvent(Instant.now(), "testing", "   ", null)));
        assertRefused(
                () -> resources().entityManager.persist(new ActivityEvent(Instant.now(), "Bad Category", "x", null)));
    }

    @Test
    void anActivityMessageIsStoredByTheMessageDrivenBean() throws Exception {
        String text = "in-container test " + UUID.randomUUID();
        Instant occurredAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        try (JMSContext jms = resources().connectionFactory.createContext()) {
            MapMessage message = jms.createMapMessage();
            message.setLong("occurredAt", occurredAt.toEpochMilli());
            message.setString("category", "testing");
            message.setString("message", text);
            message.setString("actor", "arquillian");
            jms.createProducer().send(resources().activityQueue, message);
        }
        ActivityEvent stored = awaitEvent(text);
        assertEquals("testing", stored.category());
        assertEquals("arquillian", stored.actor());
        assertEquals(occurredAt, stored.occurredAt());
    }

    @Test
    void anActivityMessageSentInARolledBackTransactionIsNeverStored() throws Exception {
        String rolledBack = "rolled back " + UUID.randomUUID();
        String committed = "committed " + UUID.randomUUID();
        sendInTransaction(rolledBack, false);
        sendInTransaction(committed, true);
        awaitEvent(committed);
        // Both went to the same queue; the committed one is stored, so the other would have been by now.
        assertTrue(events(rolledBack).isEmpty(), "a message of a rolled-back transaction was delivered");
    }

    /**
     * Tables that have no entity by design: stock sync keeps them with SQL (row claims with FOR UPDATE SKIP LOCKED,
     * upserts absorbing movements, one-statement bulk inserts); StockSyncIT and StockDemandIT run every statement.
     * Retention's one-row lease (retention_round: claimed and renewed by conditional updates, so only one instance
     * prunes at a time) is SQL too; RetentionIT runs its statements.
     */
    private static final Set<String> SQL_ONLY_TABLES = Set.of(
            "stock_level",
            "stock_movement",
            "stock_push",
            "stock_change",
            "stock_movement_target",
            "order_demand",
            "kit_demand", // the units of components that kit orders hold: KitAvailabilityIT, KitsIT
            "order_seen_value", // the filter choices seen on a store's orders (SeenOrderValues): OrderFilterChoicesIT
            "fulfillment_service_warehouse", // the WMS's services per warehouse (IntakePolicies):
            // FulfillmentServicePerWarehouseIT
            "stock_reconciliation",
            "stock_rule", // read by the SQL availability calculation (stock_rule_of), replaced as a set:
            // AvailabilityRulesIT
            "retention_round");

    @Test
    void theMigrationsCreateExactlyTheTablesAndColumnsTheEntitiesUse() {
        Set<String> entityTables = new HashSet<>(SQL_ONLY_TABLES);
        for (EntityType<?> entity : resources().entityManager.getMetamodel().getEntities()) {
            Class<?> type = entity.getJavaType();
            String table = type.getAnnotation(Table.class).name();
            entityTables.add(table);
            for (Field field : type.getDeclaredFields()) {
                jakarta.persistence.CollectionTable collection =
                        field.getAnnotation(jakarta.persistence.CollectionTable.class);
                if (collection != null) {
                    entityTables.add(collection.name()); // its columns are those of the embeddable, checked below
                    assertColumns(collection.name(), (Class<?>)
                            ((java.lang.reflect.ParameterizedType) field.getGenericType()).getActualTypeArguments()[0]);
                }
                String column = columnOf(field);
                if (column != null) {
                    List<?> found = resources()
                            .entityManager
                            .createNativeQuery("select column_name from "
                                    + "information_schema.columns where table_schema = 'public' and table_name = ?1 "
                                    + "and column_name = ?2")
                            .setParameter(1, table)
                            .setParameter(2, column)
                            .getResultList();
                    assertEquals(
                            1,
                            found.size(),
                            type.getSimpleName() + "." + field.getName() + " has no column " + table + "." + column);
                }
            }
        }
        @SuppressWarnings("unchecked")
        List<String> tables = resources()
                .entityManager
                .createNativeQuery("select table_name from information_schema.tables "
                        + "where table_schema = 'public' and table_name <> 'flyway_schema_history' "
                        // The read-only views components publish to each other are not tables of their own.
                        + "and table_type = 'BASE TABLE'")
                .getResultList();
        assertEquals(entityTables, new HashSet<>(tables), "tables of the migrations vs tables of the entities");
    }

    private static void assertColumns(String table, Class<?> embeddable) {
        for (Field field : embeddable.getDeclaredFields()) {
            String column = columnOf(field);
            if (column != null) {
                List<?> found = resources()
                        .entityManager
                        .createNativeQuery("select column_name from "
                                + "information_schema.columns where table_schema = 'public' and table_name = ?1 "
                                + "and column_name = ?2")
                        .setParameter(1, table)
                        .setParameter(2, column)
                        .getResultList();
                assertEquals(
                        1,
                        found.size(),
                        embeddable.getSimpleName() + "." + field.getName() + " has no column " + table + "." + column);
            }
        }
    }

    private static String columnOf(Field field) {
        Column column = field.getAnnotation(Column.class);
        if (column != null) {
            return column.name();
        }
        JoinColumn join = field.getAnnotation(JoinColumn.class);
        return join == null ? null : join.name();
    }

    private void sendInTransaction(String text, boolean commit) throws Exception {
        resources().transaction.begin();
        try (JMSContext jms = resources().connectionFactory.createContext()) {
            MapMessage message = jms.createMapMessage();
            message.setLong("occurredAt", System.currentTimeMillis());
            message.setString("category", "testing");
            message.setString("message", text);
            jms.createProducer().send(resources().activityQueue, message);
        }
        if (commit) {
            resources().transaction.commit();
        } else {
            resources().transaction.rollback();
        }
    }

    private ActivityEvent awaitEvent(String text) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            List<ActivityEvent> found = events(text);
            if (!found.isEmpty()) {
                assertEquals(1, found.size(), "stored exactly once");
                return found.get(0);
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the activity message '" + text + "' was not stored within 30 s");
    }

    private List<ActivityEvent> events(String text) {
        resources().entityManager.clear();
        return resources()
                .entityManager
                .createQuery("select e from ActivityEvent e where e.message = :text", ActivityEvent.class)
                .setParameter("text", text)
                .getResultList();
    }

    private void assertRefused(Runnable write) throws Exception {
        resources().transaction.begin();
        try {
            write.run();
            resources().entityManager.flush();
        } catch (jakarta.persistence.PersistenceException refusedAtFlush) {
            resources().transaction.rollback();
            return;
        }
        assertThrows(RollbackException.class, resources().transaction::commit);
    }

    private void delete(String code) throws Exception {
        resources().transaction.begin();
        Plugin plugin = resources().entityManager.find(Plugin.class, code);
        if (plugin != null) {
            resources().entityManager.remove(plugin);
        }
        resources().transaction.commit();
    }
}
