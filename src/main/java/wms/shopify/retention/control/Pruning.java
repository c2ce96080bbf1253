package wms.shopify.retention.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.retention.entity.DataKind;
import wms.shopify.retention.entity.LastRound;
import wms.shopify.retention.entity.RetentionPolicy;
import wms.shopify.retention.entity.RoundResult;

/**
 * The retention round: deletes (or, for webhook bodies, erases) what is older than its kind's retention, oldest
 * first, in batches of {@code RETENTION_BATCH_SIZE} rows, each batch its own short transaction that claims its rows
 * with {@code FOR UPDATE SKIP LOCKED}, so that the busy path never waits long behind it. Rows still needed are never
 * selected (see {@link DataKind#keptRegardless()}). One instance runs a round at a time: it holds the lease on the
 * one row of {@code retention_round}, renewed after every batch, so a round of an instance that died is taken over
 * once its lease has run out. A round that pruned something leaves one entry on the Activity page.
 */
@ApplicationScoped
public class Pruning {

    static final String CATEGORY = "retention";
    private static final Logger LOG = Logger.getLogger(Pruning.class.getName());
    /** Long enough for any batch; it only matters when an instance dies in the middle of a round. */
    private static final int LEASE_SECONDS = 300;

    /** One batch of a kind: prunes at most {@code limit} rows older than {@code cutoff}, returns how many. */
    @FunctionalInterface
    interface Batch {
        int run(Connection db, Timestamp cutoff, int limit) throws SQLException;
    }

    private static final Map<DataKind, Batch> BATCHES = new EnumMap<>(DataKind.class);

    static {
        BATCHES.put(DataKind.WEBHOOK_BODIES, statement("""
                update webhook_delivery set body = ''::bytea, body_erased_at = now() where id in (
                    select id from webhook_delivery where body_erased_at is null and outcome in ('PROCESSED', 'KEPT', 'REFUSED')
                        and received_at < ? order by received_at limit ? for update skip locked)
                """));
        BATCHES.put(DataKind.WEBHOOK_DELIVERIES, statement("""
                delete from webhook_delivery where id in (
                    select id from webhook_delivery where outcome in ('PROCESSED', 'KEPT', 'REFUSED') and received_at < ?
                        order by received_at limit ? for update skip locked)
                """));
        BATCHES.put(DataKind.ACTIVITY, statement("""
                delete from activity_event where id in (
                    select id from activity_event where occurred_at < ? order by occurred_at limit ?)
                """));
        BATCHES.put(DataKind.STOCK_PUSHES, Pruning::finishedPushes);
        // A movement goes once no push or pending change lists it any more (its push was pruned before it).
        BATCHES.put(DataKind.STOCK_MOVEMENTS, statement("""
                delete from stock_movement where id in (
                    select m.id from stock_movement m where m.received_at < ?
                        and not exists (select 1 from stock_movement_target t where t.movement_id = m.id)
                        order by m.received_at limit ? for update skip locked)
                """));
        // Lines, shipments with their lines and parcels go with the order (on delete cascade).
        BATCHES.put(DataKind.FINISHED_ORDERS, statement("""
                delete from shop_order where id in (
                    select o.id from shop_order o
                    where not o.feed_pending
                        and (o.state in ('CANCELLED', 'FILTERED', 'ANOTHER_APP') or o.shipping_state = 'SHIPPED')
                        and o.updated_at < ?
                        and not exists (select 1 from shipment s where s.order_id = o.id
                            and (s.state <> 'FULFILLED' or s.tracking_pending))
                        and not exists (select 1 from shop_return r where r.order_id = o.id
                            and (r.state <> 'CLOSED' or r.feed_pending))
                        and not exists (select 1 from order_demand d where d.store_id = o.store_id
                            and d.shopify_order_id = o.shopify_order_id)
                    order by o.updated_at limit ? for update of o skip locked)
                """));
        BATCHES.put(DataKind.CLOSED_RETURNS, statement("""
                delete from shop_return where id in (
                    select r.id from shop_return r where r.state = 'CLOSED' and not r.feed_pending and r.updated_at < ?
                        and not exists (select 1 from return_receipt x where x.return_id = r.id and x.state <> 'DONE')
                    order by r.updated_at limit ? for update of r skip locked)
                """));
        BATCHES.put(DataKind.ORDER_SWEEPS, finishedRuns("order_sweep"));
        BATCHES.put(DataKind.STOCK_RECONCILIATIONS, finishedRuns("stock_reconciliation"));
        BATCHES.put(DataKind.PRODUCT_SYNCS, finishedRuns("product_sync"));
    }

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    RetentionSettings settings;

    @Inject
    ActivityLog activity;

    @Inject
    RetentionMetrics metrics;

    @Inject
    Clock clock;

    /**
     * Runs one round unless another instance (or thread) holds the lease.
     *
     * @param by who asked for it, or null for the schedule
     * @return what it pruned, or empty when another round was running
     */
    public Optional<RoundResult> round(String by) {
        return claim().map(holder -> run(holder, by));
    }

    /**
     * Takes the lease for a round, unless another round holds it (one whose instance died holds it until it runs
     * out).
     *
     * @return the holder to run the round with, or empty when another round is running
     */
    public Optional<String> claim() {
        String holder = UUID.randomUUID().toString();
        boolean claimed = lease(
                "update retention_round set holder = ?, lease_until = now() + make_interval(secs => "
                        + LEASE_SECONDS + "), started_at = now(), finished_at = null, summary = null "
                        + "where id = 1 and (lease_until is null or lease_until < now())",
                holder,
                null);
        return claimed ? Optional.of(holder) : Optional.empty();
    }

