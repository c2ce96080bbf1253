package wms.shopify.adminapi.control;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * Shopify's GraphQL Admin API at the configured version. Each call waits for the store's {@link CostBudget} first,
 * feeds the budget what Shopify reports, and turns Shopify's answers into three outcomes: data, "try again later"
 * ({@link ShopifyUnavailableException}, retried here with a growing pause and the same variables, so the same
 * idempotency key), and "refused" ({@link ShopifyUnauthorizedException} on 401, {@link ShopifyRequestException}
 * otherwise), never retried. Which code of Shopify's is which is decided by {@link ShopifyErrorCode} only.
 */
@ApplicationScoped
public class AdminApi {

    /** The longest a call waits for its budget; a longer wait is left to the retry. */
    private static final Duration LONGEST_BUDGET_WAIT = Duration.ofSeconds(20);

    @Inject
    ShopifyApp app;

    @Inject
    Clock clock;

    @Inject
    MetricRegistry metrics;

    @Inject
    ApiVersionWatch versions;

    private final ShopifyHttp http = new ShopifyHttp();
    private final Map<String, CostBudget> budgets = new ConcurrentHashMap<>();

    /** The {@code requestedQueryCost} Shopify last reported per operation: what the next call is paced by. */
    private final Map<AdminOperation, Double> requestedCosts = new ConcurrentHashMap<>();

    /**
     * Runs an operation for a store and answers its {@code data}.
     *
     * @param accessToken the store's token in clear (never logged)
     */
    @Retry(
            retryOn = ShopifyUnavailableException.class,
            maxRetries = 4,
            delay = 500,
            jitter = 250,
            maxDuration = 120_000)
    public JsonObject run(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        return complete(shop, operation, send(shop, accessToken, operation, variables));
    }

    /**
     * An answer whose protected customer fields Shopify may withhold: its {@code data}, and the paths of the fields
     * that came back null because the app is not approved to read them (empty when none was withheld).
     */
    public record Read(JsonObject data, java.util.List<java.util.List<String>> withheld) {}

    /**
     * Runs a query that reads protected customer data (an order's name, address, e-mail, phone) as {@link #run}
     * does, but takes an answer whose only errors are withheld fields (Shopify's "not approved to access the
     * Customer object") as data, naming those fields, instead of refusing the whole read.
     */
    @Retry(
            retryOn = ShopifyUnavailableException.class,
            maxRetries = 4,
            delay = 500,
            jitter = 250,
            maxDuration = 120_000)
    public Read read(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        return send(shop, accessToken, operation, variables);
    }

    /**
     * Runs an operation once, never retried here: for a mutation that is not idempotent (fulfillmentCreate), where
     * the caller must check what Shopify already has before it tries again after an unclear outcome.
     *
     * @throws ShopifyUnavailableException when Shopify could not answer (5xx, 429, a transient code of
     *         {@link ShopifyErrorCode} such as INTERNAL_SERVER_ERROR in a 200, no answer in time): the outcome is unknown
     */
    public JsonObject runOnce(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        return complete(shop, operation, send(shop, accessToken, operation, variables));
    }

    /**
     * The data of an answer that must be whole: only {@link #read} takes withheld customer fields, for a caller
     * that knows what to do without them; anywhere else they refuse the call as before.
     */
    static JsonObject complete(ShopDomain shop, AdminOperation operation, Read read) {
        if (!read.withheld().isEmpty()) {
            throw new ShopifyRequestException(
                    operation.operationName() + " on " + shop + ": Shopify withheld protected customer data at "
                            + read.withheld() + " (CUSTOMER_DATA_WITHHELD)",
                    ShopifyErrorCode.CUSTOMER_DATA_WITHHELD);
        }
        return read.data();
    }

    private Read send(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        CostBudget budget = budget(shop);
        double cost = expectedCost(operation);
        hold(budget, cost);
        try {
            return exchange(shop, accessToken, operation, variables, budget);
        } finally {
            budget.settle(cost);
        }
    }

    /**
     * Waits until the store's budget holds the call's expected cost, counting its calls under way, and holds it; a
     * call that would wait longer than {@link #LONGEST_BUDGET_WAIT} goes after that wait anyway (the retry decides).
     */
    private void hold(CostBudget budget, double cost) {
        Instant start = this.clock.instant();
        Duration left = LONGEST_BUDGET_WAIT;
        while (true) {
            Duration wait = budget.reserve(cost, this.clock.instant());
            if (wait.isZero()) {
                break;
            }
            if (wait.compareTo(left) >= 0) {
                pause(left);
                budget.reserveAnyway(cost);
                break;
            }
            pause(wait);
            left = left.minus(wait);
        }
        budget.waited(Duration.between(start, this.clock.instant()));
    }

