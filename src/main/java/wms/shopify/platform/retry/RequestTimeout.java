package wms.shopify.platform.retry;

/**
 * How long one call to the system the records are pushed to waits for its answer: an attempt's lease is derived
 * from it when none is configured ({@link RetryPolicy#attemptTakesAtMost()}). The Shopify client provides it, so that
 * the platform does not depend on the component that calls Shopify.
 */
public interface RequestTimeout {

    /** How long a call waits for the answer before its outcome counts as unknown. */
    java.time.Duration requestTimeout();
}
