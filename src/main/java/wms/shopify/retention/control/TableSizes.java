package wms.shopify.retention.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import wms.shopify.retention.entity.TableSize;

/**
 * How big the connector's tables are, largest first, from PostgreSQL's catalog and statistics alone: the rows are
 * the live-row estimate its statistics keep (the planner's estimate for a table they have not seen yet), never a
 * count, so reading the sizes costs the same however large the tables grow.
 */
@ApplicationScoped
public class TableSizes {

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    public List<TableSize> all() {
        try (Connection db = this.dataSource.getConnection();
                PreparedStatement select = db.prepareStatement("""
                select c.relname,
                    coalesce(s.n_live_tup, greatest(c.reltuples, 0)::bigint),
                    pg_total_relation_size(c.oid)
                from pg_class c
                join pg_namespace n on n.oid = c.relnamespace and n.nspname = current_schema()
                left join pg_stat_user_tables s on s.relid = c.oid
                where c.relkind in ('r', 'p')
                order by pg_total_relation_size(c.oid) desc, c.relname
                """);
                ResultSet rows = select.executeQuery()) {
            List<TableSize> sizes = new ArrayList<>();
            while (rows.next()) {
                sizes.add(new TableSize(rows.getString(1), rows.getLong(2), rows.getLong(3)));
            }
            return sizes;
        } catch (SQLException e) {
            throw new IllegalStateException("The table sizes could not be read: " + e.getMessage(), e);
        }
    }
}
