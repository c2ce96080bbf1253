package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Argument;
import graphql.language.ArrayValue;
import graphql.language.Document;
import graphql.language.Field;
import graphql.language.InlineFragment;
import graphql.language.IntValue;
import graphql.language.OperationDefinition;
import graphql.language.Selection;
import graphql.language.SelectionSet;
import graphql.language.Value;
import graphql.language.VariableReference;
import graphql.parser.Parser;
import graphql.schema.GraphQLFieldDefinition;
import graphql.schema.GraphQLFieldsContainer;
import graphql.schema.GraphQLList;
import graphql.schema.GraphQLNonNull;
import graphql.schema.GraphQLSchema;
import graphql.schema.GraphQLType;
import graphql.schema.GraphQLTypeUtil;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every GraphQL operation the connector sends (its {@code .graphql} resources), with realistic variables, costs in the
 * sandbox what Shopify's published calculation gives, computed here independently of {@link QueryCost} from the rules
 * as Shopify writes them (shopify.dev/docs/api/usage/rate-limits, "Cost calculation"): a scalar or enum 0, an object 1,
 * a connection 2 plus its {@code first}/{@code last} times the cost of one node, {@code nodes(ids:)} one object per id,
 * an interface or a union the costliest of its fragments, a mutation 10 plus its payload's selection (the costlier reading of a
 * rule Shopify does not publish; docs/sandbox.md).
 */
class ConnectorOperationsCostTest {

    private static final Path OPERATIONS = Path.of("src/main/resources/wms/shopify/adminapi/graphql");
    private static final GraphQLSchema SCHEMA = new AdminSchema(new BulkQueries(Runnable::run, op -> "")).schema();
    private static final String ID = "gid://shopify/Thing/1";

