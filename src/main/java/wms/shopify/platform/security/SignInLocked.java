package wms.shopify.platform.security;

/**
 * A CDI event: failed sign-ins locked an account or a client out for a while. Fired synchronously by
 * {@link SignInThrottle}; the activity component records it in the Activity log (the platform depends on no
 * component, so it announces the lock instead of writing the log itself).
 *
 * @param message what was locked, for how long and after how many failures
 */
public record SignInLocked(String message) {}
