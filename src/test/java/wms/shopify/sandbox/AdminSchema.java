package wms.shopify.sandbox;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import graphql.GraphQL;
import graphql.execution.DataFetcherResult;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.schema.Coercing;
import graphql.schema.DataFetcher;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.PropertyDataFetcher;
import graphql.schema.idl.FieldWiringEnvironment;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeInfo;
import graphql.schema.idl.TypeRuntimeWiring;
import graphql.schema.idl.WiringFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The sandbox's GraphQL Admin API: the schema subset (admin-subset-2026-07.graphql beside this class, checked against the real
 * schema by a test) wired to the sandbox store. Queries read the store given in the GraphQL context; mutations go
 * through one gate that enforces {@code @idempotent} keys, answers replays and journals every attempt.
 */
public final class AdminSchema {

    /** The resource holding the schema subset. */
    public static final String SDL = "/wms/shopify/sandbox/admin-subset-2026-07.graphql";
    /** Mutations that since 2026-04 refuse to run without an {@code @idempotent} key. */
    static final List<String> IDEMPOTENT =
            List.of("inventorySetQuantities", "inventoryAdjustQuantities", "inventoryActivate");

    private static final ObjectMapper CANONICAL =
            new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private final GraphQLSchema schema;
    private final GraphQL graphQL;
    private final BulkQueries bulkQueries;

    AdminSchema(BulkQueries bulkQueries) {
        this.bulkQueries = bulkQueries;
        this.schema = new SchemaGenerator().makeExecutableSchema(new SchemaParser().parse(sdl()), wiring());
        // Scopes first (a refused field is not read at all), then the protected customer data of what is read.
        this.graphQL = GraphQL.newGraphQL(schema)
                .instrumentation(new graphql.execution.instrumentation.ChainedInstrumentation(
                        new AccessScopes(), new ProtectedCustomerData.Redaction()))
                .build();
    }

