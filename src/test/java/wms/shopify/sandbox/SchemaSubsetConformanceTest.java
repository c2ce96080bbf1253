package wms.shopify.sandbox;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import graphql.language.AstPrinter;
import graphql.language.Document;
import graphql.language.EnumTypeDefinition;
import graphql.language.EnumValueDefinition;
import graphql.language.FieldDefinition;
import graphql.language.ImplementingTypeDefinition;
import graphql.language.InputObjectTypeDefinition;
import graphql.language.InputValueDefinition;
import graphql.language.NonNullType;
import graphql.language.ScalarTypeDefinition;
import graphql.language.Type;
import graphql.language.TypeDefinition;
import graphql.language.TypeName;
import graphql.language.UnionTypeDefinition;
import graphql.parser.Parser;
import graphql.parser.ParserEnvironment;
import graphql.parser.ParserOptions;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The sandbox's schema is a true subset of Shopify's real 2026-07 Admin schema: every type, field, argument, input
 * field, enum value, union member and interface it declares exists in the real schema with the same type (nullability
 * and list wrapping included) and default, and no argument or input field that the real schema requires is left out.
 */
class SchemaSubsetConformanceTest {

    /** The real schema, parsed once per test JVM (3.8 MB: the parser's default limits must be raised). */
    static final class RealSchema {
        static final TypeDefinitionRegistry REGISTRY = parse();

