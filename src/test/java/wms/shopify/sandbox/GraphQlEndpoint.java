package wms.shopify.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /admin/api/{version}/graphql.json} of one store, answered by the version Shopify would answer with
 * ({@link ApiVersions}, named in {@code X-Shopify-API-Version}), in the order Shopify applies its checks: injected
 * faults, the access token (401), the request body, the schema, input arrays of at most 250, the single-query cost
 * limit (MAX_COST_EXCEEDED), injected errors in a 200 ({@link ErrorAnswers}), the bucket (THROTTLED, HTTP 200), then
 * execution (fields outside the token's scopes refused, {@link AccessScopes}; protected customer data redacted,
 * {@link ProtectedCustomerData}), with {@code extensions.cost} on every GraphQL answer. An idempotency key stays in
 * flight until its request's answer is ready.
 */
final class GraphQlEndpoint {

    static final String INVALID_TOKEN = "[API] Invalid API key or access token (unrecognized login or wrong password)";
    private static final String RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";

    private final AdminSchema schema;
    private final QueryCost cost;
    private final AccessTokens tokens;
    private final ApiVersions versions;
    private final boolean localDemo;
    private final ProtectedCustomerData customerData;

    GraphQlEndpoint(
            AdminSchema schema,
            AccessTokens tokens,
            ApiVersions versions,
            boolean localDemo,
            ProtectedCustomerData customerData) {
        this.schema = schema;
        this.cost = new QueryCost(schema.schema());
        this.tokens = tokens;
        this.versions = versions;
        this.localDemo = localDemo;
        this.customerData = customerData;
    }

    void handle(HttpExchange exchange, Shop shop, String requestedVersion) throws IOException {
        String raw = Http.body(exchange);
        // A retired version falls forward to the oldest supported one, answered as that version (ApiVersions).
        String version = versions.answering(requestedVersion).orElse(requestedVersion);
        List<String> held = new ArrayList<>();
        Answer answer;
        try {
            answer = answer(exchange, shop, version, raw, held);
        } finally {
            // The keys this request ran under are in flight until here, where its answer is ready to send.
            held.forEach(shop.idempotencyKeys()::end);
        }
        for (Map.Entry<String, String> header : answer.headers().entrySet()) {
            exchange.getResponseHeaders().set(header.getKey(), header.getValue());
        }
        exchange.getResponseHeaders().set("X-Shopify-API-Version", version);
        shop.journal()
                .record(new Journal.Request(
                        shop.now(),
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        answer.status(),
                        answer.operationName(),
                        raw,
                        answer.requested(),
                        answer.actual(),
                        answer.errorCode()));
        Http.json(exchange, answer.status(), answer.body());
    }

    private record Answer(
            int status,
            Object body,
            Map<String, String> headers,
            String operationName,
            Integer requested,
            Integer actual,
            String errorCode) {
        static Answer of(int status, Object body, String errorCode) {
            return new Answer(status, body, Map.of(), null, null, null, errorCode);
        }
    }

