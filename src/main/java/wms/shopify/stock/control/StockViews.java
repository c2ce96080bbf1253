package wms.shopify.stock.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import wms.shopify.stock.entity.StockRule;
import wms.shopify.stores.entity.StoreStatus;

/** What the Stock page and the API show: stores' stock sync state, changes and pushes with their reasons. */
@ApplicationScoped
public class StockViews {

    /** The store statuses stock syncs with (from the enum, never a literal). */
    private static final String[] CONNECTED = StoreStatus.names(StoreStatus::isConnected);

    @Inject
    PushRecords records;

    public List<StoreStockSummary> stores() {
        return this.records.query(db -> {
            List<StoreStockSummary> stores = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select sc.store_id, sc.domain, sp.sync_enabled, sp.sync_mode, sp.coalescing_window_seconds,
                        (select count(*) from stock_change c where c.store_id = sc.store_id and c.state = 'PENDING'),
                        (select count(*) from stock_change c where c.store_id = sc.store_id and c.state = 'PUSHING'),
                        (select count(*) from stock_change c where c.store_id = sc.store_id and c.state = 'FAILED'),
                        (select count(*) from stock_push p where p.store_id = sc.store_id and p.state = 'FAILED'),
                        (select count(*) from stock_push p where p.store_id = sc.store_id and p.state = 'PUSHED')
                    from store_connection sc join stock_policy sp on sp.store_id = sc.store_id
                    where sc.status = any(?) order by sc.domain
                    """)) {
                query.setArray(1, db.createArrayOf("varchar", CONNECTED));
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        stores.add(new StoreStockSummary(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getBoolean(3),
                                rows.getString(4),
                                rows.getInt(5),
                                rows.getLong(6),
                                rows.getLong(7),
                                rows.getLong(8),
                                rows.getLong(9),
                                rows.getLong(10)));
                    }
                }
            }
            return stores;
        });
    }

    /** The conditions of a change the filter lists; its parameters are set by {@link #setChangeFilter}. */
    private static final String CHANGE_FILTER = """
            c.state = any(?) and (?::bigint is null or c.store_id = ?)
                and (?::varchar is null or p.code ilike ? or exists (select 1 from store_variant_mapping sv
                    where sv.store_id = c.store_id and sv.inventory_item_id = c.inventory_item_id and sv.sku ilike ?))
                and (?::timestamptz is null or c.updated_at >= ?) and (?::timestamptz is null or c.updated_at < ?)
            """;

    private static int setChangeFilter(java.sql.Connection db, PreparedStatement query, StockFilter filter)
            throws SQLException {
        query.setArray(1, db.createArrayOf("varchar", filter.changeStates()));
        return setStoreSkuAndDays(query, 2, filter);
    }

    /**
     * The parameters both filters share, from position {@code at}: the store (twice), the SKU pattern (three times),
     * the first and the day after the last day (twice each).
     *
     * @return the position of the last one set
     */
    private static int setStoreSkuAndDays(PreparedStatement query, int at, StockFilter filter) throws SQLException {
        String sku = filter.skuPattern();
        Timestamp from = filter.from() == null ? null : Timestamp.from(filter.from());
        Timestamp until = filter.until() == null ? null : Timestamp.from(filter.until());
        query.setObject(at, filter.storeId());
        query.setObject(at + 1, filter.storeId());
        query.setString(at + 2, sku);
        query.setString(at + 3, sku);
        query.setString(at + 4, sku);
        query.setTimestamp(at + 5, from);
        query.setTimestamp(at + 6, from);
        query.setTimestamp(at + 7, until);
        query.setTimestamp(at + 8, until);
        return at + 8;
    }

    /**
     * A page of the changes the filter lists: {@code size} from {@code first}, sorted by {@code column} ("dueAt" or
     * "updatedAt"; else parked first, then pushing, then pending, each by when due).
     */
    public List<ChangeView> changes(StockFilter filter, String column, boolean ascending, int first, int size) {
        String direction = ascending ? " asc" : " desc";
        String order = switch (column == null ? "" : column) {
            case "dueAt" -> "c.due_at" + direction + " nulls last, c.id" + direction;
            case "updatedAt" -> "c.updated_at" + direction + ", c.id" + direction;
            default -> "case c.state when 'FAILED' then 0 when 'PUSHING' then 1 else 2 end, c.due_at, c.id";
        };
        return this.records.query(db -> {
            List<ChangeView> changes = new ArrayList<>();
            try (PreparedStatement query =
                    db.prepareStatement("""
                    select c.id, s.domain, v.sku, p.code, c.inventory_item_id, c.location_id, c.state, c.delta,
                        c.sellable, c.shopify_known,
                        stock_level_demand(c.store_id, c.inventory_item_id, c.location_id, c.product_id),
                        c.due_at, c.push_id, c.reason, c.updated_at
                    from (select c.* from stock_change c join product_code p on p.product_id = c.product_id
                        where""" + " " + CHANGE_FILTER + " order by " + order + """
                         offset ? limit ?) c
                    join store_connection s on s.store_id = c.store_id
                    join product_code p on p.product_id = c.product_id
                    left join lateral (select sku from store_variant_mapping sv where sv.store_id = c.store_id
                        and sv.inventory_item_id = c.inventory_item_id limit 1) v on true
                    order by """ + " " + order)) {
                int set = setChangeFilter(db, query, filter);
                query.setInt(set + 1, first);
                query.setInt(set + 2, size);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        changes.add(new ChangeView(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getString(6),
                                rows.getString(7),
                                rows.getLong(8),
                                (Long) rows.getObject(9),
                                (Long) rows.getObject(10),
                                rows.getLong(11),
                                instant(rows.getTimestamp(12)),
                                (Long) rows.getObject(13),
                                rows.getString(14),
                                instant(rows.getTimestamp(15))));
                    }
                }
            }
            return changes;
        });
    }

    /** How many changes the filter lists, counted up to {@code limit} at most. */
    public int countChangesUpTo(StockFilter filter, int limit) {
        return this.records.query(db -> {
            try (PreparedStatement query = db.prepareStatement("select count(*) from (select 1 from stock_change c "
                    + "join product_code p on p.product_id = c.product_id where " + CHANGE_FILTER + " limit ?) x")) {
                int set = setChangeFilter(db, query, filter);
                query.setInt(set + 1, limit);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /** The conditions of a push the filter lists; its parameters are set by {@link #setPushFilter}. */
    private static final String PUSH_FILTER = """
            (?::varchar[] is null or p.state = any(?::varchar[])) and (?::bigint is null or p.store_id = ?)
                and (?::varchar is null or exists (select 1 from stock_movement_target t
                    join stock_change c on c.id = t.change_id join product_code pc on pc.product_id = c.product_id
                    left join store_variant_mapping sv on sv.store_id = c.store_id
                        and sv.inventory_item_id = c.inventory_item_id
                    where t.push_id = p.id and (pc.code ilike ? or sv.sku ilike ?)))
                and (?::timestamptz is null or p.created_at >= ?) and (?::timestamptz is null or p.created_at < ?)
            """;

    private static int setPushFilter(java.sql.Connection db, PreparedStatement query, StockFilter filter)
            throws SQLException {
        java.sql.Array states = filter.pushStates() == null ? null : db.createArrayOf("varchar", filter.pushStates());
        if (states == null) {
            query.setNull(1, java.sql.Types.ARRAY);
            query.setNull(2, java.sql.Types.ARRAY);
        } else {
            query.setArray(1, states);
            query.setArray(2, states);
        }
        return setStoreSkuAndDays(query, 3, filter);
    }

    /**
     * The first SKUs a push carries, from the input it stores (every push has its items there, whether the changes
     * came from movements, orders or a read): each entry's variant SKU, else its WMS product code, in input order.
     */
    private static final String PUSH_SKUS = """
            (select string_agg(coalesce(v.sku, pc.code, e.item), ', ' order by e.position)
                from (select x.entry ->> 'inventoryItemId' as item, x.position
                    from jsonb_array_elements(case when p.payload like '{%' then coalesce(
                        p.payload::jsonb -> 'changes', p.payload::jsonb -> 'quantities') end) with ordinality
                        as x(entry, position)
                    order by x.position limit 5) e
                left join lateral (select sku from store_variant_mapping sv
                    where sv.store_id = p.store_id and sv.inventory_item_id = e.item limit 1) v on true
                left join lateral (select c2.code from stock_change c join product_code c2
                    on c2.product_id = c.product_id where c.store_id = p.store_id and c.inventory_item_id = e.item
                    limit 1) pc on true)""";

    /** A page of the pushes the filter lists, newest first ({@code ascending}: oldest first), without movements. */
    public List<PushRow> pushes(StockFilter filter, boolean ascending, int first, int size) {
        return this.records.query(db -> {
            List<PushRow> pushes = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("select p.id, s.domain, p.mode, p.state, p.quantities, "
                    + "p.attempts, p.reason, p.created_at, p.finished_at, "
                    + PUSH_SKUS
                    + " "
                    + "from stock_push p join store_connection s on s.store_id = p.store_id where " + PUSH_FILTER
                    + " order by p.id" + (ascending ? "" : " desc") + " offset ? limit ?")) {
                int set = setPushFilter(db, query, filter);
                query.setInt(set + 1, first);
                query.setInt(set + 2, size);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String skus = rows.getString(10);
                        pushes.add(new PushRow(
                                rows.getLong(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4).toLowerCase(),
                                rows.getInt(5),
                                rows.getInt(6),
                                rows.getString(7),
                                instant(rows.getTimestamp(8)),
                                instant(rows.getTimestamp(9)),
                                skus == null ? List.of() : List.of(skus.split(", "))));
                    }
                }
            }
            return pushes;
        });
    }

    /** How many pushes the filter lists, counted up to {@code limit} at most. */
    public int countPushesUpTo(StockFilter filter, int limit) {
        return this.records.query(db -> {
            try (PreparedStatement query = db.prepareStatement(
                    "select count(*) from (select 1 from stock_push p where " + PUSH_FILTER + " limit ?) x")) {
                int set = setPushFilter(db, query, filter);
                query.setInt(set + 1, limit);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return rows.getInt(1);
                }
            }
        });
    }

    /**
     * The levels the WMS has reported, each with the rule applied and what Shopify is shown (the one availability
     * calculation), at most {@code limit}, those whose SKU or product code contains {@code search} (all when blank).
     */
    public List<PublishedView> published(String search, int limit) {
        String like = search == null || search.isBlank() ? null : "%" + search.trim() + "%";
        return this.records.query(db -> {
            List<PublishedView> levels = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select c.domain, sp.sync_mode, v.sku, c.code, c.location_id, c.sellable, d.demand,
                        r.id, r.location_id, r.product_code, r.product_prefix, r.buffer, r.share_percent,
                        r.maximum, r.out_of_stock_below,
                        case when sp.sync_mode = 'ABSOLUTE'
                            then stock_level_may_sell(c.store_id, c.inventory_item_id, c.product_id, c.location_id,
                                c.warehouse_id, c.sellable, c.unexplained)
                            else greatest(0, stock_level_shown(c.store_id, c.product_id, c.location_id,
                                c.warehouse_id, c.sellable)) end,
                        c.shopify_known,
                        case when k.kit then stock_kit_limit(c.store_id, c.product_id, c.location_id, c.warehouse_id)
                            end,
                        coalesce(r.buffer_as_safety_stock, false),
                        stock_level_safety_stock(c.store_id, c.inventory_item_id, c.product_id, c.location_id,
                            c.sellable, c.unexplained, sp.sync_mode = 'ABSOLUTE')
                    from (select c.*, s.domain, p.code from stock_change c
                            join store_connection s on s.store_id = c.store_id
                            join product_code p on p.product_id = c.product_id
                            where c.sellable is not null and s.status = any(?)
                                and (?::varchar is null or p.code ilike ? or exists (select 1
                                    from store_variant_mapping sv where sv.store_id = c.store_id
                                    and sv.inventory_item_id = c.inventory_item_id and sv.sku ilike ?))
                            order by s.domain, p.code, c.location_id
                            limit ?) c
                    join stock_policy sp on sp.store_id = c.store_id
                    left join lateral (select sku from store_variant_mapping sv where sv.store_id = c.store_id
                        and sv.inventory_item_id = c.inventory_item_id limit 1) v on true
                    cross join lateral (select stock_level_demand(c.store_id, c.inventory_item_id, c.location_id,
                        c.product_id) as demand) d
                    cross join lateral (select exists (select 1 from kit_component kc
                        where kc.kit_product_id = c.product_id) as kit) k
                    left join lateral (select (y.x).* from (select case when k.kit
                        then stock_kit_rule(c.store_id, c.product_id, c.location_id)
                        else stock_rule_of(c.store_id, c.product_id, c.location_id) end as x) y) r on true
                    order by c.domain, c.code, c.location_id
                    """)) {
                query.setArray(1, db.createArrayOf("varchar", CONNECTED));
                query.setString(2, like);
                query.setString(3, like);
                query.setString(4, like);
                query.setInt(5, limit);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        String rule = null;
                        if (rows.getObject(8) != null) {
                            StockRule applied = new StockRule(
                                    rows.getString(9),
                                    rows.getString(10),
                                    rows.getString(11),
                                    (Long) rows.getObject(12),
                                    (Integer) rows.getObject(13),
                                    (Long) rows.getObject(14),
                                    (Long) rows.getObject(15),
                                    rows.getBoolean(19));
                            rule = applied.effect() + " (" + applied.scope() + ")";
                        }
                        levels.add(new PublishedView(
                                rows.getString(1),
                                rows.getString(2),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getString(5),
                                rows.getLong(6),
                                rows.getLong(7),
                                rule,
                                rows.getLong(16),
                                (Long) rows.getObject(17),
                                rows.getString(18),
                                rows.getLong(20)));
                    }
                }
            }
            return levels;
        });
    }

    /** One push with the movements it carried. */
    public Optional<PushView> push(long id) {
        return this.records.query(db -> {
            List<PushView.Movement> movements = new ArrayList<>();
            try (PreparedStatement query = db.prepareStatement("""
                    select m.movement_id, m.kind, p.code, w.code, m.delta, m.sellable_after, m.sequence
                    from stock_movement_target t join stock_movement m on m.id = t.movement_id
                    join product_code p on p.product_id = m.product_id
                    join warehouse_code w on w.warehouse_id = m.warehouse_id
                    where t.push_id = ? order by m.id
                    """)) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        movements.add(new PushView.Movement(
                                rows.getString(1),
                                rows.getString(2).toLowerCase(),
                                rows.getString(3),
                                rows.getString(4),
                                rows.getLong(5),
                                rows.getLong(6),
                                rows.getLong(7)));
                    }
                }
            }
            try (PreparedStatement query = db.prepareStatement("select p.id, s.domain, p.mode, p.state, p.quantities, "
                    + "p.attempts, p.reason, p.created_at, p.finished_at from stock_push p "
                    + "join store_connection s on s.store_id = p.store_id "
                    + "where p.id = ?")) {
                query.setLong(1, id);
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() ? Optional.of(push(rows, movements)) : Optional.<PushView>empty();
                }
            }
        });
    }

    private static PushView push(ResultSet rows, List<PushView.Movement> movements) throws SQLException {
        return new PushView(
                rows.getLong(1),
                rows.getString(2),
                rows.getString(3),
                rows.getString(4).toLowerCase(),
                rows.getInt(5),
                rows.getInt(6),
                rows.getString(7),
                instant(rows.getTimestamp(8)),
                instant(rows.getTimestamp(9)),
                movements);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
