package wms.shopify.stock.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.stock.entity.StockRule;

/**
 * A store's availability rules ({@code stock_rule}): read, previewed and replaced. A replacement is checked against
 * the store's mapped locations, the WMS catalog and the other stores' shares of the same warehouses, then the levels
 * whose published quantity it changes are made due through {@link StockChanges}, so the republishing is coalesced
 * and paced like any stock change. A preview does all of it in a transaction that is rolled back.
 */
@ApplicationScoped
public class StockRules {

    /** The advisory lock of the rules: shared by stock intake, exclusive while rules change. */
    static final long LOCK = 9_009_009L;

    /** How many changed levels a preview or a save lists (the counts cover all). */
    static final int EXAMPLES = 20;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    @Inject
    StockSettings settings;

    @Inject
    ActivityLog activity;

    /** Stock intake: the rules cannot change until the caller's transaction ends (shared: intakes never wait). */
    static void lockShared(Connection db) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock_shared(" + LOCK + ")")) {
            lock.executeQuery().close();
        }
    }

    /** The store's rules, broadest scope first. */
    public List<StockRule> of(long storeId) {
        try (Connection db = this.dataSource.getConnection()) {
            return rules(db, storeId);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the stock rules: " + e.getMessage(), e);
        }
    }

    /** The store's Shopify locations mapped to a warehouse, the ones a rule may name. */
    public List<String> mappedLocations(long storeId) {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement query = db.prepareStatement("select location_id from store_location_mapping "
                        + "where store_id = ? and warehouse_id is not null order by location_id")) {
            query.setLong(1, storeId);
            List<String> locations = new ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    locations.add(rows.getString(1));
                }
            }
            return locations;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the store's locations: " + e.getMessage(), e);
        }
    }

    /**
     * What replacing the store's rules would change, without changing anything.
     *
     * @throws InvalidRequestException naming the rule and field that cannot be saved
     */
    public RulesChangeView preview(long storeId, List<StockRule> rules) {
        try (Connection db = this.dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                return replace(db, storeId, rules, false);
            } finally {
                db.rollback();
                db.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not preview the stock rules: " + e.getMessage(), e);
        }
    }

    /**
     * Replaces the store's rules; the levels whose published quantity changes go out with the next pushes.
     *
     * @throws InvalidRequestException naming the rule and field that cannot be saved; nothing is changed then
     */
    @Transactional
    public RulesChangeView save(long storeId, String domain, List<StockRule> rules, String by) {
        try (Connection db = this.dataSource.getConnection()) {
            RulesChangeView change = replace(db, storeId, rules, true);
            this.activity.record(
                    "stock",
                    "Stock rules of " + domain + " replaced (" + rules.size() + " rules): " + change.summary() + ".",
                    by);
            return change;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not save the stock rules: " + e.getMessage(), e);
        }
    }

    RulesChangeView replace(Connection db, long storeId, List<StockRule> rules, boolean republish) throws SQLException {
        try (PreparedStatement lock = db.prepareStatement("select pg_advisory_xact_lock(" + LOCK + ")")) {
            lock.executeQuery().close();
        }
        checkScopes(db, storeId, rules);
        StockChanges.lockLevels(db, storeId);
        Map<Long, Published> before = published(db, storeId);
        try (PreparedStatement delete = db.prepareStatement("delete from stock_rule where store_id = ?")) {
            delete.setLong(1, storeId);
            delete.executeUpdate();
        }
        try (PreparedStatement insert = db.prepareStatement("""
                insert into stock_rule (store_id, location_id, product_code, product_prefix, buffer, share_percent,
                    maximum, out_of_stock_below, buffer_as_safety_stock) values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)) {
            for (StockRule rule : rules) {
                insert.setLong(1, storeId);
                insert.setString(2, rule.locationId());
                insert.setString(3, rule.productCode());
                insert.setString(4, rule.productPrefix());
                insert.setObject(5, rule.buffer(), Types.BIGINT);
                insert.setObject(6, rule.sharePercent(), Types.INTEGER);
                insert.setObject(7, rule.maximum(), Types.BIGINT);
                insert.setObject(8, rule.outOfStockBelow(), Types.BIGINT);
                insert.setBoolean(9, rule.bufferAsSafetyStock());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        checkShares(db, storeId, rules);
        Map<Long, Published> after = published(db, storeId);
        int up = 0;
        int down = 0;
        int toZero = 0;
        List<RulesChangeView.Level> examples = new ArrayList<>();
        Map<Long, Long> shownBefore = new LinkedHashMap<>();
        for (Published now : after.values()) {
            Published was = before.get(now.changeId());
            if (was == null
                    || (was.published() == now.published()
                            && was.shown() == now.shown()
                            && was.safetyStock() == now.safetyStock())) {
                continue;
            }
            shownBefore.put(now.changeId(), was.shown());
            if (now.published() > was.published()) {
                up++;
            } else if (now.published() < was.published()) {
                down++;
                if (now.published() == 0) {
                    toZero++;
                }
            }
            if (now.published() != was.published() && examples.size() < EXAMPLES) {
                examples.add(new RulesChangeView.Level(
                        now.product(), now.locationId(), now.sellable(), was.published(), now.published()));
            }
        }
        if (republish && !shownBefore.isEmpty()) {
            StockChanges.rulesChanged(db, shownBefore, this.settings.firstPushDelaySeconds());
        }
        return new RulesChangeView(after.size(), up, down, toZero, examples, rules(db, storeId));
    }

    /** Every location named is one of the store's mapped locations; every product and group names WMS products. */
    private static void checkScopes(Connection db, long storeId, List<StockRule> rules) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        try (PreparedStatement location = db.prepareStatement("select 1 from store_location_mapping "
                        + "where store_id = ? and location_id = ? and warehouse_id is not null");
                PreparedStatement product = db.prepareStatement("select 1 from product_code "
                        + "where case when ? then code = ? else starts_with(code, ?) end limit 1")) {
            for (int i = 0; i < rules.size(); i++) {
                StockRule rule = rules.get(i);
                if (rule.locationId() != null) {
                    location.setLong(1, storeId);
                    location.setString(2, rule.locationId());
                    if (!exists(location)) {
                        errors.add(new FieldError(
                                "rules[" + i + "].location",
                                "is not a location of this store mapped to a warehouse: " + rule.locationId()));
                    }
                }
                if (rule.productCode() != null || rule.productPrefix() != null) {
                    product.setBoolean(1, rule.productCode() != null);
                    product.setString(2, rule.productCode());
                    product.setString(3, rule.productPrefix());
                    if (!exists(product)) {
                        errors.add(
                                rule.productCode() != null
                                        ? new FieldError(
                                                "rules[" + i + "].product",
                                                "is not a WMS product code: " + rule.productCode())
                                        : new FieldError(
                                                "rules[" + i + "].productGroup",
                                                "matches no WMS product code: " + rule.productPrefix()));
                    }
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * The shares of all stores selling one warehouse, at one product scope, add up to at most 100 %: each mapped
     * location of each store counts with the share its rule at that scope sets (its own location's rule over its
     * every-location rule). Checked with the new rules in place, under the exclusive lock, so two stores saving at
     * once cannot both pass.
     */
    private static void checkShares(Connection db, long storeId, List<StockRule> rules) throws SQLException {
        List<FieldError> errors = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                with scope as (
                    select distinct coalesce(product_code, '') as code, coalesce(product_prefix, '') as prefix
                    from stock_rule where share_percent is not null),
                share as (
                    select l.warehouse_id, l.store_id, l.location_id, s.code, s.prefix,
                        (select r.share_percent from stock_rule r where r.store_id = l.store_id
                            and coalesce(r.product_code, '') = s.code and coalesce(r.product_prefix, '') = s.prefix
                            and (r.location_id = l.location_id or r.location_id is null)
                         order by (r.location_id is not null) desc limit 1) as percent
                    from store_location_mapping l cross join scope s
                    where l.warehouse_id is not null and l.active)
                select w.code, s.code, s.prefix, sum(s.percent),
                    string_agg(c.domain || ' ' || s.percent || ' % at ' || s.location_id, ', '
                        order by c.domain, s.location_id)
                from share s join warehouse_code w on w.warehouse_id = s.warehouse_id
                join store_connection c on c.store_id = s.store_id
                where s.percent is not null
                group by w.code, s.code, s.prefix
                having sum(s.percent) > 100 and bool_or(s.store_id = ?)
                order by w.code, s.code, s.prefix
                """)) {
            query.setLong(1, storeId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    String code = rows.getString(2);
                    String prefix = rows.getString(3);
                    int index = 0;
                    for (int i = 0; i < rules.size(); i++) {
                        StockRule rule = rules.get(i);
                        if (rule.sharePercent() != null
                                && code.equals(rule.productCode() == null ? "" : rule.productCode())
                                && prefix.equals(rule.productPrefix() == null ? "" : rule.productPrefix())) {
                            index = i;
                            break;
                        }
                    }
                    String scope = !code.isEmpty()
                            ? "product " + code
                            : !prefix.isEmpty() ? "products " + prefix + "*" : "every product";
                    errors.add(new FieldError(
                            "rules[" + index + "].sharePercent",
                            "the shares of warehouse " + rows.getString(1) + " for " + scope + " would add up to "
                                    + rows.getLong(4) + " %, more than 100 %: " + rows.getString(5)));
                }
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
    }

    /**
     * A level as a rule shapes it: the WMS quantity, what the one availability calculation publishes
     * ({@code stock_may_sell}, Absolute mode, demand included) and what Delta mode shows ({@code stock_shown}).
     */
    private record Published(
            long changeId,
            String product,
            String locationId,
            long sellable,
            long published,
            long shown,
            long safetyStock) {}

    /** The store's levels the WMS has reported, as the rules in place shape them. */
    private static Map<Long, Published> published(Connection db, long storeId) throws SQLException {
        Map<Long, Published> levels = new LinkedHashMap<>();
        try (PreparedStatement query = db.prepareStatement("""
                select c.id, p.code, c.location_id, c.sellable,
                    stock_level_may_sell(c.store_id, c.inventory_item_id, c.product_id, c.location_id,
                        c.warehouse_id, c.sellable, c.unexplained),
                    stock_level_shown(c.store_id, c.product_id, c.location_id, c.warehouse_id, c.sellable),
                    stock_level_safety_stock(c.store_id, c.inventory_item_id, c.product_id, c.location_id,
                        c.sellable, c.unexplained, sp.sync_mode = 'ABSOLUTE')
                from stock_change c join product_code p on p.product_id = c.product_id
                join stock_policy sp on sp.store_id = c.store_id
                where c.store_id = ? and c.sellable is not null
                order by p.code, c.location_id
                """)) {
            query.setLong(1, storeId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    levels.put(
                            rows.getLong(1),
                            new Published(
                                    rows.getLong(1),
                                    rows.getString(2),
                                    rows.getString(3),
                                    rows.getLong(4),
                                    rows.getLong(5),
                                    rows.getLong(6),
                                    rows.getLong(7)));
                }
            }
        }
        return levels;
    }

    private static List<StockRule> rules(Connection db, long storeId) throws SQLException {
        List<StockRule> rules = new ArrayList<>();
        try (PreparedStatement query = db.prepareStatement("""
                select location_id, product_code, product_prefix, buffer, share_percent, maximum, out_of_stock_below,
                    buffer_as_safety_stock
                from stock_rule where store_id = ?
                order by (product_code is not null), coalesce(length(product_prefix), 0), (location_id is not null),
                    product_code, product_prefix, location_id
                """)) {
            query.setLong(1, storeId);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    rules.add(new StockRule(
                            rows.getString(1),
                            rows.getString(2),
                            rows.getString(3),
                            (Long) rows.getObject(4),
                            (Integer) rows.getObject(5),
                            (Long) rows.getObject(6),
                            (Long) rows.getObject(7),
                            rows.getBoolean(8)));
                }
            }
        }
        return rules;
    }

    private static boolean exists(PreparedStatement query) throws SQLException {
        try (ResultSet rows = query.executeQuery()) {
            return rows.next();
        }
    }
}
