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
 * size), its result is written as JSONL (one object per line, nested connection nodes on their own lines with
 * {@code __parentId}), served over HTTP, and {@code bulk_operations/finish} is sent when it completes.
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

    Map<String, Object> start(Shop shop, String query) {
        Map<String, Object> payload = new LinkedHashMap<>();
        ParseAndValidateResult validation = ParseAndValidate.parseAndValidate(schema.schema(),
                ExecutionInput.newExecutionInput(query).build());
        String problem = validation.isFailure() ? validation.getErrors().get(0).getMessage()
                : !query.contains("edges") && !query.contains("nodes")
                        ? "Bulk queries must contain at least one connection." : null;
        if (problem == null && shop.bulkOperations().stream().filter(op -> !op.finished()).count() >= CONCURRENT_LIMIT) {
            payload.put("bulkOperation", null);
            payload.put("userErrors", List.of(new UserError(List.of("query"),
                    "A bulk query operation for this app and shop is already in progress.", "OPERATION_IN_PROGRESS")));
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
        executor.execute(() -> run(shop, operation));
        payload.put("bulkOperation", operation);
        payload.put("userErrors", List.of());
        return payload;
    }

    private void run(Shop shop, BulkOperation operation) {
        List<String> lines = new ArrayList<>();
        int roots;
        synchronized (shop) {
            ExecutionResult result = schema.graphQL().execute(ExecutionInput.newExecutionInput(operation.query())
                    .graphQLContext(AdminSchema.context(shop, true, "2026-07")).build());
            Map<String, Object> data = result.getData();
            roots = 0;
            for (Object connection : data == null ? List.of() : data.values()) {
                roots += flatten(connection, null, lines);
            }
            byte[] jsonl = String.join("", lines).getBytes(StandardCharsets.UTF_8);
            results.put(String.valueOf(operation.legacyResourceId()), jsonl);
            operation.completed(resultUrl.apply(operation), lines.size(), roots, jsonl.length, shop.now());
            shop.emit("BULK_OPERATIONS_FINISH", shop.newEventId(), RestPayloads.bulkOperation(operation));
        }
    }

    /** Writes the nodes of a connection, then their nested connections' nodes; answers how many nodes it had. */
    @SuppressWarnings("unchecked")
    private static int flatten(Object connection, String parentId, List<String> lines) {
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
            Map<String, Object> line = new LinkedHashMap<>();
            Map<String, Object> children = new LinkedHashMap<>();
            node.forEach((key, value) -> {
                if (value instanceof Map<?, ?> v && (v.containsKey("edges") || v.containsKey("nodes"))) {
                    children.put(key, value);
                } else {
                    line.put(key, value);
                }
            });
            if (parentId != null) {
                line.put("__parentId", parentId);
            }
            lines.add(json(line) + "\n");
            children.values().forEach(child -> flatten(child, (String) node.get("id"), lines));
        }
        return nodes.size();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
