package wms.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Every setting has one default, in one place, and is read by one class (docs/architecture.md, "Settings"): the
 * default is the {@code defaultValue} of its variable in liberty/server.xml, which the server's application
 * properties map to the property the connector reads; Java names the property without a default; exactly one class
 * reads each property; docs/operations.md lists each variable with the same default.
 */
class SettingsTest {

    static final Pattern VARIABLE = Pattern.compile("<variable name=\"([^\"]+)\" defaultValue=\"([^\"]*)\"/>");
    private static final Pattern MAPPING =
            Pattern.compile("<property name=\"(wms\\.[^\"]+)\" value=\"\\$\\{([^}]+)}\"/>");
    static final Pattern DOCUMENTED = Pattern.compile("^\\| `([^`]+)` \\| ([^|]*) \\|", Pattern.MULTILINE);

    /**
     * Classes that read a property another class reads too, each with why. DemandLedger and RestockLedger read the
     * stock's first-push delay through ConfigProvider (with the default 300 written again) because the in-container
     * StockDemandIT deploys DemandLedger alone, without the application's properties or StockSettings; they are to
     * ask StockSettings once that test deploys it with the properties.
     */
    private static final Map<String, Set<String>> SECOND_READERS = Map.of(
            "wms.stock.first-push-delay-ms",
            Set.of("wms.shopify.stock.control.DemandLedger", "wms.shopify.stock.control.RestockLedger"));

    /**
     * Variables whose documented default says more than server.xml's value, each with why. DB_HOST: server.xml's
     * {@code localhost} is where the embedded PostgreSQL listens; what matters to the operator is that, unset in the
     * environment, the connector starts its own database ("unset: embedded").
     */
    private static final Map<String, String> DOCUMENTED_OTHERWISE = Map.of("DB_HOST", "unset: embedded");

    private static JavaClasses connector;
    private static String serverXml;
    private static String operations;

    @BeforeAll
    static void read() throws IOException {
        connector = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("wms.shopify");
        serverXml = Files.readString(Path.of("liberty/server.xml"));
        operations = Files.readString(Path.of("docs/operations.md"));
    }

    /** Property name → the classes whose fields read it. */
    private static Map<String, Set<String>> readers() {
        Map<String, Set<String>> readers = new TreeMap<>();
        for (JavaClass type : connector) {
            for (JavaField field : type.getFields()) {
                field.tryGetAnnotationOfType(ConfigProperty.class)
                        .ifPresent(property -> readers.computeIfAbsent(property.name(), name -> new TreeSet<>())
                                .add(type.getName()));
            }
        }
        return readers;
    }

    private static Map<String, String> mappings() {
        return firstTwoGroups(MAPPING, serverXml);
    }

    /** Each match's first group to its second, in order of the first (DeploymentManifestsTest reads the same files). */
    static Map<String, String> firstTwoGroups(Pattern pattern, String text) {
        Map<String, String> pairs = new TreeMap<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) {
            pairs.put(m.group(1), m.group(2));
        }
        return pairs;
    }

    @Test
    void javaNamesEveryPropertyWithoutADefault() {
        List<String> withDefault = new ArrayList<>();
        for (JavaClass type : connector) {
            for (JavaField field : type.getFields()) {
                field.tryGetAnnotationOfType(ConfigProperty.class)
                        .filter(property -> !property.defaultValue().equals(ConfigProperty.UNCONFIGURED_VALUE))
                        .ifPresent(property -> withDefault.add(field.getFullName() + " (" + property.name() + ")"));
            }
        }
        assertEquals(List.of(), withDefault, "the default belongs to the variable in liberty/server.xml");
    }

    @Test
    void eachPropertyIsReadByOneClass() {
        Map<String, Set<String>> shared = readers().entrySet().stream()
                .filter(e -> e.getValue().size() > 1)
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        assertEquals(Map.of(), shared, "one class reads a setting; the others ask it");
        List<String> throughProvider = connector.stream()
                .filter(type -> type.getDirectDependenciesFromSelf().stream()
                        .anyMatch(d ->
                                d.getTargetClass().getName().equals("org.eclipse.microprofile.config.ConfigProvider")))
                .map(JavaClass::getName)
                .filter(name -> SECOND_READERS.values().stream().noneMatch(known -> known.contains(name)))
                .toList();
        assertEquals(List.of(), throughProvider, "settings are injected into the one class that reads them");
    }

    @Test
    void everyPropertyReadIsMappedFromAVariableWithADefault() {
        Map<String, String> mappings = mappings();
        Map<String, String> variables = new TreeMap<>();
        Matcher m = VARIABLE.matcher(serverXml);
        while (m.find()) {
            variables.put(m.group(1), m.group(2));
        }
        Set<String> read = readers().keySet();
        assertEquals(
                new TreeSet<>(read),
                new TreeSet<>(mappings.keySet()),
                "every property read is mapped in server.xml's appProperties, and every mapping is read");
        mappings.forEach((property, variable) -> assertTrue(
                variables.containsKey(variable) || variable.equals("https.port"),
                property + " is mapped from " + variable + ", which has no default"));
    }

    @Test
    void operationsListsEachVariableWithItsDefault() {
        Map<String, String> documented = new TreeMap<>();
        Matcher m = DOCUMENTED.matcher(operations);
        while (m.find()) {
            documented.put(m.group(1), m.group(2).strip());
        }
        Matcher v = VARIABLE.matcher(serverXml);
        List<String> wrong = new ArrayList<>();
        Set<String> mapped = Set.copyOf(mappings().values());
        while (v.find()) {
            String name = v.group(1);
            String value = v.group(2);
            if (!mapped.contains(name)) {
                continue; // Liberty's own (ports, pools, passwords): operations.md describes them where they apply
            }
            String shown = documented.get(name);
            boolean same = shown != null
                    && (value.isEmpty()
                            ? shown.startsWith("unset")
                            : shown.equals("`" + value + "`") || shown.equals(DOCUMENTED_OTHERWISE.get(name)));
            if (!same) {
                wrong.add(name + ": server.xml " + (value.isEmpty() ? "(empty)" : value) + ", operations.md " + shown);
            }
        }
        assertEquals(List.of(), wrong, "docs/operations.md shows each setting's one default");
        assertFalse(documented.isEmpty(), "the settings table was found");
    }
}