    /** Variables as the connector sends them at their largest: full pages, 100 ids, 250 quantities. */
    private static Map<String, Object> variables(String operation) {
        List<Map<String, Object>> quantities = Collections.nCopies(
                250,
                AdminClient.input("inventoryItemId", ID, "locationId", ID, "quantity", 5, "changeFromQuantity", null));
        List<Map<String, Object>> changes = Collections.nCopies(
                250,
                AdminClient.input("inventoryItemId", ID, "locationId", ID, "delta", 5, "changeFromQuantity", null));
        return switch (operation) {
            case "BulkOperationStatus",
                    "Order",
                    "OrderFulfillments",
                    "FulfillmentOrderPlace",
                    "Return",
                    "ReturnClose",
                    "WebhookSubscriptionDelete" -> Map.of("id", ID);
            case "FulfillmentOrderHold" ->
                Map.of("id", ID, "fulfillmentHold", Map.of("reason", "INCORRECT_ADDRESS", "handle", "wms-connector"));
            case "FulfillmentOrderReleaseHold" -> Map.of("id", ID, "holdIds", List.of(ID));
            case "LocationAvailable", "LocationInventoryLevels" -> Map.of("location", ID, "after", "cursor");
            case "OrderLineItems",
                    "OrderFulfillmentOrders",
                    "FulfillmentOrderLineItems",
                    "FulfillmentLineItems",
                    "ReturnLineItems",
                    "ReverseFulfillmentOrderLineItems" -> Map.of("id", ID, "after", "cursor");
            case "Locations", "ProductVariants", "WebhookSubscriptions" -> Map.of("after", "cursor");
            case "OrdersUpdatedSince" -> Map.of("query", "updated_at:>'2026-12-01T00:00:00Z'", "after", "cursor");
            case "ProductVariantsCount" -> Map.of("limit", 10000);
            case "StockLevels" -> Map.of("ids", Collections.nCopies(100, ID), "location", ID);
            case "InventorySet" ->
                Map.of(
                        "idempotencyKey",
                        "k",
                        "input",
                        Map.of(
                                "name",
                                "available",
                                "reason",
                                "correction",
                                "referenceDocumentUri",
                                "gid://wms/StockSync/1",
                                "quantities",
                                quantities));
            case "InventoryAdjust" ->
                Map.of(
                        "idempotencyKey",
                        "k",
                        "input",
                        Map.of(
                                "name",
                                "available",
                                "reason",
                                "correction",
                                "referenceDocumentUri",
                                "gid://wms/StockSync/1",
                                "changes",
                                changes));
            case "InventorySetWithSafetyStock", "InventoryAdjustWithSafetyStock", "InventorySafetyStock" -> {
                Map<String, Object> both = new java.util.HashMap<>();
                Map<String, Object> safety = Map.of(
                        "name",
                        "safety_stock",
                        "reason",
                        "safety_stock",
                        "referenceDocumentUri",
                        "gid://wms/StockSync/1",
                        "changes",
                        changes);
                both.put("safetyStockKey", "k:safety_stock");
                both.put("safetyStock", safety);
                if (!operation.equals("InventorySafetyStock")) {
                    boolean set = operation.equals("InventorySetWithSafetyStock");
                    both.put("idempotencyKey", "k");
                    both.put(
                            "input",
                            Map.of(
                                    "name",
                                    "available",
                                    "reason",
                                    "correction",
                                    "referenceDocumentUri",
                                    "gid://wms/StockSync/1",
                                    set ? "quantities" : "changes",
                                    set ? quantities : changes));
                }
                yield both;
            }
            case "FulfillmentCreate" ->
                Map.of("fulfillment", Map.of("lineItemsByFulfillmentOrder", List.of(Map.of("fulfillmentOrderId", ID))));
            case "FulfillmentTrackingInfoUpdate" ->
                Map.of("fulfillmentId", ID, "trackingInfoInput", Map.of("number", "1Z999"), "notifyCustomer", true);
            case "ReturnCreate" ->
                Map.of(
                        "returnInput",
                        Map.of(
                                "orderId",
                                ID,
                                "returnLineItems",
                                List.of(Map.of("fulfillmentLineItemId", ID, "quantity", 1))));
            case "ReturnProcess" ->
                Map.of(
                        "input",
                        Map.of(
                                "returnId",
                                ID,
                                "returnLineItems",
                                List.of(Map.of(
                                        "id",
                                        ID,
                                        "quantity",
                                        1,
                                        "dispositions",
                                        List.of(Map.of(
                                                "reverseFulfillmentOrderLineItemId",
                                                ID,
                                                "quantity",
                                                1,
                                                "dispositionType",
                                                "RESTOCKED",
                                                "locationId",
                                                ID)))),
                                "financialTransfer",
                                Map.of(
                                        "issueRefund",
                                        Map.of(
                                                "orderTransactions",
                                                List.of(Map.of(
                                                        "transactionAmount",
                                                        Map.of("amount", "19.80", "currencyCode", "USD"),
                                                        "parentId",
                                                        ID))))));
            case "ReturnRefundSuggestion" ->
                Map.of("id", ID, "lines", Collections.nCopies(50, Map.of("id", ID, "quantity", 1)));
            case "WebhookSubscriptionCreate" ->
                Map.of(
                        "topic",
                        "ORDERS_CREATE",
                        "subscription",
                        Map.of("uri", "https://wms.example.com/shopify/webhooks"));
            case "FulfillmentServiceCreate" ->
                Map.of(
                        "name",
                        "WMS warehouse",
                        "callbackUrl",
                        "https://wms.example.com/shopify/webhooks/fulfillment-service");
            case "FulfillmentServiceDelete" ->
                Map.of("id", ID, "destinationLocationId", ID, "inventoryAction", "TRANSFER");
            case "AssignedFulfillmentOrders" ->
                Map.of("assignmentStatus", "FULFILLMENT_REQUESTED", "locationIds", List.of(ID), "after", "cursor");
            case "FulfillmentOrderAcceptFulfillmentRequest",
                    "FulfillmentOrderAcceptCancellationRequest",
                    "FulfillmentOrderRejectCancellationRequest" -> Map.of("id", ID, "message", "m");
            case "FulfillmentOrderRejectFulfillmentRequest" ->
                Map.of("id", ID, "reason", "INVENTORY_OUT_OF_STOCK", "message", "m");
            default -> Map.of();
        };
    }

