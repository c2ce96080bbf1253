package wms.shopify.platform.database;

/**
 * CDI event fired once the database answers and its schema is current; components that must wait for the
 * database before their first work observe it.
 *
 * @param schemaVersion the schema version now in place
 * @param migrationsApplied how many migrations this start applied
 * @param failedAttempts how many attempts failed before this one (the database was unavailable for a while)
 */
public record DatabaseReady(String schemaVersion, int migrationsApplied, int failedAttempts) {}