    /**
     * Runs a round claimed with {@link #claim()}, then gives the lease up.
     *
     * @param by who asked for it, or null for the schedule
     */
    public RoundResult run(String holder, String by) {
        RetentionPolicy policy = this.settings.policy();
        Instant now = this.clock.instant();
        RoundResult result = new RoundResult();
        try {
            prune(policy, now, holder, result);
        } catch (SQLException | RuntimeException e) {
            LOG.log(Level.WARNING, "Retention round stopped (the next round goes on): " + e.getMessage());
            result.stoppedEarly(e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            result.stoppedEarly("the server is stopping");
        }
        String summary = result.describe(policy);
        finish(holder, summary);
        if (result.prunedAnything()) {
            LOG.info(() -> "Retention round: " + summary);
            this.activity.record(CATEGORY, "Retention round: " + summary + ".", by);
        }
        return result;
    }

    private void prune(RetentionPolicy policy, Instant now, String holder, RoundResult result)
            throws SQLException, InterruptedException {
        int limit = this.settings.batchSize();
        for (DataKind kind : DataKind.values()) {
            Optional<Instant> cutoff = policy.cutoff(kind, now);
            if (cutoff.isEmpty()) {
                continue;
            }
            int pruned;
            do {
                pruned = batch(kind, Timestamp.from(cutoff.get()), limit);
                result.add(kind, pruned);
                this.metrics.pruned(kind, pruned);
                if (!renew(holder)) {
                    result.stoppedEarly("another instance took the round over");
                    return;
                }
                if (pruned == limit && this.settings.batchPauseMillis() > 0) {
                    Thread.sleep(this.settings.batchPauseMillis());
                }
            } while (pruned == limit);
        }
    }

    private int batch(DataKind kind, Timestamp cutoff, int limit) throws SQLException {
        try (Connection db = this.dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                int pruned = BATCHES.get(kind).run(db, cutoff, limit);
                db.commit();
                return pruned;
            } catch (SQLException | RuntimeException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
    }

    private static Batch statement(String sql) {
        return (db, cutoff, limit) -> {
            try (PreparedStatement prune = db.prepareStatement(sql)) {
                prune.setTimestamp(1, cutoff);
                prune.setInt(2, limit);
                return prune.executeUpdate();
            }
        };
    }

    /**
     * Finished pushes no change points at any more. The links to the movements they carried go first: left behind,
     * the foreign key would clear their push and they would look not pushed yet.
     */
    private static int finishedPushes(Connection db, Timestamp cutoff, int limit) throws SQLException {
        List<Long> ids = new ArrayList<>();
        try (PreparedStatement select = db.prepareStatement("""
                select p.id from stock_push p where p.state in ('PUSHED', 'STALE', 'REJECTED') and p.finished_at < ?
                    and not exists (select 1 from stock_change c where c.push_id = p.id)
                order by p.finished_at limit ? for update skip locked
                """)) {
            select.setTimestamp(1, cutoff);
            select.setInt(2, limit);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
        }
        if (ids.isEmpty()) {
            return 0;
        }
        java.sql.Array pushes = db.createArrayOf("bigint", ids.toArray());
        try (PreparedStatement links = db.prepareStatement("delete from stock_movement_target where push_id = any(?)");
                PreparedStatement delete = db.prepareStatement("delete from stock_push where id = any(?)")) {
            links.setArray(1, pushes);
            links.executeUpdate();
            delete.setArray(1, pushes);
            return delete.executeUpdate();
        }
    }

    /** Finished runs of a store (sweeps, reconciliations, syncs) except its latest finished one. */
    private static Batch finishedRuns(String table) {
        return statement("delete from " + table + " where id in (select r.id from " + table + " r "
                + "where r.state <> 'RUNNING' and r.started_at < ? and exists (select 1 from " + table + " n "
                + "where n.store_id = r.store_id and n.id > r.id and n.state <> 'RUNNING') "
                + "order by r.started_at limit ? for update of r skip locked)");
    }

    private boolean renew(String holder) {
        return lease(
                "update retention_round set lease_until = now() + make_interval(secs => " + LEASE_SECONDS
                        + ") where id = 1 and holder = ?",
                holder,
                null);
    }

    private void finish(String holder, String summary) {
        lease(
                "update retention_round set lease_until = null, finished_at = now(), summary = ? "
                        + "where id = 1 and holder = ?",
                summary.length() > 2000 ? summary.substring(0, 1999) + "…" : summary,
                holder);
    }

    /** One autocommitted statement on the lease row; true when it changed it. */
    private boolean lease(String sql, String first, String second) {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement update = db.prepareStatement(sql)) {
            update.setString(1, first);
            if (second != null) {
                update.setString(2, second);
            }
            return update.executeUpdate() == 1;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "The retention round's lease could not be taken or kept: " + e.getMessage(), e);
        }
    }

    /** The latest round of any instance. */
    public LastRound lastRound() {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement(
                        "select started_at, finished_at, summary from retention_round where id = 1");
                ResultSet row = select.executeQuery()) {
            if (!row.next()) {
                return new LastRound(null, null, null);
            }
            return new LastRound(instant(row.getTimestamp(1)), instant(row.getTimestamp(2)), row.getString(3));
        } catch (SQLException e) {
            throw new IllegalStateException("The last retention round could not be read: " + e.getMessage(), e);
        }
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
