package wms.shopify.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares which stores a WMS API route reaches, for the scope check of credentials limited to some stores. Without
 * it, a route with a {@code {store}} path parameter reaches that store, and any other route every store (refused to
 * a limited credential). A route that answers only about the caller's own stores (a feed filtered by them) says so.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface StoreReach {

    /** What the route reaches. */
    Reach value();

    /** The stores a route reaches. */
    enum Reach {
        /** The one store in the {@code {store}} path parameter. */
        PATH_STORE,
        /** Only the caller's stores: the resource filters by them itself. */
        CALLERS_STORES,
        /** Every store (or none in particular, such as the WMS catalog). */
        EVERY_STORE
    }
}
