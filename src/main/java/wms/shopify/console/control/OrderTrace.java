package wms.shopify.console.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import wms.shopify.activity.control.ActivityFilter;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.activity.entity.ActivityEvent;

/**
 * The trace of one order: the webhooks Shopify sent about it (delivery ids, repeats of one event marked), the
 * connector's decisions (the activity entries naming it, and its state now with the reason: filtered, held, in the
 * feed, accepted), the WMS's acknowledgement, the shipments and the fulfillments they became on Shopify, and its
 * returns with their receipts, as one timeline, newest first. The order keeps only its latest decision; earlier ones
 * are the activity entries. Every read goes through an index and is bounded ({@link #LIMIT} of each kind).
 */
@ApplicationScoped
public class OrderTrace {

    static final int LIMIT = 200;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    ActivityLog activity;

    /** The order as the trace heads it. */
    public record Order(
            long id,
            long storeId,
            String domain,
            String shopifyOrderId,
            String name,
            String state,
            String holdReason,
            String stateNote,
            String feedKind,
            Long feedPosition,
            boolean feedPending,
            Instant acknowledgedAt,
            Instant firstSeenAt,
            Instant updatedAt,
            String lastSource,
            String shippingState)
            implements java.io.Serializable {

        /** The order's name, or its Shopify id before it has one. */
        public String label() {
            return this.name == null ? this.shopifyOrderId : this.name;
        }

        /** The decision now, with its reason, in the merchant's words. */
        public String decision() {
            return switch (this.state) {
                case "FILTERED" ->
                    "Filtered out by the store's order filters" + (this.stateNote == null ? "" : ": " + this.stateNote);
                case "HELD" -> "Held (" + this.holdReason + "): " + this.stateNote;
                case "READY" ->
                    "In the WMS's feed at position " + this.feedPosition + " (" + this.feedKind
                            + "), waiting for the WMS";
                case "ACCEPTED" ->
                    (this.feedPending
                                    ? "Accepted by the WMS; a later revision waits in the feed at position "
                                            + this.feedPosition + " (" + this.feedKind + ")"
                                    : "Accepted by the WMS")
                            + (this.shippingState == null
                                    ? ""
                                    : ", " + this.shippingState.toLowerCase().replace('_', ' '));
                case "CANCELLED" ->
                    "Cancelled"
                            + (this.feedPending
                                    ? ": the cancellation waits in the feed at position " + this.feedPosition
                                    : "");
                default -> this.state;
            };
        }
    }