    @Test
    void everyOperationOfTheConnectorCostsWhatShopifysRulesGive() throws Exception {
        QueryCost sandbox = new QueryCost(SCHEMA);
        Map<String, String> figures = new TreeMap<>();
        List<Path> files;
        try (Stream<Path> listed = Files.list(OPERATIONS)) {
            files = listed.filter(p -> p.toString().endsWith(".graphql"))
                    .sorted()
                    .toList();
        }
        assertTrue(files.size() >= 20, "the connector's operations: " + files);
        for (Path file : files) {
            String name = file.getFileName().toString().replace(".graphql", "");
            Document document = Parser.parse(Files.readString(file));
            Map<String, Object> variables = variables(name);
            int expected = new Rules(variables)
                    .operation(document.getDefinitionsOfType(OperationDefinition.class)
                            .get(0));
            int actual = sandbox.requested(sandbox.normalize(document, name, variables));
            figures.put(name, expected + " / " + actual);
            assertEquals(expected, actual, name + " (Shopify's rules / sandbox)");
        }
        // The figures, for docs/sandbox.md and whoever tunes the connector's pacing.
        figures.forEach((name, pair) -> System.out.println("requested cost " + name + ": " + pair));
    }

    @Test
    void theRulesHereAgreeWithFiguresWorkedByHand() {
        // One page of 100 locations: 2 + 100 x 1.
        assertEquals(102, new Rules(Map.of()).operation(parse("{ locations(first: 100) { nodes { id name } } }")));
        // 100 ids x (item 1 + level 1 + quantities list 1).
        assertEquals(
                300,
                new Rules(Map.of())
                        .operation(parse("{ nodes(ids: [" + String.join(",", Collections.nCopies(100, "\"" + ID + "\""))
                                + "]) { ... on InventoryItem { inventoryLevel(locationId: "
                                + "\"x\") { quantities(names: [\"available\"]) { quantity } } } } }")));
        // 10 + return 1 + userErrors 1.
        assertEquals(
                12,
                new Rules(Map.of())
                        .operation(parse(
                                "mutation { returnClose(id: \"x\") { return { id } " + "userErrors { message } } }")));
    }

    @Test
    void theAnswerCarriesEveryCostFieldShopifySendsAndTheActualCostRefundsTheRest() throws Exception {
        MutableClock clock = new MutableClock(java.time.Instant.parse("2026-12-07T00:00:00Z"));
        try (ShopifySandbox sandbox =
                ShopifySandbox.start(SandboxSettings.defaults().withClock(clock))) {
            Shop shop = sandbox.createShop("cost.myshopify.com", Plan.STANDARD);
            Location warehouse = shop.addLocation("Main warehouse");
            shop.addProduct("T-shirt", "TS-S");
            shop.stock("TS-S", warehouse, 5);
            List<String> ids = new java.util.ArrayList<>(Collections.nCopies(99, "gid://shopify/InventoryItem/1"));
            ids.add(shop.item("TS-S").id());
            com.fasterxml.jackson.databind.JsonNode answer = new AdminClient(
                            sandbox, shop, sandbox.issueAccessToken(shop))
                    .graphQl(
                            Files.readString(OPERATIONS.resolve("StockLevels.graphql")),
                            Map.of("ids", ids, "location", warehouse.id()));
            com.fasterxml.jackson.databind.JsonNode cost = answer.at("/extensions/cost");
            assertEquals(300, cost.get("requestedQueryCost").asInt());
            // Only one id names an item: item 1 + level 1 + quantities 1.
            assertEquals(3, cost.get("actualQueryCost").asInt());
            assertEquals(2000.0, cost.at("/throttleStatus/maximumAvailable").asDouble());
            assertEquals(1997, cost.at("/throttleStatus/currentlyAvailable").asInt());
            assertEquals(100.0, cost.at("/throttleStatus/restoreRate").asDouble());
        }
    }

    private static OperationDefinition parse(String text) {
        return Parser.parse(text)
                .getDefinitionsOfType(OperationDefinition.class)
                .get(0);
    }

    /** Shopify's published cost rules, walked over the operation's syntax tree. */
    private record Rules(Map<String, Object> variables) {

