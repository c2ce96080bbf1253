package wms.shopify.shopify.control;

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
import wms.shopify.shopify.entity.ShopDomain;

/**
 * Shopify's GraphQL Admin API at the configured version. Each call waits for the store's {@link CostBudget} first,
 * feeds the budget what Shopify reports, and turns Shopify's answers into three outcomes: data, "try again later"
 * ({@link ShopifyUnavailableException}, retried here with a growing pause), and "refused"
 * ({@link ShopifyUnauthorizedException} on 401, {@link ShopifyRequestException} otherwise), never retried.
 */
@ApplicationScoped
public class AdminApi {

    /** The longest a call waits for its budget; a longer wait is left to the retry. */
    private static final Duration LONGEST_BUDGET_WAIT = Duration.ofSeconds(20);

    @Inject
    ShopifyApp app;

    @Inject
    Clock clock;

    private final ShopifyHttp http = new ShopifyHttp();
    private final Map<String, CostBudget> budgets = new ConcurrentHashMap<>();

    /**
     * Runs an operation for a store and answers its {@code data}.
     *
     * @param accessToken the store's token in clear (never logged)
     */
    @Retry(retryOn = ShopifyUnavailableException.class, maxRetries = 4, delay = 500, jitter = 250,
            maxDuration = 120_000)
    public JsonObject run(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        return send(shop, accessToken, operation, variables);
    }

    /**
     * Runs an operation once, never retried here: for a mutation that is not idempotent (fulfillmentCreate), where
     * the caller must check what Shopify already has before it tries again after an unclear outcome.
     *
     * @throws ShopifyUnavailableException when Shopify could not answer (5xx, 429, THROTTLED, no answer in time)
     */
    public JsonObject runOnce(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        return send(shop, accessToken, operation, variables);
    }

    private JsonObject send(ShopDomain shop, String accessToken, AdminOperation operation, JsonObject variables) {
        CostBudget budget = budget(shop);
        pause(budget.waitBefore(operation.estimatedCost(), this.clock.instant()));
        JsonObject request = Json.createObjectBuilder()
                .add("query", operation.document())
                .add("operationName", operation.operationName())
                .add("variables", variables == null ? JsonValue.EMPTY_JSON_OBJECT : variables)
                .build();
        ShopifyHttp.Answer answer = this.http.postJson(this.app.graphQlUrl(shop),
                Map.of("X-Shopify-Access-Token", accessToken), request, this.app.requestTimeout());
        return data(shop, operation, budget, answer);
    }

    /** Opens the result file of a completed Bulk Operation (its address is signed: no token is sent). */
    public java.io.InputStream bulkResult(String url) {
        return this.http.open(java.net.URI.create(url));
    }

    JsonObject data(ShopDomain shop, AdminOperation operation, CostBudget budget, ShopifyHttp.Answer answer) {
        Instant now = this.clock.instant();
        switch (answer.status()) {
            case 200 -> {
                observeCost(budget, answer.body(), now);
                JsonArray errors = answer.body().getJsonArray("errors");
                if (errors != null && !errors.isEmpty()) {
                    if (errors.stream().anyMatch(AdminApi::isThrottled)) {
                        throw new ShopifyUnavailableException(shop + " is throttled (" + operation.operationName()
                                + ")");
                    }
                    throw new ShopifyRequestException(operation.operationName() + " failed on " + shop + ": "
                            + errors.stream().map(AdminApi::message).collect(Collectors.joining("; ")));
                }
                return answer.body().getJsonObject("data");
            }
            case 401 -> throw new ShopifyUnauthorizedException("Shopify refused the token of " + shop);
            case 429 -> {
                budget.pauseUntil(now.plus(retryAfter(answer.retryAfter())));
                throw new ShopifyUnavailableException(shop + " answered 429 Too Many Requests");
            }
            default -> {
                if (answer.status() >= 500) {
                    throw new ShopifyUnavailableException(shop + " answered " + answer.status());
                }
                throw new ShopifyRequestException(operation.operationName() + " on " + shop + " answered "
                        + answer.status());
            }
        }
    }

    /** The budget of one store; stores never share one, so a busy store does not slow another. */
    public CostBudget budget(ShopDomain shop) {
        return this.budgets.computeIfAbsent(shop.value(), key -> new CostBudget());
    }

    private static void observeCost(CostBudget budget, JsonObject body, Instant now) {
        JsonObject extensions = body.getJsonObject("extensions");
        JsonObject cost = extensions == null ? null : extensions.getJsonObject("cost");
        JsonObject status = cost == null ? null : cost.getJsonObject("throttleStatus");
        if (status != null && status.get("currentlyAvailable") instanceof JsonNumber available
                && status.get("maximumAvailable") instanceof JsonNumber maximum
                && status.get("restoreRate") instanceof JsonNumber rate) {
            budget.observe(available.doubleValue(), maximum.doubleValue(), rate.doubleValue(), now);
        }
    }

    private static boolean isThrottled(JsonValue error) {
        if (!(error instanceof JsonObject object)) {
            return false;
        }
        JsonObject extensions = object.getJsonObject("extensions");
        return extensions != null && "THROTTLED".equals(extensions.getString("code", ""));
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
