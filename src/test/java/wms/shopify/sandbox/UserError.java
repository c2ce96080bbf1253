package wms.shopify.sandbox;

import java.util.List;

/** A mutation's user error as Shopify returns it in {@code userErrors}: the input path, a message and a code. */
public record UserError(List<String> field, String message, String code) {}