    private Read exchange(
            ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables, CostBudget budget) {
        JsonObject request = Json.createObjectBuilder()
                .add("query", operation.document())
                .add("operationName", operation.operationName())
                .add("variables", variables == null ? JsonValue.EMPTY_JSON_OBJECT : variables)
                .build();
        ShopifyHttp.Answer answer = this.http.graphQl(
                this.app.shopUrl(shop), this.app.apiVersion(), accessToken, request, this.app.requestTimeout());
        return data(shop, operation, budget, answer);
    }

    /** Closes the clients of every store when the application stops. */
    @PreDestroy
    void closeClients() {
        this.http.close();
    }

    /** Opens the result file of a completed Bulk Operation (its address is signed: no token is sent). */
    public java.io.InputStream bulkResult(String url) {
        return this.http.open(java.net.URI.create(url));
    }

    Read data(ShopDomain shop, AdminOperation operation, CostBudget budget, ShopifyHttp.Answer answer) {
        Instant now = this.clock.instant();
        if (this.versions != null) {
            this.versions.answered(
                    ApiVersionWatch.Channel.ADMIN_API,
                    answer.apiVersion(),
                    "the answer to " + operation.operationName() + " from " + shop);
        }
        switch (answer.status()) {
            case 200 -> {
                observeCost(budget, operation, answer.body(), now);
                java.util.List<java.util.List<String>> withheld = new java.util.ArrayList<>();
                if (answer.body().get("errors") instanceof JsonArray all && !all.isEmpty()) {
                    // Withheld customer fields are data the app may not see, not a failure; any other error decides.
                    JsonArray errors = withoutWithheld(all, withheld);
                    // Partial data next to errors is never taken as success: the call fails as its decisive code says.
                    if (!errors.isEmpty()) {
                        ShopifyErrorCode decisive = ShopifyErrorCode.decisive(errors);
                        String words = errors.stream()
                                .map(AdminApi::message)
                                .distinct()
                                .collect(Collectors.joining("; "));
                        if (decisive == ShopifyErrorCode.ACCESS_DENIED) {
                            throw new ShopifyRequestException(
                                    operation.operationName() + " on " + shop + ": " + words + " (ACCESS_DENIED)",
                                    decisive,
                                    requiredAccess(errors));
                        }
                        throw failure(shop, operation, decisive, words);
                    }
                }
                if (!(answer.body().get("data") instanceof JsonObject data)) {
                    return new Read(null, withheld);
                }
                refuseOnIdempotency(shop, operation, data);
                return new Read(data, java.util.List.copyOf(withheld));
            }
            case 401 -> throw new ShopifyUnauthorizedException("Shopify refused the token of " + shop);
            case 429 -> {
                budget.pauseUntil(now.plus(retryAfter(answer.retryAfter())));
                throw failure(shop, operation, ShopifyErrorCode.THROTTLED, "HTTP 429 Too Many Requests");
            }
            default -> {
                if (answer.status() >= 500) {
                    counted(null);
                    throw new ShopifyUnavailableException(
                            operation.operationName() + " on " + shop + " answered " + answer.status());
                }
                throw new ShopifyRequestException(
                        operation.operationName() + " on " + shop + " answered " + answer.status());
            }
        }
    }

    /**
     * An {@code @idempotent} mutation reports the state of its key as a user error of its payload: a key still in
     * flight is retried like any transient answer (same key), a spent key is refused for the caller to re-prepare.
     */
    private void refuseOnIdempotency(ShopDomain shop, AdminOperation operation, JsonObject data) {
        for (JsonValue field : data.values()) {
            if (field instanceof JsonObject payload && payload.get("userErrors") instanceof JsonArray userErrors) {
                ShopifyErrorCode.idempotency(userErrors).ifPresent(code -> {
                    throw failure(
                            shop,
                            operation,
                            code,
                            userErrors.stream()
                                    .filter(e -> e instanceof JsonObject o
                                            && code.name().equals(o.getString("code", "")))
                                    .map(AdminApi::message)
                                    .findFirst()
                                    .orElse(code.name()));
                });
            }
        }
    }

