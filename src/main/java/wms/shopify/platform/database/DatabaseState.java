package wms.shopify.platform.database;

import java.sql.SQLException;

/**
 * Whether the connector's database is usable yet, and if not, why: what readiness reports to an operator.
 *
 * @param ready true once the database answered and its schema is current
 * @param schemaVersion the schema version after migration, or null before
 * @param reason why the database is not ready yet, or null when it is
 */
public record DatabaseState(boolean ready, String schemaVersion, String reason) {

    static DatabaseState starting() {
        return new DatabaseState(false, null, "starting");
    }

    static DatabaseState ready(String schemaVersion) {
        return new DatabaseState(true, schemaVersion, null);
    }

    /** The connector will not touch the database until its settings are fixed and it is started again. */
    static DatabaseState refused(String reason) {
        return new DatabaseState(false, null, "refused to start: " + reason);
    }

    static DatabaseState waiting(String reason, int retrySeconds) {
        return new DatabaseState(false, null, reason + " (retrying every " + retrySeconds + " s)");
    }

    /** The most telling message of an exception chain: the innermost SQL or I/O cause, in one line. */
    static String reasonOf(Throwable failure) {
        Throwable telling = failure;
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException || cause instanceof java.io.IOException) {
                telling = cause;
            }
        }
        String message = telling.getMessage();
        if (message == null || message.isBlank()) {
            message = telling.getClass().getSimpleName();
        }
        String line = message.lines().findFirst().orElse(message).trim();
        return line.endsWith(".") ? line.substring(0, line.length() - 1) : line;
    }
}
