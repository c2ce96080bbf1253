/**
 * What every component shares and nothing else: database start-up and migration, secrets, health, security, token
 * encryption, time and rounds, the REST application and the API's errors and limits, retries of pushed records. It
 * depends on no component. {@link wms.shopify.platform.Published} marks what a component publishes.
 *
 * <p>Tables: none of its own ({@code flyway_schema_history} is Flyway's). Fires
 * {@code database.DatabaseReady} and {@code security.SignInLocked}. Observes CDI's {@code Startup}.
 */
package wms.shopify.platform;