    /**
     * The scopes an ACCESS_DENIED error names in {@code extensions.requiredAccess} ("`write_inventory` access
     * scope.", alternatives "`a` access scope or `b` access scope."), joined by " or "; null when none is named
     * (the Order object refused for protected customer data, for one).
     */
    static String requiredAccess(JsonArray errors) {
        for (JsonValue error : errors) {
            if (ShopifyErrorCode.ofError(error) == ShopifyErrorCode.ACCESS_DENIED
                    && error.asJsonObject().get("extensions") instanceof JsonObject extensions
                    && extensions.get("requiredAccess") instanceof jakarta.json.JsonString access) {
                java.util.regex.Matcher scope =
                        java.util.regex.Pattern.compile("`([a-z_]+)`").matcher(access.getString());
                java.util.List<String> scopes = new java.util.ArrayList<>();
                while (scope.find()) {
                    scopes.add(scope.group(1));
                }
                if (!scopes.isEmpty()) {
                    return String.join(" or ", scopes);
                }
            }
        }
        return null;
    }

    /** The errors that are not withheld customer fields; the paths of those that are go to {@code withheld}. */
    private static JsonArray withoutWithheld(JsonArray errors, java.util.List<java.util.List<String>> withheld) {
        var others = Json.createArrayBuilder();
        for (JsonValue error : errors) {
            if (ShopifyErrorCode.ofError(error) == ShopifyErrorCode.CUSTOMER_DATA_WITHHELD
                    && error.asJsonObject().get("path") instanceof JsonArray path) {
                withheld.add(path.stream()
                        .map(step -> step instanceof jakarta.json.JsonString text ? text.getString() : step.toString())
                        .toList());
            } else {
                others.add(error);
            }
        }
        return others.build();
    }

    /** The exception for a call that met a code of Shopify's, with Shopify's words; a transient one is counted. */
    private RuntimeException failure(
            ShopDomain shop, AdminOperation operation, ShopifyErrorCode code, String shopifyMessage) {
        String message = operation.operationName() + " on " + shop + ": " + shopifyMessage + " (" + code.name() + ")";
        if (code.handling() == ShopifyErrorCode.Handling.RETRY) {
            counted(code);
            return new ShopifyUnavailableException(message, code);
        }
        return new ShopifyRequestException(message, code);
    }

    /** Counts a transient answer on {@code shopify_transient_answers} (each is retried: by the call or its caller). */
    private void counted(ShopifyErrorCode code) {
        if (this.metrics != null) {
            this.metrics
                    .counter("shopify_transient_answers", new Tag("code", code == null ? "HTTP_5XX" : code.name()))
                    .inc();
        }
    }

    /** The budget of one store; stores never share one, so a busy store does not slow another. */
    public CostBudget budget(ShopDomain shop) {
        return this.budgets.computeIfAbsent(shop.value(), key -> new CostBudget());
    }

    /**
     * What an operation is expected to take from the budget: the {@code requestedQueryCost} Shopify reported for its
     * last call (Shopify computes it from the document and its variables, the same for every store), or the
     * operation's own estimate before any answer came.
     */
    public double expectedCost(AdminOperation operation) {
        return this.requestedCosts.getOrDefault(operation, operation.estimatedCost());
    }

    private void observeCost(CostBudget budget, AdminOperation operation, JsonObject body, Instant now) {
        JsonObject extensions = body.getJsonObject("extensions");
        JsonObject cost = extensions == null ? null : extensions.getJsonObject("cost");
        if (cost != null && cost.get("requestedQueryCost") instanceof JsonNumber requested) {
            this.requestedCosts.put(operation, requested.doubleValue());
        }
        JsonObject status = cost == null ? null : cost.getJsonObject("throttleStatus");
        if (status != null
                && status.get("currentlyAvailable") instanceof JsonNumber available
                && status.get("maximumAvailable") instanceof JsonNumber maximum
                && status.get("restoreRate") instanceof JsonNumber rate) {
            budget.observe(available.doubleValue(), maximum.doubleValue(), rate.doubleValue(), now);
        }
    }

    private static String message(JsonValue error) {
        return error instanceof JsonObject object ? object.getString("message", "error") : "error";
    }

    static Duration retryAfter(String header) {
        try {
            return Duration.ofMillis((long) (Double.parseDouble(header.trim()) * 1000));
        } catch (RuntimeException e) {
            return Duration.ofSeconds(1);
        }
    }

    private static void pause(Duration wait) {
        if (wait.isZero() || wait.isNegative()) {
            return;
        }
        try {
            Thread.sleep(Math.min(wait.toMillis(), LONGEST_BUDGET_WAIT.toMillis()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ShopifyUnavailableException("Interrupted while waiting for the store's API budget");
        }
    }
}
