package wms.shopify.sandbox;

import graphql.GraphqlErrorBuilder;
import graphql.execution.DataFetcherResult;
import graphql.execution.instrumentation.InstrumentationState;
import graphql.execution.instrumentation.SimplePerformantInstrumentation;
import graphql.execution.instrumentation.parameters.InstrumentationFieldFetchParameters;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLObjectType;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The access scopes each field of the sandbox's schema needs, and the refusal of a field the token's scopes do not
 * cover, worded as Shopify words it since 2020-07: the field resolves to null with an error "Access denied for
 * {field} field. Required access: `{scope}` access scope." whose {@code extensions} carry {@code code: ACCESS_DENIED},
 * {@code documentation} and {@code requiredAccess} (shopify.dev/changelog/new-error-messages-for-graphql-operations-
 * without-necessary-access-scopes; a live answer of that form is quoted in Shopify/function-examples#164). Other fields
 * of the same request still run. The scopes per field are those of Shopify's reference pages ("Requires
 * `read_products` access scope."); a write scope grants the read scope of the same resource
 * (shopify.dev/docs/api/usage/access-scopes: "Any scope that writes a resource also grants read access to it").
 */
final class AccessScopes extends SimplePerformantInstrumentation {

    /** Context key: the scopes granted to the request's token ({@code Set<String>}); absent, nothing is checked. */
    static final String GRANTED = "grantedScopes";

    static final String DOCUMENTATION = "https://shopify.dev/api/usage/access-scopes";

    private static final List<String> READ_FULFILLMENT_ORDERS = List.of(
            "read_assigned_fulfillment_orders",
            "read_merchant_managed_fulfillment_orders",
            "read_third_party_fulfillment_orders",
            "read_marketplace_fulfillment_orders");
    private static final List<String> WRITE_FULFILLMENT_ORDERS = List.of(
            "write_assigned_fulfillment_orders",
            "write_merchant_managed_fulfillment_orders",
            "write_third_party_fulfillment_orders");

    /** {@code Type.field} to the scopes of which any one suffices. */
    static final Map<String, List<String>> REQUIRED = required();

    /** The type a {@code node(s)} answer is checked against, for the same scopes as its root field. */
    private static final Map<String, List<String>> NODE_TYPES = Map.of(
            "Product",
            List.of("read_products"),
            "ProductVariant",
            List.of("read_products"),
            "InventoryItem",
            List.of("read_inventory"),
            "InventoryLevel",
            List.of("read_inventory"),
            "Location",
            List.of("read_locations"),
            "Order",
            List.of("read_orders", "read_marketplace_orders"),
            "FulfillmentOrder",
            READ_FULFILLMENT_ORDERS,
            "Return",
            List.of("read_returns"),
            "ReverseFulfillmentOrder",
            List.of("read_returns"));

    private static Map<String, List<String>> required() {
        Map<String, List<String>> r = new LinkedHashMap<>();
        for (String f : List.of("product", "products", "productVariant", "productVariants", "productVariantsCount")) {
            r.put("QueryRoot." + f, List.of("read_products"));
        }
        for (String f : List.of("inventoryItem", "inventoryItems", "inventoryLevel")) {
            r.put("QueryRoot." + f, List.of("read_inventory"));
        }
        r.put("QueryRoot.location", List.of("read_locations"));
        r.put("QueryRoot.locations", List.of("read_locations"));
        r.put("QueryRoot.order", List.of("read_orders", "read_marketplace_orders"));
        r.put("QueryRoot.orders", List.of("read_orders", "read_marketplace_orders"));
        r.put("QueryRoot.fulfillment", List.of("read_orders", "read_marketplace_orders"));
        r.put("QueryRoot.fulfillmentOrder", READ_FULFILLMENT_ORDERS);
        r.put("QueryRoot.fulfillmentOrders", READ_FULFILLMENT_ORDERS);
        r.put("QueryRoot.return", List.of("read_returns"));
        r.put("QueryRoot.reverseFulfillmentOrder", List.of("read_returns"));
        // Fields that reach another resource from the one the root field read.
        r.put("Order.fulfillmentOrders", READ_FULFILLMENT_ORDERS);
        r.put("Order.returns", List.of("read_returns"));
        r.put("Location.inventoryLevel", List.of("read_inventory"));
        r.put("Location.inventoryLevels", List.of("read_inventory"));
        for (String f : List.of("inventorySetQuantities", "inventoryAdjustQuantities", "inventoryActivate")) {
            r.put("Mutation." + f, List.of("write_inventory"));
        }
        r.put("Mutation.fulfillmentCreate", WRITE_FULFILLMENT_ORDERS);
        // The fulfillment-service side: only the app the fulfillment orders are assigned to answers requests.
        r.put("QueryRoot.assignedFulfillmentOrders", List.of("read_assigned_fulfillment_orders"));
        for (String f : List.of(
                "fulfillmentOrderAcceptFulfillmentRequest",
                "fulfillmentOrderRejectFulfillmentRequest",
                "fulfillmentOrderAcceptCancellationRequest",
                "fulfillmentOrderRejectCancellationRequest")) {
            r.put("Mutation." + f, List.of("write_assigned_fulfillment_orders"));
        }
        // The merchant's side (an order management app acting for the merchant).
        for (String f : List.of(
                "fulfillmentOrderSubmitFulfillmentRequest",
                "fulfillmentOrderSubmitCancellationRequest",
                "fulfillmentOrderHold",
                "fulfillmentOrderReleaseHold",
                "fulfillmentOrderMove")) {
            r.put("Mutation." + f, WRITE_FULFILLMENT_ORDERS);
        }
        for (String f : List.of("fulfillmentServiceCreate", "fulfillmentServiceUpdate", "fulfillmentServiceDelete")) {
            r.put("Mutation." + f, List.of("write_fulfillments"));
        }
        r.put("QueryRoot.fulfillmentService", List.of("read_fulfillments"));
        for (String f : List.of("orderEditBegin", "orderEditAddVariant", "orderEditSetQuantity", "orderEditCommit")) {
            r.put("Mutation." + f, List.of("write_order_edits"));
        }
        r.put("Mutation.fulfillmentTrackingInfoUpdate", WRITE_FULFILLMENT_ORDERS);
        r.put("Mutation.orderRiskAssessmentCreate", List.of("write_orders"));
        for (String f : List.of(
                "returnCreate",
                "returnRequest",
                "returnApproveRequest",
                "returnProcess",
                "returnClose",
                "reverseFulfillmentOrderDispose")) {
            r.put("Mutation." + f, List.of("write_returns"));
        }
        return Map.copyOf(r);
    }

    /**
     * Whether a token with these scopes sees a fulfillment order: Shopify returns only those its fulfillment-order
     * scopes cover ("API access scopes govern which fulfillment orders are returned to clients. An API client will
     * only receive a subset of the fulfillment orders which belong to an order if they don't have the necessary
     * access scopes", FulfillmentOrder object, "Retrieving fulfillment orders"): at a merchant-managed location
     * {@code read_merchant_managed_fulfillment_orders}, at this app's own fulfillment service location {@code
     * read_assigned_fulfillment_orders}, at another app's {@code read_third_party_fulfillment_orders}.
     *
     * @param granted the token's scopes, or null when nothing is checked (the sandbox's own reads)
     */
    static boolean sees(Set<String> granted, FulfillmentOrder fulfillmentOrder) {
        if (granted == null) {
            return true;
        }
        Location at = fulfillmentOrder.location();
        String needed = !at.isFulfillmentService()
                ? "read_merchant_managed_fulfillment_orders"
                : at.fulfillmentService().ownedByThisApp()
                        ? "read_assigned_fulfillment_orders"
                        : "read_third_party_fulfillment_orders";
        return granted.contains(needed);
    }

    /**
     * The objects of a list the request's token may see: fulfillment orders filtered by {@link #sees}, everything
     * else as it is.
     */
    static <T> List<T> visible(List<T> objects, DataFetchingEnvironment env) {
        Set<String> granted = env.getGraphQlContext().get(GRANTED);
        if (granted == null) {
            return objects;
        }
        return objects.stream()
                .filter(o -> !(o instanceof FulfillmentOrder fo) || sees(granted, fo))
                .toList();
    }

    /**
     * An object read by id as the request's token sees it: a fulfillment order outside its scopes is null, as an id
     * that names nothing (Shopify hides such fulfillment orders rather than refusing them; see docs/sandbox.md).
     */
    static <T> T visibleById(T object, DataFetchingEnvironment env) {
        Set<String> granted = env.getGraphQlContext().get(GRANTED);
        // A token with no fulfillment-order scope at all is refused the node instead (instrumentDataFetcher).
        boolean hidden = object instanceof FulfillmentOrder fo
                && granted != null
                && READ_FULFILLMENT_ORDERS.stream().anyMatch(granted::contains)
                && !sees(granted, fo);
        return hidden ? null : object;
    }

    /** The granted scopes of a comma-separated grant, with the read scope each write scope implies. */
    static Set<String> granted(String scope) {
        if (scope == null || scope.isBlank()) {
            return Set.of();
        }
        return Arrays.stream(scope.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .flatMap(s -> s.startsWith("write_")
                        ? java.util.stream.Stream.of(s, "read_" + s.substring(6))
                        : java.util.stream.Stream.of(s))
                .collect(Collectors.toUnmodifiableSet());
    }

    /** Shopify's wording of the access a field needs: "`a` access scope, `b` access scope or `c` access scope." */
    static String requiredAccess(List<String> scopes) {
        List<String> each = scopes.stream().map(s -> "`" + s + "` access scope").toList();
        String joined = each.size() == 1
                ? each.get(0)
                : String.join(", ", each.subList(0, each.size() - 1)) + " or " + each.get(each.size() - 1);
        return joined + ".";
    }

    @Override
    public DataFetcher<?> instrumentDataFetcher(
            DataFetcher<?> dataFetcher, InstrumentationFieldFetchParameters parameters, InstrumentationState state) {
        // Only the fields that need a scope are wrapped: every other field keeps its own fetcher, at no cost.
        DataFetchingEnvironment at = parameters.getEnvironment();
        String parent = at.getParentType() instanceof GraphQLObjectType o ? o.getName() : "";
        String field = at.getField().getName();
        boolean node = parent.equals("QueryRoot") && (field.equals("node") || field.equals("nodes"));
        if (!node && !REQUIRED.containsKey(parent + "." + field)) {
            return dataFetcher;
        }
        return env -> {
            Set<String> granted = env.getGraphQlContext().get(GRANTED);
            if (granted == null) {
                return dataFetcher.get(env);
            }
            List<String> needed = REQUIRED.get(parent + "." + field);
            if (needed != null && needed.stream().noneMatch(granted::contains)) {
                return denied(env, needed);
            }
            Object value = dataFetcher.get(env);
            if (node) {
                List<String> forNode = refusedNodeScopes(value, granted);
                if (forNode != null) {
                    return denied(env, forNode);
                }
            }
            return value;
        };
    }

    /** The scopes of the first object a {@code node(s)} field found that the grant does not cover, or null. */
    private static List<String> refusedNodeScopes(Object value, Set<String> granted) {
        List<?> objects = value instanceof List<?> list ? list : value == null ? List.of() : List.of(value);
        for (Object object : objects) {
            List<String> needed =
                    object == null ? null : NODE_TYPES.get(object.getClass().getSimpleName());
            if (needed != null && needed.stream().noneMatch(granted::contains)) {
                return needed;
            }
        }
        return null;
    }

    private static DataFetcherResult<Object> denied(DataFetchingEnvironment env, List<String> needed) {
        String access = requiredAccess(needed);
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", "ACCESS_DENIED");
        extensions.put("documentation", DOCUMENTATION);
        extensions.put("requiredAccess", access);
        return DataFetcherResult.newResult()
                .data(null)
                .error(GraphqlErrorBuilder.newError(env)
                        .message("Access denied for " + env.getField().getName() + " field. Required access: " + access)
                        .extensions(extensions)
                        .build())
                .build();
    }
}
