package wms.shopify.orders.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import wms.shopify.orders.entity.OrderChoices;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.Like;

/**
 * The tags, sales channels and shipping methods seen on a store's orders ({@code order_seen_value}, V126), which Store
 * Settings' pickers and the API offer: noted when an order's read is applied, one row per
 * distinct value (nothing written when it is there already), and looked up within the primary key's range, so that a store with
 * millions of orders is never scanned for them. Values are kept in lower case, as the filters compare them.
 */
@Published
@ApplicationScoped
public class SeenOrderValues {

    /** What a seen value is. */
    public enum Kind {
        TAG,
        SALES_CHANNEL,
        SHIPPING_METHOD
    }

    /** The most values remembered per store as already recorded (then forgotten and learnt again). */
    private static final int REMEMBERED = 10_000;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    /**
     * Per store, the values this instance knows are recorded: an import whose values are all among them writes
     * nothing, so that the store's steady stream of orders costs no statement.
     */
    private final java.util.Map<Long, Set<String>> recorded = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * Notes the order's tags, sales channel and shipping method as seen on the store, in a short transaction of its
     * own (a value inserted concurrently by another import is "already there"), so that the import's transaction
     * keeps to its one connection.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void note(long storeId, ShopifyOrderSnapshot order) {
        List<String[]> values = new ArrayList<>();
        new LinkedHashSet<>(order.tags()).forEach(t -> add(values, Kind.TAG, t));
        add(values, Kind.SALES_CHANNEL, order.salesChannel());
        add(values, Kind.SHIPPING_METHOD, order.shippingMethod());
        Set<String> known =
                this.recorded.computeIfAbsent(storeId, id -> java.util.concurrent.ConcurrentHashMap.newKeySet());
        values.removeIf(v -> known.contains(v[0] + "\t" + v[1]));
        if (values.isEmpty()) {
            return;
        }
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement insert = db.prepareStatement("""
                        insert into order_seen_value (store_id, kind, value)
                        select ?, kind, value from unnest(?::varchar[], ?::varchar[]) as seen (kind, value)
                        on conflict do nothing
                        """)) {
            insert.setLong(1, storeId);
            insert.setArray(
                    2,
                    db.createArrayOf("varchar", values.stream().map(v -> v[0]).toArray()));
            insert.setArray(
                    3,
                    db.createArrayOf("varchar", values.stream().map(v -> v[1]).toArray()));
            insert.executeUpdate();
            if (known.size() > REMEMBERED) {
                known.clear();
            }
            values.forEach(v -> known.add(v[0] + "\t" + v[1]));
        } catch (SQLException e) {
            throw new IllegalStateException("Could not note the values seen on order " + order.id(), e);
        }
    }

    private static void add(List<String[]> values, Kind kind, String value) {
        if (value == null || value.isBlank()) {
            return;
        }
        String seen = value.trim().toLowerCase(Locale.ROOT);
        if (seen.length() <= OrderChoices.LONGEST_VALUE && seen.indexOf('\n') < 0 && seen.indexOf('\r') < 0) {
            values.add(new String[] {kind.name(), seen});
        }
    }

    /**
     * The store's seen values of a kind that contain the text (any case; all when blank), in alphabetical order, at
     * most {@code limit}: read within the store's and kind's range of the primary key.
     */
    public List<String> containing(long storeId, Kind kind, String text, int limit) {
        List<String> found = new ArrayList<>();
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("""
                        select value from order_seen_value where store_id = ? and kind = ? and value like ? escape '\\'
                        order by value limit ?
                        """)) {
            select.setLong(1, storeId);
            select.setString(2, kind.name());
            select.setString(3, Like.anywhere(text == null ? "" : text));
            select.setInt(4, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the values seen on the store's orders", e);
        }
        return found;
    }

    /** Every seen value of a kind, at most {@code limit}, for the API. */
    public Set<String> all(long storeId, Kind kind, int limit) {
        return new LinkedHashSet<>(containing(storeId, kind, "", limit));
    }
}
