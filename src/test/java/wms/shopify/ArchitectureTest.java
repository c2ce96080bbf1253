package wms.shopify;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaField;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.Published;

/**
 * The rules that keep the package layout what docs/architecture.md says it is ("Rules the build checks"): components
 * without cycles, entity below control below boundary, a platform that knows no component, components that reach
 * each other only through what they publish, and views, requests and events each in their one place. The connector's
 * own classes are read (not the tests); a rule that fails names the class and the dependency.
 */
class ArchitectureTest {

    private static final String ROOT = "wms.shopify.";
    private static final String PLATFORM = "platform";

    /**
     * Uses of another component that must stay for now, each with why: "fromComponent -> target class". Empty
     * today; an entry is a debt to pay, never a way to silence a new use.
     */
    private static final Set<String> KNOWN_EXCEPTIONS = Set.of();

    /**
     * Events fired by another component than the one whose entity package holds them: "firing class -> event".
     * Empty today (OrderFiltersChanged moved to orders.entity when orders became the only one saving the filters).
     */
    private static final Set<String> EVENTS_FIRED_ELSEWHERE = Set.of();

    private static JavaClasses connector;

    @BeforeAll
    static void readTheConnector() {
        connector = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("wms.shopify");
    }

    @Test
    void componentsHaveNoCycles() {
        slices().matching("wms.shopify.(*)..").should().beFreeOfCycles().check(connector);
    }

