package wms.shopify.platform;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks what a component publishes from its {@code control} package: the classes (or, on a {@code package-info},
 * the whole package) other components may call. Everything else in a component's control package is its own; the
 * architecture tests ({@code ArchitectureTest}) refuse a use of it from another component. A component's
 * {@code entity} package (its state, values and the events it fires) is readable by the others without a mark.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.PACKAGE})
public @interface Published {}
