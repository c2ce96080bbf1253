package wms.shopify.platform.api;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares that a WMS API route reaches only the warehouses its body names and checks them against the caller's
 * scope itself (throwing {@link OutOfScopeException}). Without it, a route reaches every warehouse and is refused to
 * a credential limited to some warehouses.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.METHOD, ElementType.TYPE})
public @interface WarehouseReach {}
