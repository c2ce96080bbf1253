package wms.shopify.console.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.sql.DataSource;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * The trace of one item of one store ("why is it N on Shopify"): each level's state now (what the WMS holds, what
 * Shopify was last known to hold, what is waiting), and one timeline, newest first, of the WMS movements the levels
 * absorbed, the pushes that carried them (mutation, idempotency key, quantity before and after, Shopify's answer),
 * the inventory webhooks Shopify sent about the item (echoes of the connector's own writes recognised) and the drift
 * reconciliations' findings. Every read is bounded: the latest {@link #MOVEMENTS} movements, {@link #PUSHES} pushes,
 * the store's latest {@link #WEBHOOKS} deliveries and {@link #RECONCILIATIONS} reconciliations.
 */
@ApplicationScoped
public class ItemTrace {

    static final int MOVEMENTS = 500;
    static final int PUSHES = 200;
    /** The store's latest pushes searched for the item when no movement leads to them (rule changes, corrections). */
    static final int RECENT_PUSHES = 500;

    static final int RECONCILIATIONS = 20;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    Stores stores;

    /** An item of a store, found by its SKU or named by the Stock and Product Mapping pages. */
    public record Item(long storeId, String domain, String inventoryItemId, String sku)
            implements java.io.Serializable {}

    /** One level (a location) of the item now. */
    public record Level(
            String locationId,
            String warehouse,
            String state,
            Long sellable,
            Long shopifyKnown,
            long pendingDelta,
            Instant dueAt,
            Instant lastPushedAt,
            String reason,
            String kit,
            long safetyStock)
            implements java.io.Serializable {

        /** The level in one sentence: "why is it N on Shopify". */
        public String explanation() {
            StringBuilder text = new StringBuilder();
            text.append(
                    this.shopifyKnown == null
                            ? "Shopify's quantity is not known to the connector yet (never read or written)"
                            : "Shopify was last known to hold " + this.shopifyKnown);
            if (this.lastPushedAt != null) {
                text.append(", after the connector's push of ")
                        .append(wms.shopify.platform.web.AdminFormat.dateTime(this.lastPushedAt));
            }
            if (this.kit != null) {
                // A kit has no stock of its own: its quantity is what its components make up (docs/stock.md).
                text.append("; a kit: the WMS's components make up ")
                        .append(this.sellable)
                        .append(" whole kits; what the store may sell is limited by ")
                        .append(this.kit);
            } else {
                text.append("; the WMS's sellable quantity is ")
                        .append(this.sellable == null ? "not reported" : this.sellable);
            }
            if (this.safetyStock > 0) {
                // A rule's buffer shown on Shopify as the level's safety_stock state (docs/stock.md).
                text.append("; ").append(this.safetyStock).append(" shown as safety stock on Shopify");
            }
            switch (this.state) {
                case "PENDING" ->
                    text.append("; a change (")
                            .append(this.pendingDelta >= 0 ? "+" : "")
                            .append(this.pendingDelta)
                            .append(") waits, due ")
                            .append(wms.shopify.platform.web.AdminFormat.dateTime(this.dueAt));
                case "PUSHING" -> text.append("; a push is under way");
                case "FAILED" -> text.append("; parked: ").append(this.reason);
                default -> text.append("; nothing waits");
            }
            return text.append('.').toString();
        }
    }

    /** The items whose Shopify SKU is this one (trimmed, exact), in every store. */
    public List<Item> bySku(String sku) {
        String wanted = sku == null ? "" : sku.trim();
        List<Item> items = new ArrayList<>();
        if (wanted.isEmpty()) {
            return items;
        }
        List<Store> all = this.stores.all();
        Map<Long, String> domains = new TreeMap<>();
        all.forEach(s -> domains.put(s.id(), s.domain().value()));
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("""
                        select store_id, inventory_item_id, sku from store_variant_mapping
                        where store_id = any(?) and sku = ? and inventory_item_id is not null
                        order by store_id, inventory_item_id limit 100
                        """)) {
            query.setArray(1, db.createArrayOf("bigint", domains.keySet().toArray()));
            query.setString(2, wanted);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    items.add(new Item(
                            rows.getLong(1), domains.get(rows.getLong(1)), rows.getString(2), rows.getString(3)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return items;
    }

    /** The item of a store (by its domain) by its inventory item; empty for an unknown store. */
    public java.util.Optional<Item> item(String domain, String inventoryItemId) {
        return this.stores.find(domain).flatMap(store -> item(store.id(), inventoryItemId));
    }

    /** The item of a store by its inventory item, with its SKU when mapped; empty for an unknown store. */
    public java.util.Optional<Item> item(long storeId, String inventoryItemId) {
        return this.stores.find(storeId).map(store -> {
            String sku = null;
            try (Connection db = this.dataSource.getConnection();
                    PreparedStatement query = db.prepareStatement("""
                            select sku from store_variant_mapping where store_id = ? and inventory_item_id = ? limit 1
                            """)) {
                query.setLong(1, storeId);
                query.setString(2, inventoryItemId);
                try (ResultSet row = query.executeQuery()) {
                    sku = row.next() ? row.getString(1) : null;
                }
            } catch (SQLException e) {
                throw failed(e);
            }
            return new Item(storeId, store.domain().value(), inventoryItemId, sku);
        });
    }

    /** The item's levels now, by location. */
    public List<Level> levels(Item item) {
        List<Level> levels = new ArrayList<>();
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("""
                        select c.location_id, w.code, c.state, c.sellable, c.shopify_known, c.delta, c.due_at,
                            c.last_pushed_at, c.reason,
                            stock_kit_limit(c.store_id, c.product_id, c.location_id, c.warehouse_id),
                            c.safety_shown
                        from stock_change c left join warehouse_code w on w.warehouse_id = c.warehouse_id
                        where c.store_id = ? and c.inventory_item_id = ? order by c.location_id
                        """)) {
            query.setLong(1, item.storeId());
            query.setString(2, item.inventoryItemId());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    levels.add(new Level(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            (Long) rows.getObject(4),
                            (Long) rows.getObject(5),
                            rows.getLong(6),
                            instant(rows.getTimestamp(7)),
                            instant(rows.getTimestamp(8)),
                            rows.getString(9),
                            rows.getString(10),
                            rows.getLong(11)));
                }
            }
        } catch (SQLException e) {
            throw failed(e);
        }
        return levels;
    }

    /** The item's timeline, newest first. */
    public List<TraceEvent> timeline(Item item) {
        List<TraceEvent> events = new ArrayList<>();
        try (Connection db = this.dataSource.getConnection()) {
            long[] changes = changes(db, item);
            movements(db, changes, events);
            pushes(db, item, changes, events);
            reconciliations(db, item, events);
        } catch (SQLException e) {
            throw failed(e);
        }
        events.sort(TraceEvent.NEWEST_FIRST);
        return events;
    }

    private static long[] changes(Connection db, Item item) throws SQLException {
        try (PreparedStatement query =
                db.prepareStatement("select id from stock_change where store_id = ? and inventory_item_id = ?")) {
            query.setLong(1, item.storeId());
            query.setString(2, item.inventoryItemId());
            List<Long> ids = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    ids.add(rows.getLong(1));
                }
            }
            return ids.stream().mapToLong(Long::longValue).toArray();
        }
    }

    private static void movements(Connection db, long[] changes, List<TraceEvent> events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select m.received_at, m.movement_id, m.kind, m.delta, m.sellable_after, w.code, t.push_id,
                    c.location_id, m.id
                from stock_movement_target t join stock_movement m on m.id = t.movement_id
                join stock_change c on c.id = t.change_id
                left join warehouse_code w on w.warehouse_id = m.warehouse_id
                where t.change_id = any(?) order by t.movement_id desc limit ?
                """)) {
            query.setArray(1, longs(db, changes));
            query.setInt(2, MOVEMENTS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long delta = rows.getLong(4);
                    Long push = (Long) rows.getObject(7);
                    events.add(new TraceEvent(
                            rows.getTimestamp(1).toInstant(),
                            "WMS movement",
                            rows.getString(3) + " " + (delta >= 0 ? "+" : "") + delta + " at warehouse "
                                    + rows.getString(6) + ": sellable " + rows.getLong(5) + " after it; "
                                    + (push == null
                                            ? "absorbed by the pending change of location " + rows.getString(8)
                                                    + ", not pushed yet"
                                            : "coalesced into push #" + push + " for location " + rows.getString(8)),
                            "movement id " + rows.getString(2),
                            rows.getLong(9)));
                }
            }
        }
    }

    private static void pushes(Connection db, Item item, long[] changes, List<TraceEvent> events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select p.id, p.mode, p.idempotency_key, p.payload, p.state, p.attempts, p.reason, p.created_at,
                    p.finished_at, (select count(*) from stock_movement_target t
                        where t.push_id = p.id and t.change_id = any(?))
                from stock_push p
                where p.id in (select t.push_id from (select push_id from stock_movement_target
                            where change_id = any(?) order by movement_id desc limit ?) t where t.push_id is not null
                        union select c.push_id from stock_change c where c.id = any(?) and c.push_id is not null
                        union select r.id from (select id, payload from stock_push where store_id = ?
                            order by id desc limit ?) r where position(? in r.payload) > 0)
                order by p.id desc limit ?
                """)) {
            Array ids = longs(db, changes);
            query.setArray(1, ids);
            query.setArray(2, ids);
            query.setInt(3, MOVEMENTS);
            query.setArray(4, ids);
            query.setLong(5, item.storeId());
            query.setInt(6, RECENT_PUSHES);
            query.setString(7, "\"" + item.inventoryItemId() + "\"");
            query.setInt(8, PUSHES);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    long id = rows.getLong(1);
                    boolean absolute = "ABSOLUTE".equals(rows.getString(2));
                    String mutation = absolute ? "inventorySetQuantities" : "inventoryAdjustQuantities";
                    String quantities = String.join("; ", entries(rows.getString(4), item.inventoryItemId(), absolute));
                    long carried = rows.getLong(10);
                    events.add(new TraceEvent(
                            rows.getTimestamp(8).toInstant(),
                            "Push sent",
                            "Push #" + id + " (" + mutation + "): " + quantities
                                    + (carried > 1 ? "; " + carried + " movements coalesced into it" : ""),
                            "idempotency key " + rows.getString(3),
                            id * 2));
                    Timestamp finished = rows.getTimestamp(9);
                    String state = rows.getString(5);
                    if (finished != null || !"SENDING".equals(state)) {
                        String reason = rows.getString(7);
                        events.add(new TraceEvent(
                                finished == null ? rows.getTimestamp(8).toInstant() : finished.toInstant(),
                                "Shopify's answer",
                                "Push #" + id + ": " + answer(state) + (reason == null ? "" : " (" + reason + ")")
                                        + " after " + rows.getInt(6) + " attempt(s)",
                                "idempotency key " + rows.getString(3),
                                id * 2 + 1));
                    }
                }
            }
        }
    }

    /** The push's state in Shopify's and the merchant's words. */
    static String answer(String state) {
        return switch (state) {
            case "PUSHED" -> "taken by Shopify";
            case "STALE" -> "refused as stale (Shopify's quantity had changed: read again and recomputed)";
            case "REJECTED" -> "refused by Shopify";
            case "FAILED" -> "parked after its retries";
            default -> "being sent";
        };
    }

    /** The item's entries of a push's input: "location L: 5 → 7" (Absolute) or "location L: +2" (Delta). */
    static List<String> entries(String payload, String inventoryItemId, boolean absolute) {
        List<String> found = new ArrayList<>();
        try (JsonReader reader = Json.createReader(new StringReader(payload))) {
            JsonObject input = reader.readObject();
            JsonArray items = input.getJsonArray(absolute ? "quantities" : "changes");
            for (JsonValue value : items == null ? List.<JsonValue>of() : items) {
                JsonObject entry = value.asJsonObject();
                if (!inventoryItemId.equals(entry.getString("inventoryItemId", null))) {
                    continue;
                }
                String location = entry.getString("locationId", "?");
                if (absolute) {
                    String before = entry.isNull("changeFromQuantity")
                            ? "unknown"
                            : entry.getJsonNumber("changeFromQuantity").toString();
                    found.add("location " + location + ": " + before + " → " + entry.getJsonNumber("quantity"));
                } else {
                    long delta = entry.getJsonNumber("delta").longValue();
                    found.add("location " + location + ": " + (delta >= 0 ? "+" : "") + delta);
                }
            }
        } catch (RuntimeException e) {
            found.add("input not readable");
        }
        return found.isEmpty() ? List.of("no quantity of this item") : found;
    }

    private static void reconciliations(Connection db, Item item, List<TraceEvent> events) throws SQLException {
        try (PreparedStatement query = db.prepareStatement("""
                select id, coalesce(finished_at, started_at), report, state from stock_reconciliation
                where store_id = ? order by id desc limit ?
                """)) {
            query.setLong(1, item.storeId());
            query.setInt(2, RECONCILIATIONS);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String report = rows.getString(3);
                    if (report == null || !report.contains(item.inventoryItemId())) {
                        continue;
                    }
                    try (JsonReader reader = Json.createReader(new StringReader(report))) {
                        for (JsonValue value : reader.readArray()) {
                            JsonObject found = value.asJsonObject();
                            if (!item.inventoryItemId().equals(found.getString("inventoryItemId", null))) {
                                continue;
                            }
                            events.add(new TraceEvent(
                                    rows.getTimestamp(2).toInstant(),
                                    "Reconciliation finding",
                                    "Location " + found.getString("locationId", "?") + ": Shopify held "
                                            + found.get("shopify") + ", the WMS's figure was " + found.get("wms"),
                                    "reconciliation #" + rows.getLong(1) + " ("
                                            + rows.getString(4).toLowerCase() + ")",
                                    rows.getLong(1)));
                        }
                    } catch (RuntimeException e) {
                        // a report that is not the list it should be names nothing we can show
                    }
                }
            }
        }
    }

    private static Array longs(Connection db, long[] values) throws SQLException {
        Long[] boxed = new Long[values.length];
        for (int i = 0; i < values.length; i++) {
            boxed[i] = values[i];
        }
        return db.createArrayOf("bigint", boxed);
    }

    private static Instant instant(Timestamp value) {
        return value == null ? null : value.toInstant();
    }

    private static IllegalStateException failed(SQLException e) {
        return new IllegalStateException("The item's trace could not be read: " + e.getMessage(), e);
    }
}