    /**
     * A field whose type is a bean the container makes (or one of its handles: Instance, Event) is the container's
     * to set: without {@code @Inject} it stays null and the first call through it fails (a merge once dropped the
     * annotation of WebhookEndpoint.callbacks, and Shopify's fetch_tracking_numbers answered 500).
     */
    @Test
    void fieldsOfBeanTypesAreInjected() {
        Set<String> scopes = Set.of(
                "jakarta.enterprise.context.ApplicationScoped",
                "jakarta.enterprise.context.RequestScoped",
                "jakarta.enterprise.context.SessionScoped",
                "jakarta.enterprise.context.Dependent",
                "jakarta.faces.view.ViewScoped",
                "jakarta.ejb.Singleton",
                "jakarta.ejb.Stateless");
        DescribedPredicate<JavaField> ofABeanType = DescribedPredicate.describe(
                "of a bean type, Instance or Event",
                field -> !field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.STATIC)
                        && !field.getModifiers().contains(com.tngtech.archunit.core.domain.JavaModifier.FINAL)
                        && (field.getRawType().isEquivalentTo(jakarta.enterprise.inject.Instance.class)
                                || field.getRawType().isEquivalentTo(jakarta.enterprise.event.Event.class)
                                || scopes.stream().anyMatch(field.getRawType()::isAnnotatedWith)));
        com.tngtech.archunit.lang.syntax.ArchRuleDefinition.fields()
                .that(ofABeanType)
                .should()
                .beAnnotatedWith(jakarta.inject.Inject.class)
                .because("the container sets only what is marked @Inject; an unmarked field stays null")
                .check(connector);
    }

    /** docs/testing.md: every test passes alone and in any order, so no class may tie its tests by an order. */
    @Test
    void noTestClassTiesItsTestsByOrder() {
        JavaClasses tests = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.ONLY_INCLUDE_TESTS)
                .importPackages("wms.shopify");
        noClasses()
                .should()
                .beAnnotatedWith(org.junit.jupiter.api.TestMethodOrder.class)
                .because("a test that needs another to run first does not stand alone (docs/testing.md)")
                .check(tests);
    }

    @Test
    void entitiesUseNoControlAndNoBoundary() {
        noClasses()
                .that()
                .resideInAPackage("wms.shopify.*.entity..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("wms.shopify.*.control..", "wms.shopify.*.boundary..")
                .check(connector);
    }

    @Test
    void controlUsesNoBoundary() {
        noClasses()
                .that()
                .resideInAPackage("wms.shopify.*.control..")
                .should()
                .dependOnClassesThat()
                .resideInAPackage("wms.shopify.*.boundary..")
                .check(connector);
    }

    @Test
    void thePlatformUsesNoComponent() {
        noClasses()
                .that()
                .resideInAPackage("wms.shopify.platform..")
                .should()
                .dependOnClassesThat(DescribedPredicate.describe(
                        "belong to a component",
                        c -> component(c).filter(name -> !name.equals(PLATFORM)).isPresent()))
                .check(connector);
    }

    @Test
    void noComponentUsesAnothersBoundary() {
        classes()
                .that()
                .resideInAPackage("wms.shopify..")
                .should(useOfAnotherComponent("boundary", false))
                .check(connector);
    }

    @Test
    void aComponentUsesAnothersControlOnlyWhereItIsPublished() {
        classes()
                .that()
                .resideInAPackage("wms.shopify..")
                .should(useOfAnotherComponent("control", true))
                .check(connector);
    }

    @Test
    void viewsAreShapedInBoundaryOrControlNeverInEntity() {
        noClasses()
                .that()
                .haveSimpleNameEndingWith("View")
                .should()
                .resideInAPackage("..entity..")
                .check(connector);
    }

    @Test
    void requestsTheWmsSendsAreReadInControl() {
        classes()
                .that()
                .resideOutsideOfPackage("wms.shopify.platform..")
                .and()
                .haveSimpleNameEndingWith("Input")
                .or()
                .haveSimpleNameEndingWith("Request")
                // Shopify's name for its privacy request: an event the webhooks component fires, placed as events are.
                .and()
                .doNotHaveFullyQualifiedName("wms.shopify.webhooks.entity.PrivacyRequest")
                .should()
                .resideInAPackage("..control..")
                .check(connector);
    }

    @Test
    void eventsLiveInTheEntityPackageOfTheComponentThatFiresThem() {
        classes()
                .that()
                .resideInAPackage("wms.shopify..")
                .should(
                        new ArchCondition<JavaClass>(
                                "fire CDI events whose class is in their own component's entity package (the platform: its own)") {
                            @Override
                            public void check(JavaClass item, ConditionEvents events) {
                                for (JavaField field : item.getFields()) {
                                    firedEvent(field).ifPresent(event -> {
                                        boolean ownEntity = component(event).equals(component(item))
                                                && (event.getPackageName().contains(".entity")
                                                        || component(item)
                                                                .orElse("")
                                                                .equals(PLATFORM));
                                        if (!ownEntity
                                                && !EVENTS_FIRED_ELSEWHERE.contains(
                                                        item.getName() + " -> " + event.getName())) {
                                            events.add(SimpleConditionEvent.violated(
                                                    item,
                                                    item.getName() + " fires "
                                                            + event.getName() + ", which is not in "
                                                            + component(item).orElse("?")
                                                            + "'s entity package"));
                                        }
                                    });
                                }
                            }
                        })
                .check(connector);
    }

    @Test
    void eachComponentSaysWhatItIsForItsTablesAndTheEventsItFiresAndObserves() throws java.io.IOException {
        java.util.Map<String, Set<String>> named = new java.util.TreeMap<>();
        for (JavaClass type : connector) {
            component(type).ifPresent(c -> {
                Set<String> events = named.computeIfAbsent(c, k -> new java.util.TreeSet<>());
                type.getFields().forEach(field -> firedEvent(field).ifPresent(e -> events.add(e.getSimpleName())));
                type.getMethods()
                        .forEach(method -> method.getParameters().forEach(parameter -> {
                            if (parameter.isAnnotatedWith(jakarta.enterprise.event.Observes.class)) {
                                events.add(parameter.getRawType().getSimpleName());
                            }
                        }));
            });
        }
        java.util.List<String> missing = new java.util.ArrayList<>();
        for (var component : named.entrySet()) {
            java.nio.file.Path info =
                    java.nio.file.Path.of("src/main/java/wms/shopify", component.getKey(), "package-info.java");
            if (!java.nio.file.Files.exists(info)) {
                missing.add(info + " is missing");
                continue;
            }
            String text = java.nio.file.Files.readString(info);
            if (!text.contains("Tables:")) {
                missing.add(info + " does not say which tables it owns (\"Tables:\")");
            }
            for (String event : component.getValue()) {
                if (!text.contains(event)) {
                    missing.add(info + " does not name the event " + event + ", which it fires or observes");
                }
            }
        }
        org.junit.jupiter.api.Assertions.assertEquals(java.util.List.of(), missing);
    }

    /** The class of the events a field {@code Event<X>} fires, when it is one. */
    private static Optional<JavaClass> firedEvent(JavaField field) {
        JavaType type = field.getType();
        if (!field.getRawType().isEquivalentTo(jakarta.enterprise.event.Event.class)
                || !(type instanceof JavaParameterizedType parameterized)
                || parameterized.getActualTypeArguments().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(parameterized.getActualTypeArguments().get(0).toErasure())
                .filter(c -> c.getPackageName().startsWith(ROOT));
    }

    /** The component a class belongs to: the package below {@code wms.shopify}; empty outside it. */
    private static Optional<String> component(JavaClass type) {
        String name = type.getPackageName();
        if (!name.startsWith(ROOT)) {
            return Optional.empty();
        }
        String rest = name.substring(ROOT.length());
        int dot = rest.indexOf('.');
        return Optional.of(dot < 0 ? rest : rest.substring(0, dot));
    }

    /** The layer a class sits in inside its component (boundary, control, entity), or empty. */
    private static Optional<String> layer(JavaClass type) {
        String[] parts = type.getPackageName().split("\\.");
        return parts.length > 3 ? Optional.of(parts[3]) : Optional.empty();
    }

    /**
     * No use of another component's {@code layer}; with {@code unlessPublished}, a class marked {@link Published}
     * (or in a package marked so) may be used.
     */
    private static ArchCondition<JavaClass> useOfAnotherComponent(String layer, boolean unlessPublished) {
        String what = unlessPublished
                ? "use another component's " + layer + " only where it is @Published"
                : "use no other component's " + layer;
        return new ArchCondition<>(what) {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                Optional<String> from = component(item);
                for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                    JavaClass target = dependency.getTargetClass().getBaseComponentType();
                    Optional<String> to = component(target);
                    if (to.isEmpty()
                            || to.equals(from)
                            || !layer(target).equals(Optional.of(layer))
                            || (unlessPublished && published(target))
                            || KNOWN_EXCEPTIONS.contains(from.orElse("") + " -> " + target.getName())) {
                        continue;
                    }
                    events.add(SimpleConditionEvent.violated(item, dependency.getDescription()));
                }
            }
        };
    }

    private static boolean published(JavaClass type) {
        JavaClass outer = type;
        while (outer.getEnclosingClass().isPresent()) {
            outer = outer.getEnclosingClass().get();
        }
        return outer.isAnnotatedWith(Published.class) || outer.getPackage().isAnnotatedWith(Published.class);
    }
}
