/**
 * The activity log: what happened, when and by whom, written through the activity queue and shown on the Activity
 * page. Published: {@code control.ActivityLog}, which every component records through.
 *
 * <p>Tables: {@code activity_event}. Fires no event. Observes {@code platform.database.DatabaseReady} and
 * {@code platform.security.SignInLocked} (recorded as a security entry).
 */
package wms.shopify.activity;
