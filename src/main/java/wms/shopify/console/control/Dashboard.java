package wms.shopify.console.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.stock.control.StockPolicies;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.control.WebhookMetrics;

/**
 * The dashboard's figures per store, read from what stock, orders, shipping and webhooks already keep. Every query is
 * served by an index and bounded: the lag by the last 24 hours and at most {@link #PUSHES} pushes, counts at
 * {@link #COUNT_LIMIT}, so the dashboard costs the same at a million rows as at ten. Read-only; the console owns no
 * table (the indexes it reads through are V112's).
 */
@ApplicationScoped
public class Dashboard {

    /** The most rows a count reads; a larger count shows as "more than". */
    public static final int COUNT_LIMIT = 10_000;

    /** The most pushes of the last 24 hours whose movements the lag is computed from (the most recent ones). */
    static final int PUSHES = 2_000;

    /** The most movements the lag is computed from. */
    static final int MOVEMENTS = 20_000;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    Stores stores;

    @Inject
    StockPolicies stockPolicies;

    @Inject
    AdminApi adminApi;

    @Inject
    WebhookMetrics webhookMetrics;

    @Inject
    DashboardSettings settings;

    Clock clock = Clock.systemUTC();

    /** Every store, by domain. */
    public List<StoreHealthView> stores() {
        Instant now = this.clock.instant();
        List<StoreHealthView> views = new ArrayList<>();
        try (Connection db = this.dataSource.getConnection()) {
            for (Store store : this.stores.all()) {
                views.add(health(db, store, now));
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The dashboard could not be read: " + e.getMessage(), e);
        }
        views.sort(java.util.Comparator.comparing(StoreHealthView::domain));
        return views;
    }

    /** The recent webhook answer times on this instance (all stores: the intake answers before it knows more). */
    public Optional<WebhookMetrics.AnswerTimes> answerTimes() {
        return this.webhookMetrics.recent();
    }

    private StoreHealthView health(Connection db, Store store, Instant now) throws SQLException {
        long id = store.id();
        StockPolicy policy = this.stockPolicies.of(id);
        Lag lag = new Lag(lagSamples(db, id, now), now);
        Instant oldestDue = instant(db, """
                select min(due_at) from stock_change where store_id = ? and state = 'PENDING' and due_at <= ?
                """, id, now);
        Instant oldestFeed = instant(db, """
                select min(updated_at) from shop_order where store_id = ? and feed_pending
                """, id, null);
        double inUse = this.adminApi.budget(store.domain()).inUseAt(now);
        return new StoreHealthView(
                id,
                store.domain().value(),
                store.status().label(),
                policy.syncEnabled(),
                policy.coalescingWindowSeconds(),
                lag,
                count(db, "stock_change where store_id = ? and state = 'PENDING' and due_at > ?", id, now),
                count(db, "stock_change where store_id = ? and state = 'PENDING' and due_at <= ?", id, now),
                sending(db, id),
                count(db, "stock_change where store_id = ? and state = 'FAILED'", id, null),
                count(db, "stock_push where store_id = ? and state = 'FAILED'", id, null),
                oldestDue == null ? null : Duration.between(oldestDue, now),
                count(
                        db,
                        "webhook_delivery where store_id = ? and received_at > ?",
                        id,
                        now.minus(Duration.ofHours(1))),
                count(db, "shop_order where store_id = ? and feed_pending", id, null),
                oldestFeed == null
                        ? null
                        : Duration.between(oldestFeed, now).isNegative()
                                ? Duration.ZERO
                                : Duration.between(oldestFeed, now),
                count(db, "shop_order where store_id = ? and state = 'HELD'", id, null),
                count(db, "shipment where store_id = ? and state = 'FAILED'", id, null),
                Double.isNaN(inUse) ? null : inUse,
                this.settings.signals());
    }

    /**
     * Each movement's lag: from its arrival to Shopify taking the push that carried it, for the most recent pushes of
     * the last 24 hours (V112's index on pushed pushes by store and time).
     */
    private static List<Lag.Sample> lagSamples(Connection db, long storeId, Instant now) throws SQLException {
        List<Lag.Sample> samples = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select p.finished_at, (extract(epoch from (p.finished_at - m.received_at)) * 1000)::bigint
                from (select id, finished_at from stock_push where store_id = ? and state = 'PUSHED'
                        and finished_at > ? order by finished_at desc limit ?) p
                join stock_movement_target t on t.push_id = p.id
                join stock_movement m on m.id = t.movement_id
                order by p.finished_at desc limit ?
                """)) {
            query.setLong(1, storeId);
            query.setTimestamp(2, Timestamp.from(now.minus(Duration.ofHours(24))));
            query.setInt(3, PUSHES);
            query.setInt(4, MOVEMENTS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    samples.add(new Lag.Sample(rows.getTimestamp(1).toInstant(), Math.max(0, rows.getLong(2))));
                }
            }
        }
        return samples;
    }

    /** The quantities in pushes being sent or waiting to be retried (their index by store). */
    private static long sending(Connection db, long storeId) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select coalesce(sum(quantities), 0) from (select quantities from stock_push
                    where store_id = ? and state = 'SENDING' limit ?) p
                """)) {
            query.setLong(1, storeId);
            query.setInt(2, COUNT_LIMIT + 1);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    /** The rows of "table where ..." up to {@link #COUNT_LIMIT} + 1, the second parameter (if any) an instant. */
    private static long count(Connection db, String from, long storeId, Instant at) throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement("select count(*) from (select 1 from " + from + " limit ?) c")) {
            int next = bind(query, storeId, at);
            query.setInt(next, COUNT_LIMIT + 1);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                return row.getLong(1);
            }
        }
    }

    private static Instant instant(Connection db, String sql, long storeId, Instant at) throws SQLException {
        try (PreparedStatement query = db.prepareStatement(sql)) {
            bind(query, storeId, at);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                Timestamp value = row.getTimestamp(1);
                return value == null ? null : value.toInstant();
            }
        }
    }

    private static int bind(PreparedStatement query, long storeId, Instant at) throws SQLException {
        query.setLong(1, storeId);
        if (at == null) {
            return 2;
        }
        query.setTimestamp(2, Timestamp.from(at));
        return 3;
    }
}
