package wms.shopify.webhooks.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import javax.sql.DataSource;

/**
 * The stored webhook bodies of a privacy request: which deliveries name a customer or their orders (through the
 * indexed {@code customer_ref} and {@code order_ref}, never by reading every body), and their erasure a few hundred
 * rows per transaction, so a store with a million deliveries is neither loaded into memory nor locked in one go.
 * An erased body is {@code {}} and names nobody any more; the record that the delivery came stays.
 */
@ApplicationScoped
public class DeliveryErasure {

    /** Rows per transaction: short row locks and a bounded transaction whatever the store's size. */
    static final int BATCH = 500;

    private static final String ERASED = "{}";
    /**
     * A body that still says something: longer than {@code {}}. Bodies erased before (by a privacy request, or
     * emptied by retention) are passed over, so a request processed again (after a failure, or a transaction that
     * outlived its timeout) goes straight to where it stopped and counts only what it erased itself.
     */
    private static final String HAS_BODY = "octet_length(body) > 2";

    private static final String OF_CUSTOMER = "store_id = ? and (customer_ref = ? or order_ref = any(?))";

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    /** How far a batch went: rows erased, and the last delivery id looked at (0 when there was nothing left). */
    public record Batch(int erased, long lastId) {

        public boolean done() {
            return this.lastId == 0;
        }
    }

    /** The orders (global ids) that the customer's stored webhooks name. */
    @Transactional
    public Set<String> ordersOf(long storeId, String customerId) {
        Set<String> orders = new LinkedHashSet<>();
        if (customerId == null) {
            return orders;
        }
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select distinct order_ref from webhook_delivery "
                        + "where store_id = ? and customer_ref = ? and order_ref is not null order by order_ref")) {
            select.setLong(1, storeId);
            select.setString(2, customerId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    orders.add(rows.getString(1));
                }
            }
            return orders;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the customer's deliveries: " + e.getMessage(), e);
        }
    }

    /** How many stored bodies name the customer or the orders, by topic (the request's own delivery aside). */
    @Transactional
    public Map<String, Integer> heldFor(long storeId, String customerId, Set<String> orderIds, long requestId) {
        Map<String, Integer> byTopic = new TreeMap<>();
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select topic, count(*) from webhook_delivery where "
                        + OF_CUSTOMER + " and id <> ? and " + HAS_BODY + " group by topic")) {
            bindCustomer(db, select, storeId, customerId, orderIds);
            select.setLong(4, requestId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    byTopic.put(rows.getString(1), rows.getInt(2));
                }
            }
            return byTopic;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the customer's deliveries: " + e.getMessage(), e);
        }
    }

    /** Erases the next batch of bodies naming the customer or the orders, after delivery {@code afterId}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch eraseCustomerBatch(
            long storeId, String customerId, Set<String> orderIds, long afterId, long requestId) {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select id from webhook_delivery where " + OF_CUSTOMER
                        + " and id > ? and id <> ? order by id limit " + BATCH)) {
            bindCustomer(db, select, storeId, customerId, orderIds);
            select.setLong(4, afterId);
            select.setLong(5, requestId);
            return erase(db, ids(select));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase the customer's deliveries: " + e.getMessage(), e);
        }
    }

    /** Erases the next batch of the store's bodies, after delivery {@code afterId}. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public Batch eraseStoreBatch(long storeId, long afterId, long requestId) {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("select id from webhook_delivery where store_id = ? "
                        + "and id > ? and id <> ? and " + HAS_BODY + " order by id limit " + BATCH)) {
            select.setLong(1, storeId);
            select.setLong(2, afterId);
            select.setLong(3, requestId);
            return erase(db, ids(select));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not erase the store's deliveries: " + e.getMessage(), e);
        }
    }

    private static void bindCustomer(
            Connection db, PreparedStatement statement, long storeId, String customerId, Set<String> orderIds)
            throws SQLException {
        statement.setLong(1, storeId);
        statement.setString(2, customerId);
        Array orders = db.createArrayOf("varchar", orderIds.toArray());
        statement.setArray(3, orders);
    }

    private static List<Long> ids(PreparedStatement select) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

    private static Batch erase(Connection db, List<Long> ids) throws SQLException {
        if (ids.isEmpty()) {
            return new Batch(0, 0);
        }
        Array batch = db.createArrayOf("bigint", ids.toArray());
        // An erased delivery names nobody any more, whatever emptied its body.
        try (PreparedStatement unname = db.prepareStatement(
                        "update webhook_delivery set order_ref = null, "
                                + "customer_ref = null where id = any(?) and (order_ref is not null or customer_ref is not null)");
                PreparedStatement erase = db.prepareStatement("update webhook_delivery set body = ?, "
                        + "body_erased_at = now() where id = any(?) and " + HAS_BODY)) {
            unname.setArray(1, batch);
            unname.executeUpdate();
            erase.setBytes(1, ERASED.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            erase.setArray(2, batch);
            return new Batch(erase.executeUpdate(), ids.get(ids.size() - 1));
        }
    }
}
