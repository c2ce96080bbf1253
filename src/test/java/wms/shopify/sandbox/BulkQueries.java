package wms.shopify.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * {@code bulkOperationRunQuery}: the query runs in the background over the whole store (connections take no page
 * size), its result is written as JSONL, served over HTTP, and {@code bulk_operations/finish} is sent when it
 * completes. As Shopify writes it: one object per line; the nodes of a nested connection (also one inside a plain
 * object, as {@code inventoryItem { inventoryLevels }} inside a variant) are lines of their own, left out of their
 * parent's line and carrying {@code __parentId}, the id of the parent line's object. With {@code groupObjects: true}
 * a parent's children follow it directly; without (the default from 2026-01) they come after it but not next to
 * it: the sandbox writes every node of the outer connection first and the nested ones after them all, the order
 * that is hardest on a reader that assumed grouping.
 */
final class BulkQueries {

    /** Shopify runs at most five bulk queries at a time per store (2026-01+). */
    static final int CONCURRENT_LIMIT = 5;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Executor executor;
    private final Function<BulkOperation, String> resultUrl;
    private final Map<String, byte[]> results = new ConcurrentHashMap<>();
    private volatile AdminSchema schema;

    BulkQueries(Executor executor, Function<BulkOperation, String> resultUrl) {
        this.executor = executor;
        this.resultUrl = resultUrl;
    }

    void attach(AdminSchema adminSchema) {
        this.schema = adminSchema;
    }

    /** The JSONL of a completed operation, by the operation's numeric id; null when unknown. */
    byte[] result(String legacyId) {
        return results.get(legacyId);
    }

    Map<String, Object> start(Shop shop, String query, boolean groupObjects) {
        Map<String, Object> payload = new LinkedHashMap<>();
        ParseAndValidateResult validation = ParseAndValidate.parseAndValidate(
                schema.schema(), ExecutionInput.newExecutionInput(query).build());
        String problem = validation.isFailure()
                ? validation.getErrors().get(0).getMessage()
                : !query.contains("edges") && !query.contains("nodes")
                        ? "Bulk queries must contain at least one connection."
                        : null;
        if (problem == null
                && shop.bulkOperations().stream().filter(op -> !op.finished()).count() >= CONCURRENT_LIMIT) {
            payload.put("bulkOperation", null);
            payload.put(
                    "userErrors",
                    List.of(new UserError(
                            List.of("query"),
                            "A bulk query operation for this app and shop is already in progress.",
                            "OPERATION_IN_PROGRESS")));
            return payload;
        }
        if (problem != null) {
            payload.put("bulkOperation", null);
            payload.put("userErrors", List.of(new UserError(List.of("query"), problem, "INVALID")));
            return payload;
        }
        BulkOperation operation = shop.register(new BulkOperation(shop.nextId(), query, shop.now()));
        shop.add(operation);
        operation.running();
        executor.execute(() -> run(shop, operation, groupObjects));
        payload.put("bulkOperation", operation);
        payload.put("userErrors", List.of());
        return payload;
    }

    private void run(Shop shop, BulkOperation operation, boolean groupObjects) {
        List<String> lines = new ArrayList<>();
        List<String> nested = groupObjects ? lines : new ArrayList<>();
        int roots;
        synchronized (shop) {
            ExecutionResult result = schema.graphQL()
                    .execute(ExecutionInput.newExecutionInput(operation.query())
                            .graphQLContext(AdminSchema.context(shop, true, "2026-07"))
                            .build());
            Map<String, Object> data = result.getData();
            roots = 0;
            for (Object connection : data == null ? List.of() : data.values()) {
                roots += flatten(connection, null, lines, nested);
            }
            if (nested != lines) {
                lines.addAll(nested);
            }
            byte[] jsonl = String.join("", lines).getBytes(StandardCharsets.UTF_8);
            results.put(String.valueOf(operation.legacyResourceId()), jsonl);
            operation.completed(resultUrl.apply(operation), lines.size(), roots, jsonl.length, shop.now());
            shop.emit("BULK_OPERATIONS_FINISH", shop.newEventId(), RestPayloads.bulkOperation(operation));
        }
    }

    /**
     * Writes the nodes of a connection to {@code lines}, each followed (grouped) or not (ungrouped: to
     * {@code nested}) by the nodes of its nested connections; answers how many nodes the connection had.
     */
    @SuppressWarnings("unchecked")
    private static int flatten(Object connection, String parentId, List<String> lines, List<String> nested) {
        if (!(connection instanceof Map<?, ?> map)) {
            return 0;
        }
        List<Map<String, Object>> nodes = new ArrayList<>();
        if (map.get("edges") instanceof List<?> edges) {
            edges.forEach(e -> nodes.add((Map<String, Object>) ((Map<String, Object>) e).get("node")));
        }
        if (map.get("nodes") instanceof List<?> list) {
            list.forEach(n -> nodes.add((Map<String, Object>) n));
        }
        for (Map<String, Object> node : nodes) {
            List<Object> children = new ArrayList<>();
            Map<String, Object> line = withoutConnections(node, children);
            if (parentId != null) {
                line.put("__parentId", parentId);
            }
            lines.add(json(line) + "\n");
            children.forEach(child -> flatten(child, (String) node.get("id"), nested, nested));
        }
        return nodes.size();
    }

    /** The object without its connections, at any depth of plain objects; the connections go to {@code found}. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutConnections(Map<String, Object> object, List<Object> found) {
        Map<String, Object> kept = new LinkedHashMap<>();
        object.forEach((key, value) -> {
            if (value instanceof Map<?, ?> v && (v.containsKey("edges") || v.containsKey("nodes"))) {
                found.add(value);
            } else if (value instanceof Map<?, ?> v) {
                kept.put(key, withoutConnections((Map<String, Object>) v, found));
            } else {
                kept.put(key, value);
            }
        });
        return kept;
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