        int operation(OperationDefinition operation) {
            boolean mutation = operation.getOperation() == OperationDefinition.Operation.MUTATION;
            GraphQLFieldsContainer root = mutation ? SCHEMA.getMutationType() : SCHEMA.getQueryType();
            int total = 0;
            for (Selection<?> selection : operation.getSelectionSet().getSelections()) {
                Field field = (Field) selection;
                GraphQLFieldDefinition definition = root.getFieldDefinition(field.getName());
                GraphQLFieldsContainer payload =
                        (GraphQLFieldsContainer) GraphQLTypeUtil.unwrapAll(definition.getType());
                total += mutation ? 10 + selection(field.getSelectionSet(), payload) : field(field, definition);
            }
            return total;
        }

        private int field(Field field, GraphQLFieldDefinition definition) {
            GraphQLType type = definition.getType();
            GraphQLType named = GraphQLTypeUtil.unwrapAll(type);
            if (named instanceof graphql.schema.GraphQLUnionType) {
                return 1 + selection(field.getSelectionSet(), null); // an object: its costliest fragment
            }
            if (!(named instanceof GraphQLFieldsContainer container)) {
                return 0; // scalar or enum
            }
            if (container.getName().endsWith("Connection")) {
                int size = number(field, "first", number(field, "last", 0));
                int node = 0;
                for (Selection<?> s : field.getSelectionSet().getSelections()) {
                    Field child = (Field) s;
                    GraphQLFieldsContainer nodeType = (GraphQLFieldsContainer) GraphQLTypeUtil.unwrapAll(
                            container.getFieldDefinition(child.getName()).getType());
                    if (child.getName().equals("nodes")) {
                        node += 1 + selection(child.getSelectionSet(), nodeType);
                    } else if (child.getName().equals("edges")) {
                        for (Selection<?> e : child.getSelectionSet().getSelections()) {
                            Field edgeField = (Field) e;
                            if (edgeField.getName().equals("node")) {
                                node += 1
                                        + selection(edgeField.getSelectionSet(), (GraphQLFieldsContainer)
                                                GraphQLTypeUtil.unwrapAll(nodeType.getFieldDefinition("node")
                                                        .getType()));
                            }
                        }
                    }
                }
                return 2 + size * node;
            }
            int one = 1 + selection(field.getSelectionSet(), container);
            GraphQLType list = type instanceof GraphQLNonNull nn ? nn.getWrappedType() : type;
            if (list instanceof GraphQLList) {
                Value<?> ids = argument(field, "ids");
                int count = ids instanceof ArrayValue array
                        ? array.getValues().size()
                        : ids instanceof VariableReference ref
                                ? ((List<?>) variables.get(ref.getName())).size()
                                : number(field, "first", 1);
                return count * one;
            }
            return one;
        }

        /** The fields of a selection on a type, plus the costliest of its inline fragments. */
        private int selection(SelectionSet set, GraphQLFieldsContainer type) {
            if (set == null) {
                return 0;
            }
            int fields = 0;
            int costliestFragment = 0;
            for (Selection<?> s : set.getSelections()) {
                if (s instanceof Field f) {
                    if (!f.getName().startsWith("__")) {
                        fields += field(f, type.getFieldDefinition(f.getName()));
                    }
                } else if (s instanceof InlineFragment fragment) {
                    GraphQLFieldsContainer on = (GraphQLFieldsContainer)
                            SCHEMA.getType(fragment.getTypeCondition().getName());
                    costliestFragment = Math.max(costliestFragment, selection(fragment.getSelectionSet(), on));
                }
            }
            return fields + costliestFragment;
        }

        private Value<?> argument(Field field, String name) {
            return field.getArguments().stream()
                    .filter(a -> a.getName().equals(name))
                    .map(Argument::getValue)
                    .findFirst()
                    .orElse(null);
        }

        private int number(Field field, String name, int otherwise) {
            Value<?> value = argument(field, name);
            if (value instanceof IntValue i) {
                return i.getValue().intValue();
            }
            if (value instanceof VariableReference ref && variables.get(ref.getName()) instanceof Integer n) {
                return n;
            }
            return otherwise;
        }
    }
}
