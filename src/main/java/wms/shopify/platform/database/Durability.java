package wms.shopify.platform.database;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Whether the database keeps a commit once it said so: PostgreSQL's {@code synchronous_commit}, {@code fsync} and
 * {@code full_page_writes}, as the connector's own connection sees them. With any of them off, a webhook answered
 * 200 or a WMS call answered 2xx can be lost on an OS crash or power loss, and Shopify will not send it again.
 *
 * @param synchronousCommit the value of {@code synchronous_commit} ({@code on}, or {@code remote_apply},
 *        {@code remote_write}, {@code local} with a standby: all wait for the local flush; {@code off} does not)
 * @param fsync the value of {@code fsync}
 * @param fullPageWrites the value of {@code full_page_writes}
 */
public record Durability(String synchronousCommit, String fsync, String fullPageWrites) {

    /** Reads the three settings with {@code SHOW}, as the given connection sees them. */
    public static Durability of(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            return new Durability(
                    show(statement, "synchronous_commit"),
                    show(statement, "fsync"),
                    show(statement, "full_page_writes"));
        }
    }

    private static String show(Statement statement, String setting) throws SQLException {
        try (ResultSet result = statement.executeQuery("show " + setting)) {
            result.next();
            return result.getString(1);
        }
    }

    /** True when a commit is on disk before PostgreSQL reports it done. */
    public boolean durable() {
        return !"off".equals(this.synchronousCommit) && "on".equals(this.fsync) && "on".equals(this.fullPageWrites);
    }
}
