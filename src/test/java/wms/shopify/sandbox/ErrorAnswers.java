package wms.shopify.sandbox;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The failures Shopify answers with HTTP 200 and a top-level {@code errors} array, injected by a test into one store's
 * Admin API in Shopify's shapes: THROTTLED (with the cost extensions, nothing charged), INTERNAL_SERVER_ERROR and
 * TIMEOUT (before anything ran), MAX_COST_EXCEEDED, ACCESS_DENIED (with {@code requiredAccess}), and partial data: the
 * operation runs, and one of its fields comes back null next to an INTERNAL_SERVER_ERROR at that field's path. Also
 * mutation attempts that fail inside Shopify, whose idempotency key is then spent: a retry with the same key gets
 * IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED. Each injection hits the next requests (of one operation, if named), in order.
 */
public final class ErrorAnswers {

    static final String RATE_LIMIT_DOCS = "https://shopify.dev/api/usage/rate-limits";
    static final String ACCESS_SCOPES_DOCS = "https://shopify.dev/api/usage/access-scopes";

    /** The kinds of answer a test can inject. */
    public enum Kind {
        THROTTLED,
        INTERNAL_SERVER_ERROR,
        TIMEOUT,
        MAX_COST_EXCEEDED,
        ACCESS_DENIED,
        PARTIAL_DATA
    }

    /** One pending injection: its kind, the operation it hits (null: any), how many requests are left. */
    private static final class Pending {
        final Kind kind;
        final String operationName;
        final String scope;
        int left;

        Pending(Kind kind, String operationName, String scope, int left) {
            this.kind = kind;
            this.operationName = operationName;
            this.scope = scope;
            this.left = left;
        }
    }

    /** What the endpoint does with one request: the kind to answer with and, for ACCESS_DENIED, the scope. */
    record Injected(Kind kind, String scope) {}

    private final List<Pending> pending = new ArrayList<>();
    private int failedMutationAttempts;

    synchronized void add(Kind kind, int requests, String operationName, String scope) {
        if (requests > 0) {
            pending.add(new Pending(kind, operationName, scope, requests));
        }
    }

    synchronized void failMutationAttempts(int attempts) {
        failedMutationAttempts = attempts;
    }

    synchronized void clear() {
        pending.clear();
        failedMutationAttempts = 0;
    }

    /** The injection this request meets, if any (consumed). */
    synchronized Injected next(String operationName) {
        for (Iterator<Pending> it = pending.iterator(); it.hasNext(); ) {
            Pending p = it.next();
            if (p.operationName == null || p.operationName.equals(operationName)) {
                if (--p.left <= 0) {
                    it.remove();
                }
                return new Injected(p.kind, p.scope);
            }
        }
        return null;
    }

    /** Whether this mutation attempt fails inside Shopify (consumed). */
    synchronized boolean failMutationAttemptNow() {
        if (failedMutationAttempts > 0) {
            failedMutationAttempts--;
            return true;
        }
        return false;
    }

    /** Shopify's words for an internal error, with a fresh request id as Shopify gives. */
    static AdminError internalError() {
        String requestId = UUID.randomUUID().toString();
        return new AdminError(
                "INTERNAL_SERVER_ERROR",
                "Internal error. Looks like something went wrong on our end. " + "Request ID: " + requestId
                        + " (include this in support requests).",
                Map.of("requestId", requestId));
    }

    /**
     * The top-level error of an injection that stops the request before it runs.
     *
     * @param field the operation's first top-level field (named by ACCESS_DENIED)
     * @param requested the operation's requested cost (MAX_COST_EXCEEDED names at least the limit plus one)
     */
    static Map<String, Object> error(Injected injected, String field, int requested) {
        return switch (injected.kind()) {
            case THROTTLED -> error("Throttled", ordered("code", "THROTTLED", "documentation", RATE_LIMIT_DOCS), null);
            case INTERNAL_SERVER_ERROR -> internalError().toSpecification();
            case TIMEOUT -> error("Timeout", ordered("code", "TIMEOUT"), null);
            case MAX_COST_EXCEEDED -> {
                int cost = Math.max(requested, QueryCost.SINGLE_QUERY_LIMIT + 1);
                yield error(
                        "Query cost is " + cost + ", which exceeds the single query max cost limit ("
                                + QueryCost.SINGLE_QUERY_LIMIT + ").",
                        ordered(
                                "code",
                                "MAX_COST_EXCEEDED",
                                "cost",
                                cost,
                                "maxCost",
                                QueryCost.SINGLE_QUERY_LIMIT,
                                "documentation",
                                RATE_LIMIT_DOCS),
                        null);
            }
            case ACCESS_DENIED -> {
                String access = "`" + injected.scope() + "` access scope.";
                yield error(
                        "Access denied for " + field + " field. Required access: " + access,
                        ordered("code", "ACCESS_DENIED", "documentation", ACCESS_SCOPES_DOCS, "requiredAccess", access),
                        List.of(field));
            }
            case PARTIAL_DATA -> throw new IllegalArgumentException("partial data is an answer after execution");
        };
    }

    /**
     * Turns a full answer into partial data as Shopify sends it when part of the execution failed: within the first
     * top-level field, the first field holding an object or a list becomes null (the top-level field itself when it has
     * none), and the error names its path.
     *
     * @return the error to send next to the changed data
     */
    @SuppressWarnings("unchecked")
    static Map<String, Object> makePartial(Map<String, Object> data) {
        String top = data.keySet().iterator().next();
        List<Object> path = new ArrayList<>(List.of(top));
        if (data.get(top) instanceof Map<?, ?> object) {
            Map<String, Object> copy = new LinkedHashMap<>((Map<String, Object>) object);
            String nested = null;
            for (Map.Entry<String, Object> entry : copy.entrySet()) {
                if (nested == null && (entry.getValue() instanceof Map || entry.getValue() instanceof List)) {
                    nested = entry.getKey();
                }
            }
            if (nested != null) {
                copy.put(nested, null);
                data.put(top, copy);
                path.add(nested);
            } else {
                data.put(top, null);
            }
        } else {
            data.put(top, null);
        }
        Map<String, Object> error = new LinkedHashMap<>(internalError().toSpecification());
        error.remove("locations");
        error.put("path", path);
        return error;
    }

    private static Map<String, Object> error(String message, Map<String, Object> extensions, List<Object> path) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("message", message);
        if (path != null) {
            error.put("path", path);
        }
        error.put("extensions", extensions);
        return error;
    }

    private static Map<String, Object> ordered(Object... keysAndValues) {
        Map<String, Object> map = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            map.put((String) keysAndValues[i], keysAndValues[i + 1]);
        }
        return map;
    }
}
