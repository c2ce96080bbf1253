package wms.shopify.sandbox;

import graphql.execution.RawVariables;
import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.normalized.ExecutableNormalizedField;
import graphql.normalized.ExecutableNormalizedOperation;
import graphql.normalized.ExecutableNormalizedOperationFactory;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLOutputType;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Shopify's calculated query cost. Scalars and enums cost 0, objects 1, interfaces and unions the most expensive of
 * their possible selections, connections 2 plus their page size ({@code first} or {@code last}) times the cost of one
 * node, nested connections multiplying through, {@code nodes(ids:)} one node per id; every mutation field costs 10
 * plus its payload's selection. The requested cost is computed before execution from the arguments; the actual cost
 * after it, from the objects and nodes really returned.
 */
public final class QueryCost {

    public static final int MUTATION_COST = 10;
    public static final int SINGLE_QUERY_LIMIT = 1000;
    private static final int CONNECTION_BASE = 2;

    private final GraphQLSchema schema;

    public QueryCost(GraphQLSchema schema) {
        this.schema = schema;
    }

    /** The normalized operation that both costs are computed from. */
    ExecutableNormalizedOperation normalize(Document document, String operationName, Map<String, Object> variables) {
        return ExecutableNormalizedOperationFactory.createExecutableNormalizedOperationWithRawVariables(
                schema, document, operationName, RawVariables.of(variables == null ? Map.of() : variables));
    }

    public int requested(ExecutableNormalizedOperation operation) {
        return cost(operation, null, false);
    }

    /** {@code data} is the response's {@code data} (null when execution produced none). */
    public int actual(ExecutableNormalizedOperation operation, Map<String, Object> data) {
        return cost(operation, data, true);
    }

    private int cost(ExecutableNormalizedOperation operation, Map<String, Object> data, boolean actual) {
        if (operation.getOperation() == OperationDefinition.Operation.MUTATION) {
            // Shopify publishes a flat 10 per mutation but not whether the payload's selection is added: the costlier
            // reading, 10 plus the selection as a query would be charged, is taken (docs/sandbox.md).
            int total = 0;
            for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
                Object payload = actual && data != null ? data.get(field.getResultKey()) : null;
                total += MUTATION_COST + (actual && payload == null ? 0 : objectCost(field, payload, actual) - 1);
            }
            return total;
        }
        int total = 0;
        for (ExecutableNormalizedField field : operation.getTopLevelFields()) {
            if (actual && data == null) {
                continue;
            }
            total += fieldCost(field, actual ? data.get(field.getResultKey()) : null, actual);
        }
        return total;
    }

    private int fieldCost(ExecutableNormalizedField field, Object value, boolean actual) {
        GraphQLOutputType type = field.getType(schema);
        GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
        if (GraphQLTypeUtil.isLeaf(named) || (actual && value == null)) {
            return 0;
        }
        if (GraphQLTypeUtil.simplePrint(named).endsWith("Connection")) {
            return connectionCost(field, value, actual);
        }
        if (isList(type)) {
            if (actual) {
                return ((List<?>) value)
                        .stream()
                                .mapToInt(element -> objectCost(field, element, true))
                                .sum();
            }
            // nodes(ids:) is charged per id asked for; another list by its first, else as one element.
            Object ids = field.getResolvedArguments().get("ids");
            Object first = field.getResolvedArguments().get("first");
            int size = ids instanceof List<?> list ? list.size() : first instanceof Integer n ? n : 1;
            return size * objectCost(field, null, false);
        }
        return objectCost(field, value, actual);
    }

    private int connectionCost(ExecutableNormalizedField connection, Object value, boolean actual) {
        int nodes = 0;
        for (ExecutableNormalizedField child : connection.getChildren()) {
            if (child.getName().equals("edges")) {
                for (ExecutableNormalizedField node : child.getChildren()) {
                    if (node.getName().equals("node")) {
                        nodes += actual ? edgeNodes(value, child, node) : objectCost(node, null, false);
                    }
                }
            } else if (child.getName().equals("nodes")) {
                nodes += actual ? listCost(value, child) : objectCost(child, null, false);
            }
        }
        if (actual) {
            return CONNECTION_BASE + nodes;
        }
        Object size = connection.getResolvedArguments().get("first");
        if (size == null) {
            size = connection.getResolvedArguments().get("last");
        }
        return CONNECTION_BASE + (size instanceof Integer n ? n : 0) * nodes;
    }

    private int edgeNodes(Object connection, ExecutableNormalizedField edges, ExecutableNormalizedField node) {
        Object list = connection instanceof Map<?, ?> m ? m.get(edges.getResultKey()) : null;
        if (!(list instanceof List<?> items)) {
            return 0;
        }
        return items.stream()
                .mapToInt(edge ->
                        objectCost(node, edge instanceof Map<?, ?> e ? e.get(node.getResultKey()) : null, true))
                .sum();
    }

    private int listCost(Object connection, ExecutableNormalizedField nodes) {
        Object list = connection instanceof Map<?, ?> m ? m.get(nodes.getResultKey()) : null;
        return list instanceof List<?> items
                ? items.stream().mapToInt(n -> objectCost(nodes, n, true)).sum()
                : 0;
    }

    /** 1 for the object itself plus its selections; for an abstract type, the costliest of its possible types. */
    private int objectCost(ExecutableNormalizedField field, Object value, boolean actual) {
        if (actual && value == null) {
            return 0;
        }
        Set<String> typeNames = new LinkedHashSet<>();
        field.getChildren().forEach(c -> typeNames.addAll(c.getObjectTypeNames()));
        int most = 0;
        for (String typeName : typeNames) {
            int sum = 0;
            for (ExecutableNormalizedField child : field.getChildren()) {
                if (child.getObjectTypeNames().contains(typeName)) {
                    sum += fieldCost(
                            child, actual && value instanceof Map<?, ?> m ? m.get(child.getResultKey()) : null, actual);
                }
            }
            most = Math.max(most, sum);
        }
        return 1 + most;
    }

    private static boolean isList(GraphQLType type) {
        GraphQLType t = type instanceof GraphQLNonNull nonNull ? nonNull.getWrappedType() : type;
        return t instanceof GraphQLList;
    }
}