    /** The subset's SDL text. */
    public static String sdl() {
        try (InputStream in = AdminSchema.class.getResourceAsStream(SDL)) {
            if (in == null) {
                throw new IllegalStateException("schema subset " + SDL + " is not on the test classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    GraphQLSchema schema() {
        return schema;
    }

    GraphQL graphQL() {
        return graphQL;
    }

    /** Context key: true when the sandbox was started for a local demo (plain-HTTP webhook addresses accepted). */
    static final String LOCAL_DEMO = "localDemo";

    /** The context a request runs in: its store. */
    static Map<Object, Object> context(Shop shop, boolean bulk, String apiVersion) {
        return Map.of(Shop.class, shop, Connections.BULK, bulk, "apiVersion", apiVersion);
    }

    /** As {@link #context}, collecting the idempotency keys the request holds in flight into {@code held}. */
    static Map<Object, Object> context(Shop shop, String apiVersion, List<String> held) {
        Map<Object, Object> context = new java.util.HashMap<>(context(shop, false, apiVersion));
        context.put(IdempotencyKeys.HELD, held);
        return context;
    }

    private RuntimeWiring wiring() {
        RuntimeWiring.Builder wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(scalar(
                        "DateTime",
                        v -> v instanceof Instant at
                                ? at.truncatedTo(ChronoUnit.SECONDS).toString()
                                : v.toString()))
                .scalar(scalar("URL", Object::toString))
                .scalar(scalar("UnsignedInt64", Object::toString))
                .scalar(scalar("Decimal", v -> v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString()))
                .scalar(scalar("Money", v -> v instanceof java.math.BigDecimal d ? d.toPlainString() : v.toString()))
                .type(
                        "Node",
                        t -> t.typeResolver(env -> env.getSchema()
                                .getObjectType(env.getObject().getClass().getSimpleName())))
                .type(
                        "DisplayableError",
                        t -> t.typeResolver(env -> env.getSchema().getObjectType("UserError")))
                .type(
                        "ReturnLineItemType",
                        t -> t.typeResolver(env -> env.getSchema().getObjectType("ReturnLineItem")))
                .type(
                        "ReturnOutcomeFinancialTransfer",
                        t -> t.typeResolver(env -> env.getSchema()
                                .getObjectType(
                                        ((Map<?, ?>) env.getObject()).containsKey("suggestedTransactions")
                                                ? "RefundReturnOutcome"
                                                : "InvoiceReturnOutcome")))
                .type(
                        "Return",
                        t -> t.dataFetcher(
                                "suggestedFinancialOutcome",
                                env -> new ReturnDesk(shop(env))
                                        .suggestedOutcome(env.getSource(), env.getArgument("returnLineItems"))))
                .type("QueryRoot", this::queries)
                .type("Mutation", this::mutations)
                .type(
                        "Location",
                        t -> t.dataFetcher("inventoryLevel", env -> {
                            InventoryItem item =
                                    shop(env).find(env.getArgument("inventoryItemId"), InventoryItem.class);
                            return item == null ? null : item.inventoryLevel(env.getSource());
                        }))
                .type(
                        "InventoryItem",
                        t -> t.dataFetcher("inventoryLevel", env -> {
                            Location location = shop(env).find(env.getArgument("locationId"), Location.class);
                            return location == null ? null : ((InventoryItem) env.getSource()).inventoryLevel(location);
                        }))
                .type(
                        "InventoryLevel",
                        t -> t.dataFetcher(
                                "quantities",
                                env -> ((InventoryLevel) env.getSource()).quantities(env.getArgument("names"))))
                .type("InventoryAdjustmentGroup", t -> t.dataFetcher("changes", AdminSchema::groupChanges))
                .type(
                        "Order",
                        t -> t.dataFetcher(
                                "fulfillments",
                                env -> limit(((Order) env.getSource()).fulfillments(), env.getArgument("first"))))
                .type(
                        "Fulfillment",
                        t -> t.dataFetcher(
                                "trackingInfo",
                                env -> limit(
                                        ((Fulfillment) env.getSource()).trackingInfo(), env.getArgument("first"))));
        return wiring.wiringFactory(new ConnectionFields()).build();
    }

    /**
     * Pages every connection-typed field of a resource (Product.variants, Order.lineItems...) through
     * {@link Connections}: the resource gives the whole list, the arguments choose the page. The root connections are
     * wired by hand in {@link #queries}.
     */
    private static final class ConnectionFields implements WiringFactory {
        @Override
        public boolean providesDataFetcher(FieldWiringEnvironment env) {
            return !env.getParentType().getName().equals("QueryRoot")
                    && TypeInfo.typeInfo(env.getFieldDefinition().getType())
                            .getName()
                            .endsWith("Connection");
        }

        @Override
        @SuppressWarnings("unchecked")
        public DataFetcher<?> getDataFetcher(FieldWiringEnvironment env) {
            PropertyDataFetcher<Object> whole =
                    PropertyDataFetcher.fetching(env.getFieldDefinition().getName());
            // Order.fulfillmentOrders, Fulfillment.fulfillmentOrders: only those the token's scopes cover.
            return fetch -> Connections.page(
                    AccessScopes.visible((List<? extends ShopifyObject>) whole.get(fetch), fetch), fetch);
        }
    }

    private TypeRuntimeWiring.Builder queries(TypeRuntimeWiring.Builder t) {
        t.dataFetcher("shop", env -> shopFields(shop(env)));
        t.dataFetcher(
                "location",
                env -> env.getArgument("id") == null
                        ? shop(env).locations().stream().findFirst().orElse(null)
                        : shop(env).find(env.getArgument("id"), Location.class));
        byId(t, "product", Product.class);
        byId(t, "productVariant", ProductVariant.class);
        byId(t, "inventoryItem", InventoryItem.class);
        byId(t, "inventoryLevel", InventoryLevel.class);
        byId(t, "order", Order.class);
        byId(t, "fulfillment", Fulfillment.class);
        byId(t, "fulfillmentOrder", FulfillmentOrder.class);
        byId(t, "return", Return.class);
        byId(t, "reverseFulfillmentOrder", ReverseFulfillmentOrder.class);
        byId(t, "webhookSubscription", WebhookSubscription.class);
        byId(t, "bulkOperation", BulkOperation.class);
        t.dataFetcher("node", env -> AccessScopes.visibleById(shop(env).node(env.getArgument("id")), env));
        t.dataFetcher(
                "nodes",
                (DataFetchingEnvironment env) -> ((List<String>) env.getArgument("ids"))
                        .stream()
                                .map(id -> AccessScopes.visibleById(shop(env).node(id), env))
                                .toList());
        t.dataFetcher(
                "locations",
                env -> Connections.page(
                        shop(env).locations().stream()
                                .filter(l -> l.isActive() || Boolean.TRUE.equals(env.getArgument("includeInactive")))
                                .toList(),
                        env));
        t.dataFetcher("products", env -> Connections.page(shop(env).products(), env));
        t.dataFetcher("productVariants", env -> Connections.page(shop(env).productVariants(), env));
        t.dataFetcher(
                "productVariantsCount", env -> count(shop(env).productVariants().size(), env.getArgument("limit")));
        t.dataFetcher("inventoryItems", env -> Connections.page(shop(env).inventoryItems(), env));
        t.dataFetcher("orders", env -> Connections.page(shop(env).orders(), env));
        t.dataFetcher(
                "fulfillmentOrders",
                env -> Connections.page(
                        AccessScopes.visible(shop(env).fulfillmentOrders(), env).stream()
                                .filter(fo -> !fo.status().equals("CLOSED")
                                        || Boolean.TRUE.equals(env.getArgument("includeClosed")))
                                .toList(),
                        env));
        t.dataFetcher("fulfillmentService", env -> shop(env).find(env.getArgument("id"), FulfillmentService.class));
        t.dataFetcher("assignedFulfillmentOrders", env -> {
            String assignment = env.getArgument("assignmentStatus");
            List<String> locationIds = env.getArgument("locationIds");
            return Connections.page(
                    shop(env).fulfillmentOrders().stream()
                            .filter(fo -> fo.location().isFulfillmentService()
                                    && fo.location().fulfillmentService().ownedByThisApp())
                            .filter(fo -> locationIds == null
                                    || locationIds.contains(fo.location().id()))
                            .filter(fo -> assignment == null
                                    ? !fo.finished()
                                    : fo.requestStatus().equals(ASSIGNMENT.get(assignment)) && !fo.finished())
                            .toList(),
                    env);
        });
        t.dataFetcher("webhookSubscriptions", env -> {
            List<String> topics = env.getArgument("topics");
            String uri = env.getArgument("uri");
            return Connections.page(
                    shop(env).webhookSubscriptions().stream()
                            .filter(s -> topics == null || topics.contains(s.topic()))
                            .filter(s -> uri == null || uri.equals(s.uri()))
                            .toList(),
                    env);
        });
        t.dataFetcher("currentBulkOperation", env -> {
            List<BulkOperation> ops = shop(env).bulkOperations();
            return "QUERY".equals(env.getArgument("type")) && !ops.isEmpty() ? ops.get(ops.size() - 1) : null;
        });
        return t;
    }

    /** {@code assignedFulfillmentOrders(assignmentStatus:)} to the request status it selects. */
    private static final Map<String, String> ASSIGNMENT = Map.of(
            "FULFILLMENT_UNSUBMITTED", "UNSUBMITTED",
            "FULFILLMENT_REQUESTED", "SUBMITTED",
            "FULFILLMENT_ACCEPTED", "ACCEPTED",
            "CANCELLATION_REQUESTED", "CANCELLATION_REQUESTED");

    /** A {@code Count}: exact up to the limit (null: none), else the limit AT_LEAST, as Shopify caps counts. */
    private static Map<String, Object> count(int count, Integer limit) {
        return limit != null && count > limit
                ? Map.of("count", limit, "precision", "AT_LEAST")
                : Map.of("count", count, "precision", "EXACT");
    }

    private TypeRuntimeWiring.Builder mutations(TypeRuntimeWiring.Builder t) {
        t.dataFetcher(
                "inventorySetQuantities", gate(env -> new InventoryWrites(shop(env)).set(env.getArgument("input"))));
        t.dataFetcher(
                "inventoryAdjustQuantities",
                gate(env -> new InventoryWrites(shop(env)).adjust(env.getArgument("input"))));
        t.dataFetcher(
                "inventoryActivate",
                gate(env -> new InventoryWrites(shop(env))
                        .activate(
                                env.getArgument("inventoryItemId"),
                                env.getArgument("locationId"),
                                env.getArgument("available"))));
        t.dataFetcher(
                "fulfillmentCreate", gate(env -> new OrderDesk(shop(env)).fulfil(env.getArgument("fulfillment"))));
        t.dataFetcher(
                "fulfillmentTrackingInfoUpdate",
                gate(env -> new OrderDesk(shop(env))
                        .updateTracking(env.getArgument("fulfillmentId"), env.getArgument("trackingInfoInput"))));
        fulfillmentOrderMutations(t);
        t.dataFetcher(
                "returnCreate",
                gate(env -> new ReturnDesk(shop(env)).create(env.getArgument("returnInput"), "returnInput", true)));
        t.dataFetcher(
                "returnRequest",
                gate(env -> new ReturnDesk(shop(env)).create(env.getArgument("input"), "input", false)));
        t.dataFetcher("returnApproveRequest", gate(env -> new ReturnDesk(shop(env)).approve(env.getArgument("input"))));
        t.dataFetcher(
                "reverseFulfillmentOrderDispose",
                gate(env -> new ReturnDesk(shop(env)).dispose(env.getArgument("dispositionInputs"))));
        t.dataFetcher("returnProcess", gate(env -> new ReturnDesk(shop(env)).process(env.getArgument("input"))));
        t.dataFetcher("returnClose", gate(env -> new ReturnDesk(shop(env)).close(env.getArgument("id"))));
        t.dataFetcher(
                "webhookSubscriptionCreate",
                gate(env -> WebhookDeliveries.subscribe(
                        shop(env),
                        env.getArgument("topic"),
                        env.getArgument("webhookSubscription"),
                        env.getGraphQlContext().getOrDefault("apiVersion", "2026-07"),
                        env.getGraphQlContext().getOrDefault(LOCAL_DEMO, false))));
        t.dataFetcher(
                "webhookSubscriptionDelete",
                gate(env -> WebhookDeliveries.unsubscribe(shop(env), env.getArgument("id"))));
        t.dataFetcher(
                "bulkOperationRunQuery",
                gate(env -> bulkQueries.start(
                        shop(env), env.getArgument("query"), Boolean.TRUE.equals(env.getArgument("groupObjects")))));
        return t;
    }

    /** Order edits, the fulfillment-order state machine ({@link FulfillmentOrderDesk}) and fulfillment services. */
    private static void fulfillmentOrderMutations(TypeRuntimeWiring.Builder t) {
        t.dataFetcher("orderEditBegin", gate(env -> new OrderEditDesk(shop(env)).begin(env.getArgument("id"))));
        t.dataFetcher("orderEditAddVariant", gate(env -> new OrderEditDesk(shop(env)).addVariant(env.getArguments())));
        t.dataFetcher(
                "orderEditSetQuantity", gate(env -> new OrderEditDesk(shop(env)).setQuantity(env.getArguments())));
        t.dataFetcher(
                "orderEditCommit",
                gate(env -> new OrderEditDesk(shop(env))
                        .commit(
                                env.getArgument("id"),
                                env.getArgument("notifyCustomer"),
                                env.getArgument("staffNote"))));
        t.dataFetcher(
                "fulfillmentOrderSubmitFulfillmentRequest",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .submitFulfillmentRequest(
                                env.getArgument("id"),
                                env.getArgument("message"),
                                env.getArgument("fulfillmentOrderLineItems"))));
        t.dataFetcher(
                "fulfillmentOrderAcceptFulfillmentRequest",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .acceptFulfillmentRequest(env.getArgument("id"), env.getArgument("message"))));
        t.dataFetcher(
                "fulfillmentOrderRejectFulfillmentRequest",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .rejectFulfillmentRequest(
                                env.getArgument("id"), env.getArgument("reason"), env.getArgument("message"))));
        t.dataFetcher(
                "fulfillmentOrderSubmitCancellationRequest",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .submitCancellationRequest(env.getArgument("id"), env.getArgument("message"))));
        t.dataFetcher(
                "fulfillmentOrderAcceptCancellationRequest",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .acceptCancellationRequest(env.getArgument("id"), env.getArgument("message"))));
        t.dataFetcher(
                "fulfillmentOrderRejectCancellationRequest",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .rejectCancellationRequest(env.getArgument("id"), env.getArgument("message"))));
        t.dataFetcher(
                "orderRiskAssessmentCreate",
                gate(env ->
                        new OrderDesk(shop(env)).createRiskAssessment(env.getArgument("orderRiskAssessmentInput"))));
        t.dataFetcher(
                "fulfillmentOrderHold",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .hold(env.getArgument("id"), env.getArgument("fulfillmentHold"))));
        t.dataFetcher(
                "fulfillmentOrderReleaseHold",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .releaseHold(env.getArgument("id"), env.getArgument("holdIds"))));
        t.dataFetcher(
                "fulfillmentOrderMove",
                gate(env -> new FulfillmentOrderDesk(shop(env))
                        .move(
                                env.getArgument("id"),
                                env.getArgument("newLocationId"),
                                env.getArgument("fulfillmentOrderLineItems"))));
        t.dataFetcher(
                "fulfillmentServiceCreate",
                gate(env -> new FulfillmentServiceDesk(
                                shop(env), env.getGraphQlContext().getOrDefault(LOCAL_DEMO, false))
                        .create(env.getArguments())));
        t.dataFetcher(
                "fulfillmentServiceUpdate",
                gate(env -> new FulfillmentServiceDesk(
                                shop(env), env.getGraphQlContext().getOrDefault(LOCAL_DEMO, false))
                        .update(env.getArguments())));
        t.dataFetcher(
                "fulfillmentServiceDelete",
                gate(env -> new FulfillmentServiceDesk(
                                shop(env), env.getGraphQlContext().getOrDefault(LOCAL_DEMO, false))
                        .delete(env.getArguments())));
    }

    /**
     * The gate every mutation passes: it enforces the {@code @idempotent} key where Shopify requires one, replays an
     * answer already given for the same key and parameters, refuses a key reused with other parameters, and journals
     * the attempt with its outcome.
     */
    private static DataFetcher<Object> gate(Function<DataFetchingEnvironment, Map<String, Object>> mutation) {
        return env -> {
            Shop shop = shop(env);
            String name = env.getField().getName();
            Map<String, Object> arguments = env.getArguments();
            String key = idempotencyKey(env);
            String fingerprint = fingerprint(name, arguments);
            int largest = largestArray(arguments);
            try {
                if (key == null && IDEMPOTENT.contains(name)) {
                    throw new AdminError(
                            "BAD_REQUEST",
                            "The @idempotent directive is required for this mutation but was not provided.");
                }
                if (key != null && key.isBlank()) {
                    throw new AdminError(
                            "BAD_REQUEST", "The idempotency key cannot be an empty string or whitespace only.");
                }
                if (key != null) {
                    IdempotencyKeys.Verdict verdict = shop.idempotencyKeys().check(key, fingerprint, shop.now());
                    if (verdict instanceof IdempotencyKeys.Replay replay) {
                        journal(shop, name, key, arguments, largest, Journal.Outcome.REPLAYED, List.of());
                        return replay.answer();
                    }
                    UserError refusal = null;
                    if (verdict instanceof IdempotencyKeys.Mismatch) {
                        refusal = new UserError(
                                null,
                                "The same idempotency key cannot be used with different " + "operation parameters.",
                                "IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
                    } else if (verdict instanceof IdempotencyKeys.InFlight) {
                        refusal = new UserError(
                                null,
                                "This request is currently in progress, please try again.",
                                "IDEMPOTENCY_CONCURRENT_REQUEST");
                    } else if (verdict instanceof IdempotencyKeys.PreviouslyFailed) {
                        refusal = new UserError(
                                null,
                                "A previous request with this idempotency key failed. Retry "
                                        + "with a new idempotency key.",
                                "IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED");
                    }
                    if (refusal != null) {
                        journal(shop, name, key, arguments, largest, Journal.Outcome.REJECTED, List.of(refusal.code()));
                        return Map.of("userErrors", List.of(refusal));
                    }
                    hold(env, shop, key);
                }
                if (shop.faults().errorAnswers().failMutationAttemptNow()) {
                    if (key != null) {
                        shop.idempotencyKeys().failed(key, fingerprint, shop.now());
                    }
                    throw ErrorAnswers.internalError();
                }
                Map<String, Object> payload = mutation.apply(env);
                @SuppressWarnings("unchecked")
                List<UserError> errors = (List<UserError>) payload.getOrDefault("userErrors", List.of());
                journal(
                        shop,
                        name,
                        key,
                        arguments,
                        largest,
                        errors.isEmpty() ? Journal.Outcome.APPLIED : Journal.Outcome.REJECTED,
                        errors.stream()
                                .map(e -> e.code() != null ? e.code() : e.message())
                                .toList());
                if (key != null) {
                    shop.idempotencyKeys().remember(key, fingerprint, payload, shop.now());
                }
                return payload;
            } catch (AdminError e) {
                journal(shop, name, key, arguments, largest, Journal.Outcome.REJECTED, List.of(e.code()));
                return DataFetcherResult.newResult()
                        .error(e.at(env.getExecutionStepInfo().getPath().toList()))
                        .build();
            }
        };
    }

    /**
     * Holds the key in flight until the request's answer is sent (the endpoint releases what the request collected),
     * so a second request with it meanwhile gets IDEMPOTENCY_CONCURRENT_REQUEST. Without a collecting request (a
     * call straight into the schema) there is no answer to wait for.
     */
    private static void hold(DataFetchingEnvironment env, Shop shop, String key) {
        List<String> held = env.getGraphQlContext().get(IdempotencyKeys.HELD);
        if (held != null) {
            shop.idempotencyKeys().begin(key);
            held.add(key);
        }
    }

    private static void journal(
            Shop shop,
            String name,
            String key,
            Map<String, Object> arguments,
            int largest,
            Journal.Outcome outcome,
            List<String> errors) {
        shop.journal().record(new Journal.Mutation(shop.now(), name, key, arguments, largest, outcome, errors));
    }

    /** The key of an {@code @idempotent(key:)} on the field, with a variable resolved; null when absent. */
    private static String idempotencyKey(DataFetchingEnvironment env) {
        List<Directive> directives = env.getField().getDirectives("idempotent");
        if (directives.isEmpty()) {
            return null;
        }
        Value<?> value = directives.get(0).getArgument("key").getValue();
        if (value instanceof VariableReference ref) {
            Object resolved = env.getVariables().get(ref.getName());
            return resolved == null ? null : resolved.toString();
        }
        return value instanceof StringValue s ? s.getValue() : null;
    }

    private static String fingerprint(String name, Map<String, Object> arguments) {
        try {
            return name + CANONICAL.writeValueAsString(arguments);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The largest list anywhere in a set of argument values (Shopify refuses input arrays over 250). */
    static int largestArray(Object value) {
        if (value instanceof Collection<?> list) {
            return Math.max(
                    list.size(),
                    list.stream().mapToInt(AdminSchema::largestArray).max().orElse(0));
        }
        if (value instanceof Map<?, ?> map) {
            return map.values().stream()
                    .mapToInt(AdminSchema::largestArray)
                    .max()
                    .orElse(0);
        }
        return 0;
    }

    private static Object groupChanges(DataFetchingEnvironment env) {
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> changes =
                (List<Map<String, Object>>) ((Map<String, Object>) env.getSource()).get("changes");
        List<String> items = env.getArgument("inventoryItemIds");
        List<String> locations = env.getArgument("locationIds");
        List<String> names = env.getArgument("quantityNames");
        return changes.stream()
                .filter(c -> items == null || items.contains(((InventoryItem) c.get("item")).id()))
                .filter(c -> locations == null || locations.contains(((Location) c.get("location")).id()))
                .filter(c -> names == null || names.contains((String) c.get("name")))
                .toList();
    }

    private static Map<String, Object> shopFields(Shop shop) {
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("id", Gid.of("Shop", shop.shopId()));
        fields.put("name", shop.name());
        fields.put("email", shop.email());
        fields.put("contactEmail", shop.email());
        fields.put("myshopifyDomain", shop.domain());
        fields.put("currencyCode", "USD");
        fields.put("ianaTimezone", "UTC");
        fields.put("url", "https://" + shop.domain());
        fields.put(
                "plan",
                Map.of(
                        "publicDisplayName",
                        shop.plan().displayName(),
                        "shopifyPlus",
                        shop.plan() == Plan.PLUS || shop.plan() == Plan.ENTERPRISE,
                        "partnerDevelopment",
                        false));
        fields.put("createdAt", Instant.EPOCH);
        fields.put("updatedAt", Instant.EPOCH);
        return fields;
    }

    private static void byId(TypeRuntimeWiring.Builder t, String field, Class<? extends ShopifyObject> type) {
        t.dataFetcher(field, env -> AccessScopes.visibleById(shop(env).find(env.getArgument("id"), type), env));
    }

    private static <T> List<T> limit(List<T> list, Integer first) {
        return first == null ? list : list.subList(0, Math.min(first, list.size()));
    }

    static Shop shop(DataFetchingEnvironment env) {
        return env.getGraphQlContext().get(Shop.class);
    }

    private static GraphQLScalarType scalar(String name, Function<Object, String> serialize) {
        return GraphQLScalarType.newScalar()
                .name(name)
                .coercing(new Coercing<Object, String>() {
                    @Override
                    public String serialize(Object value) {
                        return serialize.apply(value);
                    }

                    @Override
                    public Object parseValue(Object input) {
                        return input.toString();
                    }

                    @Override
                    public Object parseLiteral(Object input) {
                        if (input instanceof StringValue s) {
                            return s.getValue();
                        }
                        if (input instanceof graphql.language.IntValue i) {
                            return i.getValue().toString();
                        }
                        throw new graphql.schema.CoercingParseLiteralException("Expected a string for " + name);
                    }

                    @Override
                    public Value<?> valueToLiteral(Object input, graphql.GraphQLContext context, Locale locale) {
                        // The query cost analysis turns variable values (a tracking URL, a date) back into literals.
                        return StringValue.newStringValue(input.toString()).build();
                    }
                })
                .build();
    }
}