        private static TypeDefinitionRegistry parse() {
            try {
                String sdl = Files.readString(SharedDir.file("shopify/schema/admin-2026-07.graphql"));
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
                return new SchemaParser().buildRegistry(document);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private final TypeDefinitionRegistry real = RealSchema.REGISTRY;
    private final TypeDefinitionRegistry subset = new SchemaParser().parse(AdminSchema.sdl());
    private final List<String> violations = new ArrayList<>();

    @Test
    void everyDeclarationOfTheSubsetIsDeclaredIdenticallyInTheRealSchema() {
        subset.types().values().forEach(this::checkType);
        subset.scalars().values().stream()
                .filter(s -> !isBuiltIn(s.getName()))
                .filter(s -> real.scalars().get(s.getName()) == null)
                .forEach(s -> violations.add("scalar " + s.getName() + " is not in the real schema"));
        assertTrue(
                violations.isEmpty(),
                () -> "The schema subset departs from Shopify's 2026-07 schema:\n  " + String.join("\n  ", violations));
    }

    @Test
    void inventoryUserErrorMessagesAreTheDescriptionsOfTheirCodesInTheRealSchema() {
        for (InventoryWrites.Kind kind : InventoryWrites.Kind.values()) {
            Map<String, String> descriptions =
                    real
                            .getType(kind.codeEnum, EnumTypeDefinition.class)
                            .orElseThrow()
                            .getEnumValueDefinitions()
                            .stream()
                            .collect(Collectors.toMap(
                                    EnumValueDefinition::getName,
                                    v -> v.getDescription().getContent().trim()));
            kind.messages.forEach(
                    (code, message) -> assertEquals(descriptions.get(code), message, kind.codeEnum + "." + code));
        }
    }

    @Test
    void rootTypesAndTheIdempotentDirectiveAreShopifys() {
        assertEquals(
                real.schemaDefinition().map(AstPrinter::printAst),
                subset.schemaDefinition().map(AstPrinter::printAst));
        assertEquals(
                print(real.getDirectiveDefinition("idempotent").orElseThrow().getInputValueDefinitions()),
                print(subset.getDirectiveDefinition("idempotent").orElseThrow().getInputValueDefinitions()));
        assertEquals(
                real.getDirectiveDefinition("idempotent")
                        .orElseThrow()
                        .getDirectiveLocations()
                        .toString(),
                subset.getDirectiveDefinition("idempotent")
                        .orElseThrow()
                        .getDirectiveLocations()
                        .toString());
    }

    @Test
    void theSubsetServesEveryOperationTheConnectorNeeds() {
        List<String> queries = List.of(
                "shop",
                "location",
                "locations",
                "products",
                "productVariants",
                "inventoryItems",
                "inventoryItem",
                "orders",
                "order",
                "fulfillmentOrders",
                "return",
                "webhookSubscriptions",
                "bulkOperation");
        List<String> mutations = List.of(
                "inventorySetQuantities",
                "inventoryAdjustQuantities",
                "fulfillmentCreate",
                "returnCreate",
                "returnRequest",
                "returnApproveRequest",
                "reverseFulfillmentOrderDispose",
                "returnProcess",
                "returnClose",
                "webhookSubscriptionCreate",
                "webhookSubscriptionDelete",
                "bulkOperationRunQuery");
        assertTrue(fieldNames("QueryRoot").containsAll(queries), () -> "missing queries in " + fieldNames("QueryRoot"));
        assertTrue(
                fieldNames("Mutation").containsAll(mutations), () -> "missing mutations in " + fieldNames("Mutation"));
    }

    private List<String> fieldNames(String type) {
        return ((ImplementingTypeDefinition<?>) subset.getType(type).orElseThrow())
                .getFieldDefinitions().stream().map(FieldDefinition::getName).toList();
    }

    private void checkType(TypeDefinition<?> mine) {
        String name = mine.getName();
        Optional<TypeDefinition> theirs = real.getType(name);
        if (theirs.isEmpty()) {
            violations.add("type " + name + " is not in the real schema");
            return;
        }
        TypeDefinition<?> shopify = theirs.get();
        if (shopify.getClass() != mine.getClass()) {
            violations.add("type " + name + " is a " + mine.getClass().getSimpleName() + " here but a "
                    + shopify.getClass().getSimpleName() + " in the real schema");
            return;
        }
        if (mine instanceof ImplementingTypeDefinition<?> object) {
            ImplementingTypeDefinition<?> real = (ImplementingTypeDefinition<?>) shopify;
            List<String> interfaces = names(real.getImplements());
            names(object.getImplements()).stream()
                    .filter(i -> !interfaces.contains(i))
                    .forEach(i -> violations.add(name + " implements " + i + " only here"));
            Map<String, FieldDefinition> fields = byName(real.getFieldDefinitions(), FieldDefinition::getName);
            for (FieldDefinition field : object.getFieldDefinitions()) {
                FieldDefinition shopifyField = fields.get(field.getName());
                String where = name + "." + field.getName();
                if (shopifyField == null) {
                    violations.add("field " + where + " is not in the real schema");
                    continue;
                }
                sameType(where, field.getType(), shopifyField.getType());
                inputValues(
                        where, field.getInputValueDefinitions(), shopifyField.getInputValueDefinitions(), "argument");
            }
        } else if (mine instanceof InputObjectTypeDefinition input) {
            inputValues(
                    name,
                    input.getInputValueDefinitions(),
                    ((InputObjectTypeDefinition) shopify).getInputValueDefinitions(),
                    "input field");
        } else if (mine instanceof EnumTypeDefinition enumType) {
            List<String> values = ((EnumTypeDefinition) shopify)
                    .getEnumValueDefinitions().stream()
                            .map(EnumValueDefinition::getName)
                            .toList();
            enumType.getEnumValueDefinitions().stream()
                    .map(EnumValueDefinition::getName)
                    .filter(v -> !values.contains(v))
                    .forEach(v -> violations.add("enum value " + name + "." + v + " is not in the real schema"));
        } else if (mine instanceof UnionTypeDefinition union) {
            List<String> members = names(((UnionTypeDefinition) shopify).getMemberTypes());
            names(union.getMemberTypes()).stream()
                    .filter(m -> !members.contains(m))
                    .forEach(m -> violations.add("union member " + name + "." + m + " is not in the real schema"));
        } else if (!(mine instanceof ScalarTypeDefinition)) {
            violations.add("type " + name + " is of a kind this test does not check");
        }
    }

    private void inputValues(
            String where, List<InputValueDefinition> mine, List<InputValueDefinition> shopify, String kind) {
        Map<String, InputValueDefinition> theirs = byName(shopify, InputValueDefinition::getName);
        for (InputValueDefinition value : mine) {
            InputValueDefinition real = theirs.get(value.getName());
            String at = where + "(" + value.getName() + ")";
            if (real == null) {
                violations.add(kind + " " + at + " is not in the real schema");
                continue;
            }
            sameType(at, value.getType(), real.getType());
            String myDefault = value.getDefaultValue() == null ? null : AstPrinter.printAst(value.getDefaultValue());
            String realDefault = real.getDefaultValue() == null ? null : AstPrinter.printAst(real.getDefaultValue());
            if (!Objects.equals(myDefault, realDefault)) {
                violations.add(kind + " " + at + " defaults to " + myDefault + " here but " + realDefault
                        + " in the real schema");
            }
        }
        List<String> declared = mine.stream().map(InputValueDefinition::getName).toList();
        shopify.stream()
                .filter(v -> v.getType() instanceof NonNullType && v.getDefaultValue() == null)
                .filter(v -> !declared.contains(v.getName()))
                .forEach(v -> violations.add("required " + kind + " " + where + "(" + v.getName() + ") is missing"));
    }

    private void sameType(String where, Type<?> mine, Type<?> shopify) {
        if (!AstPrinter.printAst(mine).equals(AstPrinter.printAst(shopify))) {
            violations.add(where + " is " + AstPrinter.printAst(mine) + " here but " + AstPrinter.printAst(shopify)
                    + " in the real schema");
        }
    }

    private static List<String> names(List<Type> types) {
        return types.stream().map(t -> ((TypeName) t).getName()).toList();
    }

    private static <T> Map<String, T> byName(List<T> items, Function<T, String> name) {
        return items.stream().collect(Collectors.toMap(name, Function.identity(), (a, b) -> a));
    }

    private static String print(List<InputValueDefinition> values) {
        return values.stream()
                .map(v -> v.getName() + ":" + AstPrinter.printAst(v.getType()))
                .collect(Collectors.joining(","));
    }

    private static boolean isBuiltIn(String scalar) {
        return List.of("String", "Int", "Float", "Boolean", "ID").contains(scalar);
    }
}