    /** An order by its id (the Orders page's link). */
    public Optional<Order> order(long id) {
        List<Order> found = orders("o.id = ?", id);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The orders of that name ("#1001" or "1001"), in every store (served by the name's trigram index, V98). */
    public List<Order> byName(String name) {
        String wanted = name == null ? "" : name.trim();
        if (wanted.isEmpty()) {
            return List.of();
        }
        String withHash = wanted.startsWith("#") ? wanted : "#" + wanted;
        return orders("(lower(o.name) = lower(?) or lower(o.name) = lower(?))", wanted, withHash);
    }

    private List<Order> orders(String condition, Object... values) {
        List<Order> orders = new ArrayList<>();
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("""
                        select o.id, o.store_id, s.domain, o.shopify_order_id, o.name, o.state, o.hold_reason,
                            o.state_note, o.feed_kind, o.feed_seq, o.feed_pending, o.acknowledged_at, o.first_seen_at,
                            o.updated_at, o.last_source, o.shipping_state
                        from shop_order o join store_connection s on s.store_id = o.store_id
                        where """ + " " + condition + " order by o.id desc limit 20")) {
            for (int i = 0; i < values.length; i++) {
                query.setObject(i + 1, values[i]);
            }
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    orders.add(new Order(
                            rows.getLong(1),
                            rows.getLong(2),
                            rows.getString(3),
                            rows.getString(4),
                            rows.getString(5),
                            rows.getString(6),
                            rows.getString(7),
                            rows.getString(8),
                            rows.getString(9),
                            (Long) rows.getObject(10),
                            rows.getBoolean(11),
                            instant(rows.getTimestamp(12)),
                            instant(rows.getTimestamp(13)),
                            instant(rows.getTimestamp(14)),
                            rows.getString(15),
                            rows.getString(16)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return orders;
    }

    /** The order's timeline, newest first. */
    public List<TraceEvent> timeline(Order order) {
        List<TraceEvent> events = new ArrayList<>();
        events.add(new TraceEvent(
                order.firstSeenAt(),
                "First seen",
                "The connector learned of the order",
                "Shopify order " + order.shopifyOrderId(),
                0));
        events.add(new TraceEvent(
                order.updatedAt(),
                "Decision now",
                order.decision(),
                order.lastSource() == null ? "" : "last read because of " + order.lastSource(),
                Long.MAX_VALUE - 1));
        if (order.acknowledgedAt() != null) {
            events.add(new TraceEvent(
                    order.acknowledgedAt(),
                    "WMS acknowledged",
                    "The WMS acknowledged the order's revision in its feed",
                    "",
                    Long.MAX_VALUE - 2));
        }
        try (Connection db = this.dataSource.getConnection()) {
            webhooks(db, order, events);
            shipments(db, order, events);
            returns(db, order, events);
        } catch (SQLException e) {
            throw failed(e);
        }
        if (order.name() != null) {
            // The entries that name the order ("Order #1001 of shop", "... of order #1001 of shop").
            ActivityFilter naming =
                    new ActivityFilter(null, order.domain(), "order " + order.name() + " of ", null, null);
            for (ActivityEvent entry : this.activity.search(naming, ActivityLog.Sort.NEWEST_FIRST, 0, LIMIT)) {
                events.add(new TraceEvent(
                        entry.occurredAt(), "Activity (" + entry.category() + ")", entry.message(), "", entry.id()));
            }
        }
        events.sort(TraceEvent.NEWEST_FIRST);
        return events;
    }

    private static void webhooks(Connection db, Order order, List<TraceEvent> events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select received_at, webhook_id, topic, event_id, outcome, outcome_note, id from webhook_delivery
                where store_id = ? and order_ref = ? order by received_at, id limit ?
                """)) {
            query.setLong(1, order.storeId());
            query.setString(2, order.shopifyOrderId());
            query.setInt(3, LIMIT);
            Map<String, String> firstOfEvent = new HashMap<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String webhookId = rows.getString(2);
                    String eventId = rows.getString(4);
                    String first = eventId == null ? null : firstOfEvent.putIfAbsent(eventId, webhookId);
                    String note = rows.getString(6);
                    events.add(new TraceEvent(
                            rows.getTimestamp(1).toInstant(),
                            first == null ? "Webhook" : "Webhook (duplicate)",
                            rows.getString(3) + ": " + rows.getString(5).toLowerCase()
                                    + (note == null ? "" : " (" + note + ")")
                                    + (first == null ? "" : "; the same event as webhook " + first),
                            "webhook id " + webhookId + (eventId == null ? "" : ", event id " + eventId),
                            rows.getLong(7)));
                }
            }
        }
    }

    private static void shipments(Connection db, Order order, List<TraceEvent> events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select s.id, s.shipment_key, s.state, s.carrier, s.received_at, s.fulfilled_at, s.fulfillment_id,
                    s.attempts, s.reason, s.updated_at,
                    (select string_agg(p.tracking_number, ', ' order by p.position) from shipment_parcel p
                        where p.shipment_id = s.id)
                from shipment s where s.order_id = ? order by s.id desc limit ?
                """)) {
            query.setLong(1, order.id());
            query.setInt(2, LIMIT);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    String key = "shipment " + rows.getString(2);
                    String tracking = rows.getString(11);
                    events.add(new TraceEvent(
                            rows.getTimestamp(5).toInstant(),
                            "Shipment reported",
                            "The WMS reported a shipment"
                                    + (rows.getString(4) == null ? "" : " by " + rows.getString(4))
                                    + (tracking == null ? "" : ", tracking " + tracking),
                            key,
                            id * 2));
                    String state = rows.getString(3);
                    if ("FULFILLED".equals(state)) {
                        events.add(new TraceEvent(
                                rows.getTimestamp(6).toInstant(),
                                "Fulfillment on Shopify",
                                "Shopify fulfilled it after " + rows.getInt(8) + " attempt(s)",
                                key + ", fulfillment " + rows.getString(7),
                                id * 2 + 1));
                    } else if ("FAILED".equals(state)) {
                        events.add(new TraceEvent(
                                rows.getTimestamp(10).toInstant(),
                                "Shipment parked",
                                "Not on Shopify after " + rows.getInt(8) + " attempt(s): " + rows.getString(9),
                                key,
                                id * 2 + 1));
                    }
                }
            }
        }
    }

    private static void returns(Connection db, Order order, List<TraceEvent> events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select r.id, r.shopify_return_id, r.name, r.shopify_status, r.state, r.note, r.created_at,
                    r.acknowledged_at
                from shop_return r where r.order_id = ? order by r.id desc limit ?
                """)) {
            query.setLong(1, order.id());
            query.setInt(2, LIMIT);
            List<Long> returnIds = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    returnIds.add(rows.getLong(1));
                    String name = rows.getString(3) == null ? rows.getString(2) : rows.getString(3);
                    events.add(new TraceEvent(
                            rows.getTimestamp(7).toInstant(),
                            "Return",
                            "Return " + name + " (" + rows.getString(4).toLowerCase() + " on Shopify), "
                                    + rows.getString(5).toLowerCase() + " here"
                                    + (rows.getString(6) == null ? "" : ": " + rows.getString(6)),
                            "Shopify return " + rows.getString(2),
                            rows.getLong(1)));
                    Timestamp acknowledged = rows.getTimestamp(8);
                    if (acknowledged != null) {
                        events.add(new TraceEvent(
                                acknowledged.toInstant(),
                                "WMS acknowledged",
                                "The WMS acknowledged return " + name + " in its feed",
                                "Shopify return " + rows.getString(2),
                                rows.getLong(1)));
                    }
                }
            }
            receipts(db, returnIds, events);
        }
    }

    private static void receipts(Connection db, List<Long> returnIds, List<TraceEvent> events) throws SQLException {
        if (returnIds.isEmpty()) {
            return;
        }
        try (PreparedStatement query = db.prepareStatement("""
                select id, receipt_key, state, attempts, reason, received_at, updated_at from return_receipt
                where return_id = any(?) order by id desc limit ?
                """)) {
            query.setArray(1, db.createArrayOf("bigint", returnIds.toArray()));
            query.setInt(2, LIMIT);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String state = rows.getString(3);
                    events.add(new TraceEvent(
                            rows.getTimestamp(6).toInstant(),
                            "Goods received",
                            "The WMS received returned goods: "
                                    + switch (state) {
                                        case "DONE" -> "processed on Shopify";
                                        case "FAILED" -> "parked: " + rows.getString(5);
                                        default -> "being processed on Shopify";
                                    },
                            "receipt " + rows.getString(2),
                            rows.getLong(1)));
                }
            }
        }
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("The order's trace could not be read: " + e.getMessage(), e);
    }
}