    private Answer answer(HttpExchange exchange, Shop shop, String version, String raw, List<String> held) {
        Faults faults = shop.faults();
        sleep(faults.latency().toMillis());
        if (!ApiVersions.MODELLED.contains(version)) {
            return Answer.of(404, Map.of("errors", "Not Found"), "NOT_FOUND");
        }
        if (faults.serverErrorNow()) {
            return Answer.of(faults.serverErrorStatus(), Map.of("errors", "Service Unavailable"), "INJECTED_5XX");
        }
        if (faults.tooManyRequestsNow()) {
            return new Answer(
                    429,
                    Map.of("errors", "Exceeded request rate limit. Reduce request rates to resume."),
                    Map.of("Retry-After", String.valueOf(faults.retryAfterSeconds())),
                    null,
                    null,
                    null,
                    "INJECTED_429");
        }
        String token = exchange.getRequestHeaders().getFirst("X-Shopify-Access-Token");
        if (!tokens.valid(shop.domain(), token)) {
            return Answer.of(401, Map.of("errors", INVALID_TOKEN), "UNAUTHORIZED");
        }
        String query;
        String operationName;
        Map<String, Object> variables;
        try {
            JsonNode request = Http.JSON.readTree(raw);
            query = request.path("query").asText(null);
            operationName = request.path("operationName").isTextual()
                    ? request.get("operationName").asText()
                    : null;
            variables = request.hasNonNull("variables")
                    ? Http.JSON.convertValue(request.get("variables"), Map.class)
                    : Map.of();
        } catch (IOException | IllegalArgumentException e) {
            return Answer.of(400, Map.of("errors", "Bad Request: the body is not JSON"), "BAD_REQUEST");
        }
        if (query == null) {
            return Answer.of(
                    400, Map.of("errors", Map.of("query", "Required parameter missing or invalid")), "BAD_REQUEST");
        }
        ExecutionInput input = ExecutionInput.newExecutionInput(query)
                .operationName(operationName)
                .variables(variables)
                .graphQLContext(context(shop, version, token, held))
                .build();
        ParseAndValidateResult parsed = ParseAndValidate.parseAndValidate(schema.schema(), input);
        if (parsed.isFailure()) {
            return graphQlAnswer(shop, operationName, errors(parsed.getErrors()), null, 0, 0, "GRAPHQL_VALIDATION");
        }
        ExecutableNormalizedOperation operation = cost.normalize(parsed.getDocument(), operationName, variables);
        int largest = operation.getTopLevelFields().stream()
                .mapToInt(f -> AdminSchema.largestArray(f.getResolvedArguments()))
                .max()
                .orElse(0);
        if (largest > Connections.MAX_PAGE) {
            if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
                for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
                    shop.journal()
                            .record(new Journal.Mutation(
                                    shop.now(),
                                    field.getName(),
                                    null,
                                    field.getResolvedArguments(),
                                    largest,
                                    Journal.Outcome.REJECTED,
                                    List.of("MAX_INPUT_SIZE_EXCEEDED")));
                }
            }
            return graphQlAnswer(
                    shop,
                    operationName,
                    List.of(error(
                            "The input array size of " + largest + " is greater than the maximum allowed of 250.",
                            "MAX_INPUT_SIZE_EXCEEDED",
                            Map.of())),
                    null,
                    null,
                    null,
                    "MAX_INPUT_SIZE_EXCEEDED");
        }
        int requested = cost.requested(operation);
        if (requested > QueryCost.SINGLE_QUERY_LIMIT) {
            return graphQlAnswer(
                    shop,
                    operationName,
                    List.of(error(
                            "Query cost is " + requested + ", which exceeds the single query max cost limit ("
                                    + QueryCost.SINGLE_QUERY_LIMIT + ").",
                            "MAX_COST_EXCEEDED",
                            Map.of(
                                    "cost",
                                    requested,
                                    "maxCost",
                                    QueryCost.SINGLE_QUERY_LIMIT,
                                    "documentation",
                                    RATE_LIMIT_DOCS))),
                    null,
                    requested,
                    null,
                    "MAX_COST_EXCEEDED");
        }
        ErrorAnswers.Injected injected = faults.errorAnswers().next(operationName);
        if (injected != null && injected.kind() != ErrorAnswers.Kind.PARTIAL_DATA) {
            return graphQlAnswer(
                    shop,
                    operationName,
                    List.of(ErrorAnswers.error(
                            injected, operation.getTopLevelFields().get(0).getName(), requested)),
                    null,
                    requested,
                    null,
                    injected.kind().name());
        }
        if (faults.throttledNow() || !shop.bucket().tryTake(requested)) {
            return graphQlAnswer(
                    shop,
                    operationName,
                    List.of(error("Throttled", "THROTTLED", Map.of("documentation", RATE_LIMIT_DOCS))),
                    null,
                    requested,
                    null,
                    "THROTTLED");
        }
        ExecutionResult result;
        synchronized (shop) {
            result = schema.graphQL().execute(input);
        }
        sleep(faults.returnLatencyNow().toMillis());
        Map<String, Object> data = result.getData();
        int actual = Math.min(requested, cost.actual(operation, data));
        shop.bucket().refund(requested - actual);
        boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
        if (mutation) {
            sleep(faults.answerDelayAfterWriteNow().toMillis());
        }
        if (mutation && faults.serverErrorAfterWriteNow()) {
            return Answer.of(
                    faults.serverErrorStatus(), Map.of("errors", "Service Unavailable"), "INJECTED_5XX_AFTER_WRITE");
        }
        List<Map<String, Object>> errors = result.getErrors().isEmpty() ? null : errors(result.getErrors());
        String errorCode = errors == null ? null : "GRAPHQL_ERROR";
        if (injected != null && data != null && !data.isEmpty()) {
            data = new LinkedHashMap<>(data);
            errors = new ArrayList<>(errors == null ? List.of() : errors);
            errors.add(ErrorAnswers.makePartial(data));
            errorCode = "PARTIAL_DATA";
        }
        return graphQlAnswer(shop, operationName, errors, data, requested, actual, errorCode);
    }

    /** The store, the version answering, the token's scopes, the customer data access, whether a local demo. */
    private Map<Object, Object> context(Shop shop, String version, String token, List<String> held) {
        Map<Object, Object> context = new HashMap<>(AdminSchema.context(shop, version, held));
        context.put(AccessScopes.GRANTED, AccessScopes.granted(tokens.scopes(token)));
        context.put(AdminSchema.LOCAL_DEMO, localDemo);
        context.put(ProtectedCustomerData.CONTEXT, customerData);
        return context;
    }

    private Answer graphQlAnswer(
            Shop shop,
            String operationName,
            List<Map<String, Object>> errors,
            Map<String, Object> data,
            Integer requested,
            Integer actual,
            String errorCode) {
        Map<String, Object> body = new LinkedHashMap<>();
        if (errors != null) {
            body.put("errors", errors);
        }
        if (data != null) {
            body.put("data", data);
        }
        CostBucket.ThrottleStatus status = shop.bucket().status();
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", status.maximumAvailable());
        throttle.put("currentlyAvailable", (int) Math.floor(status.currentlyAvailable()));
        throttle.put("restoreRate", status.restoreRate());
        Map<String, Object> costs = new LinkedHashMap<>();
        costs.put("requestedQueryCost", requested);
        costs.put("actualQueryCost", actual);
        costs.put("throttleStatus", throttle);
        body.put("extensions", Map.of("cost", costs));
        return new Answer(200, body, Map.of(), operationName, requested, actual, errorCode);
    }

    private static List<Map<String, Object>> errors(List<GraphQLError> errors) {
        List<Map<String, Object>> out = new ArrayList<>();
        errors.forEach(e -> out.add(e.toSpecification()));
        return out;
    }

    private static Map<String, Object> error(String message, String code, Map<String, Object> more) {
        Map<String, Object> extensions = new LinkedHashMap<>();
        extensions.put("code", code);
        extensions.putAll(more);
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        error.put("extensions", extensions);
        return error;
    }

    private static void sleep(long millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
