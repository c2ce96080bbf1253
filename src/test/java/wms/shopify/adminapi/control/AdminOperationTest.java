package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.Document;
import graphql.language.OperationDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.validation.ValidationError;
import graphql.validation.Validator;
import java.nio.file.Files;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.TestVectors;

/** Every GraphQL document the connector sends is valid against Shopify's real Admin schema of the pinned version. */
class AdminOperationTest {

    private static GraphQLSchema schema;

    @BeforeAll
    static void parseTheRealSchemaOnce() throws Exception {
        String sdl = Files.readString(TestVectors.shared("shopify/schema/admin-2026-07.graphql"));
        ParserOptions options = ParserOptions.newParserOptions()
                .maxTokens(Integer.MAX_VALUE)
                .maxCharacters(Integer.MAX_VALUE)
                .maxWhitespaceTokens(Integer.MAX_VALUE)
                .maxRuleDepth(Integer.MAX_VALUE)
                .build();
        Document document = new Parser()
                .parseDocument(ParserEnvironment.newParserEnvironment()
                        .document(sdl)
                        .parserOptions(options)
                        .build());
        schema = new SchemaGenerator()
                .makeExecutableSchema(new SchemaParser().buildRegistry(document), RuntimeWiring.MOCKED_WIRING);
    }

    @Test
    void everyOperationValidatesAgainstTheAdminSchema() {
        for (AdminOperation operation : AdminOperation.values()) {
            Document document = Parser.parse(operation.document());
            List<ValidationError> errors = new Validator().validateDocument(schema, document, Locale.ENGLISH);
            assertTrue(errors.isEmpty(), operation + ": " + errors);
            OperationDefinition definition =
                    (OperationDefinition) document.getDefinitions().get(0);
            assertEquals(operation.operationName(), definition.getName(), "the file is named after its operation");
        }
    }

    @Test
    void theBulkReadsQueryIsValidTooAndWithinShopifysBulkLimits() {
        Document mutation = Parser.parse(AdminOperation.BULK_VARIANTS.document());
        graphql.language.Field run = (graphql.language.Field)
                ((OperationDefinition) mutation.getDefinitions().get(0))
                        .getSelectionSet()
                        .getSelections()
                        .get(0);
        String query = ((graphql.language.StringValue) run.getArguments().stream()
                        .filter(argument -> argument.getName().equals("query"))
                        .findFirst()
                        .orElseThrow()
                        .getValue())
                .getValue();
        Document bulk = Parser.parse(query);
        List<ValidationError> errors = new Validator().validateDocument(schema, bulk, Locale.ENGLISH);
        assertTrue(errors.isEmpty(), "the bulk query: " + errors);
        // "up to five connections with a maximum nesting depth of two levels" (bulkOperationRunQuery's description)
        List<Integer> depths = new java.util.ArrayList<>();
        connections(((OperationDefinition) bulk.getDefinitions().get(0)).getSelectionSet(), 0, depths);
        assertEquals(List.of(1, 2), depths, "productVariants, and inventoryLevels inside it");
    }

    /** The nesting depth of every connection (a field selecting edges or nodes) under the selection set. */
    private static void connections(graphql.language.SelectionSet selections, int depth, List<Integer> depths) {
        if (selections == null) {
            return;
        }
        for (graphql.language.Selection<?> selection : selections.getSelections()) {
            graphql.language.Field field = (graphql.language.Field) selection;
            boolean connection = field.getSelectionSet() != null
                    && field.getSelectionSet().getSelections().stream()
                            .anyMatch(s -> List.of("edges", "nodes").contains(((graphql.language.Field) s).getName()));
            if (connection) {
                depths.add(depth + 1);
            }
            connections(field.getSelectionSet(), connection ? depth + 1 : depth, depths);
        }
    }

    @Test
    void everySubscribedTopicExistsInTheSchema() {
        var topics = schema.getType("WebhookSubscriptionTopic");
        for (String topic : wms.shopify.stores.control.WebhookSubscriptions.TOPICS) {
            assertTrue(((graphql.schema.GraphQLEnumType) topics).getValue(topic) != null, topic);
        }
    }
}
