package wms.shopify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The ways of running the connector that no test starts (docker/: the Kubernetes manifests for clusters with and
 * without the Open Liberty Operator, the compose file, the Dockerfile) stay true to the connector: every file
 * parses; every variable they set is a setting docs/operations.md documents; every Secret key they need is one the
 * commands of docs/scaling.md create, and every key those commands create is used; the probes ask the connector's
 * real health endpoints on its HTTP port; selectors find the pods; both Kubernetes variants run the same pods.
 */
class DeploymentManifestsTest {

    private static final Path KUBERNETES = Path.of("docker/kubernetes");
    private static final Path COMPOSE = Path.of("docker/compose.yaml");
    private static final Path DOCKERFILE = Path.of("docker/Dockerfile");

    /** A row of operations.md's "Health and metrics" table: an endpoint anyone may ask. */
    private static final Pattern HEALTH_PATH = Pattern.compile("^\\| `(/health/[a-z]+)` \\|", Pattern.MULTILINE);
    /**
     * {@code kubectl create secret generic NAME \} followed by its {@code --from-literal=KEY=} lines (a line's value
     * stops at the backslash that continues the command).
     */
    private static final Pattern SECRET_COMMAND = Pattern.compile(
            "kubectl create secret generic (\\S+)((?:\\s*\\\\\\n\\s*--from-(?:literal|file)=[^\\n\\\\]*)+)");

    private static final Pattern SECRET_KEY = Pattern.compile("--from-(?:literal|file)=([A-Za-z0-9_.]+)=");

    private static Map<Path, List<Map<String, Object>>> manifests;
    private static String operations;
    private static String scaling;
    private static String serverXml;

    @BeforeAll
    static void read() throws IOException {
        manifests = new TreeMap<>();
        try (Stream<Path> files = Files.walk(KUBERNETES)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".yaml")).toList()) {
                manifests.put(file, documents(file));
            }
        }
        operations = Files.readString(Path.of("docs/operations.md"));
        scaling = Files.readString(Path.of("docs/scaling.md"));
        serverXml = Files.readString(Path.of("liberty/server.xml"));
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> documents(Path file) throws IOException {
        List<Map<String, Object>> documents = new ArrayList<>();
        for (Object document : new Yaml(new SafeConstructor(new LoaderOptions())).loadAll(Files.readString(file))) {
            if (document != null) {
                assertTrue(document instanceof Map, file + ": every document is a mapping");
                documents.add((Map<String, Object>) document);
            }
        }
        assertFalse(documents.isEmpty(), file + " holds a manifest");
        return documents;
    }

    // --- navigation in parsed YAML -------------------------------------------------------------------------------

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object node, String... path) {
        Object at = node;
        for (String step : path) {
            at = at instanceof Map<?, ?> m ? m.get(step) : null;
        }
        return at instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object node, String... path) {
        Object at = node;
        for (String step : path) {
            at = at instanceof Map<?, ?> m ? m.get(step) : null;
        }
        return at instanceof List<?> l ? (List<Map<String, Object>>) l : List.of();
    }

    private static List<Map<String, Object>> all(String kind) {
        return manifests.values().stream()
                .flatMap(List::stream)
                .filter(d -> kind.equals(d.get("kind")))
                .toList();
    }

    /** What each variant runs: the plain Deployment's container, and the operator's application spec. */
    private static Map<String, Map<String, Object>> connectorPods() {
        Map<String, Map<String, Object>> pods = new LinkedHashMap<>();
        for (Map<String, Object> deployment : all("Deployment")) {
            for (Map<String, Object> container : list(deployment, "spec", "template", "spec", "containers")) {
                // the pod's volumes beside the container's mounts, as the operator's spec has them
                Map<String, Object> pod = new LinkedHashMap<>(container);
                pod.put("volumes", list(deployment, "spec", "template", "spec", "volumes"));
                pods.put("Deployment " + map(deployment, "metadata").get("name"), pod);
            }
        }
        for (Map<String, Object> application : all("OpenLibertyApplication")) {
            Map<String, Object> spec = new LinkedHashMap<>(map(application, "spec"));
            // the operator's names for the probes and the image, in a container's words
            spec.put("startupProbe", map(spec, "probes", "startup"));
            spec.put("readinessProbe", map(spec, "probes", "readiness"));
            spec.put("livenessProbe", map(spec, "probes", "liveness"));
            spec.put("image", spec.get("applicationImage"));
            pods.put("OpenLibertyApplication " + map(application, "metadata").get("name"), spec);
        }
        return pods;
    }

    private static Set<String> documentedSettings() {
        return SettingsTest.firstTwoGroups(SettingsTest.DOCUMENTED, operations).keySet();
    }

    private static Map<String, String> serverDefaults() {
        return SettingsTest.firstTwoGroups(SettingsTest.VARIABLE, serverXml);
    }

    /** Secret name → the keys docs/scaling.md's commands create in it. */
    private static Map<String, Set<String>> secretsTheDocsCreate() {
        Map<String, Set<String>> secrets = new TreeMap<>();
        Matcher command = SECRET_COMMAND.matcher(scaling);
        while (command.find()) {
            Matcher key = SECRET_KEY.matcher(command.group(2));
            while (key.find()) {
                secrets.computeIfAbsent(command.group(1), name -> new TreeSet<>())
                        .add(key.group(1));
            }
        }
        return secrets;
    }

    /** Per Secret, the keys of {@code these} that {@code those} lacks. */
    private static Map<String, Set<String>> absent(Map<String, Set<String>> these, Map<String, Set<String>> those) {
        Map<String, Set<String>> absent = new TreeMap<>();
        these.forEach((secret, keys) -> keys.stream()
                .filter(key -> !those.getOrDefault(secret, Set.of()).contains(key))
                .forEach(key ->
                        absent.computeIfAbsent(secret, k -> new TreeSet<>()).add(key)));
        return absent;
    }

    // --- the checks ------------------------------------------------------------------------------------------------

    @Test
    void everyManifestIsAKubernetesObjectAndEveryKustomizationListsFilesThatExist() throws IOException {
        for (Map.Entry<Path, List<Map<String, Object>>> file : manifests.entrySet()) {
            for (Map<String, Object> document : file.getValue()) {
                assertNotNull(document.get("apiVersion"), file.getKey() + ": apiVersion");
                assertNotNull(document.get("kind"), file.getKey() + ": kind");
                if (!"Kustomization".equals(document.get("kind"))) {
                    assertNotNull(map(document, "metadata").get("name"), file.getKey() + ": metadata.name");
                }
            }
        }
        Set<Path> listed = new TreeSet<>();
        for (Map.Entry<Path, List<Map<String, Object>>> file : manifests.entrySet()) {
            for (Map<String, Object> document : file.getValue()) {
                if ("Kustomization".equals(document.get("kind"))) {
                    @SuppressWarnings("unchecked")
                    List<String> resources = (List<String>) document.get("resources");
                    for (String resource : resources) {
                        Path target = file.getKey().resolveSibling(resource).normalize();
                        assertTrue(Files.exists(target), file.getKey() + " lists " + resource + ", which is absent");
                        listed.add(target);
                    }
                }
            }
        }
        List<Path> unlisted = manifests.keySet().stream()
                .filter(f -> !f.getFileName().toString().equals("kustomization.yaml"))
                .filter(f -> !listed.contains(f))
                .toList();
        assertEquals(List.of(), unlisted, "every manifest is applied by a kustomization");
        assertEquals(2, all("OpenLibertyApplication").size() + all("Deployment").size(), "one of each variant");
        assertTrue(
                all("OpenLibertyApplication").stream()
                        .allMatch(a -> "apps.openliberty.io/v1".equals(a.get("apiVersion"))),
                "the Open Liberty Operator's current API");
    }

    @Test
    void everyVariableSetIsADocumentedSetting() throws IOException {
        Set<String> documented = documentedSettings();
        Set<String> variables = serverDefaults().keySet();
        Map<String, Set<String>> undocumented = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> pod : connectorPods().entrySet()) {
            for (Map<String, Object> variable : list(pod.getValue(), "env")) {
                String name = (String) variable.get("name");
                if (!documented.contains(name) || !variables.contains(name)) {
                    undocumented
                            .computeIfAbsent(pod.getKey(), k -> new TreeSet<>())
                            .add(name);
                }
            }
        }
        for (Map<String, Object> configMap : all("ConfigMap")) {
            for (String name : map(configMap, "data").keySet()) {
                if (!documented.contains(name) || !variables.contains(name)) {
                    undocumented
                            .computeIfAbsent(
                                    "ConfigMap " + map(configMap, "metadata").get("name"), k -> new TreeSet<>())
                            .add(name);
                }
            }
        }
        Map<String, Object> compose = documents(COMPOSE).get(0);
        for (String name : map(compose, "services", "connector", "environment").keySet()) {
            if (!documented.contains(name) || !variables.contains(name)) {
                undocumented
                        .computeIfAbsent("compose.yaml", k -> new TreeSet<>())
                        .add(name);
            }
        }
        assertEquals(
                Map.of(),
                undocumented,
                "every variable set is a Liberty variable of server.xml listed in docs/operations.md's settings");
        assertTrue(documented.contains("TOKEN_ENCRYPTION_KEY"), "the settings table was found");
    }

    @Test
    void theSecretsNeededAreTheOnesDocsScalingCreates() {
        Map<String, Set<String>> created = secretsTheDocsCreate();
        assertFalse(created.isEmpty(), "docs/scaling.md creates the Secrets with kubectl create secret generic");
        Map<String, Set<String>> needed = new TreeMap<>();
        Map<String, Set<String>> used = new TreeMap<>();
        for (Map.Entry<String, Map<String, Object>> pod : connectorPods().entrySet()) {
            for (Map<String, Object> variable : list(pod.getValue(), "env")) {
                Map<String, Object> ref = map(variable, "valueFrom", "secretKeyRef");
                if (ref.isEmpty()) {
                    continue;
                }
                String secret = (String) ref.get("name");
                String key = (String) ref.get("key");
                assertEquals(variable.get("name"), key, pod.getKey() + ": a Secret's key is named as its setting");
                used.computeIfAbsent(secret, k -> new TreeSet<>()).add(key);
                if (!Boolean.TRUE.equals(ref.get("optional"))) {
                    needed.computeIfAbsent(secret, k -> new TreeSet<>()).add(key);
                }
            }
            for (Map<String, Object> volume : list(pod.getValue(), "volumes")) {
                Map<String, Object> secret = map(volume, "secret");
                if (!secret.isEmpty()) {
                    List<Map<String, Object>> items = list(secret, "items");
                    Set<String> keys = new TreeSet<>();
                    items.forEach(item -> keys.add((String) item.get("key")));
                    for (Map<String, Object> mount : list(pod.getValue(), "volumeMounts")) {
                        if (Objects.equals(mount.get("name"), volume.get("name")) && mount.get("subPath") != null) {
                            keys.add((String) mount.get("subPath"));
                        }
                    }
                    String name = (String) secret.get("secretName");
                    used.computeIfAbsent(name, k -> new TreeSet<>()).addAll(keys);
                    needed.computeIfAbsent(name, k -> new TreeSet<>()).addAll(keys);
                }
            }
        }
        assertEquals(Map.of(), absent(needed, created), "keys the pods need that docs/scaling.md does not create");
        assertEquals(Map.of(), absent(created, used), "keys docs/scaling.md creates that no pod reads");
    }

    @Test
    void bothVariantsRunTheSamePods() {
        List<Map<String, Object>> pods = List.copyOf(connectorPods().values());
        assertEquals(2, pods.size(), "a Deployment and an OpenLibertyApplication");
        Map<String, Object> plain = pods.get(0);
        Map<String, Object> operator = pods.get(1);
        assertEquals(plain.get("image"), operator.get("image"), "image");
        assertEquals(plain.get("env"), operator.get("env"), "environment");
        assertEquals(plain.get("envFrom"), operator.get("envFrom"), "settings");
        assertEquals(plain.get("resources"), operator.get("resources"), "resources");
        for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
            assertEquals(
                    map(plain, probe, "httpGet").get("path"),
                    map(operator, probe, "httpGet").get("path"),
                    probe);
        }
    }

    @Test
    void probesAskTheConnectorsHealthEndpointsOnItsHttpPort() {
        Set<String> healthPaths = new TreeSet<>();
        Matcher m = HEALTH_PATH.matcher(operations);
        while (m.find()) {
            healthPaths.add(m.group(1));
        }
        assertTrue(healthPaths.containsAll(Set.of("/health/ready", "/health/live")), "operations.md's health table");
        int httpPort = Integer.parseInt(serverDefaults().get("http.port"));
        for (Map.Entry<String, Map<String, Object>> pod : connectorPods().entrySet()) {
            Map<String, Object> container = pod.getValue();
            assertEquals(
                    "/health/ready", map(container, "readinessProbe", "httpGet").get("path"), pod.getKey());
            assertEquals(
                    "/health/live", map(container, "livenessProbe", "httpGet").get("path"), pod.getKey());
            assertTrue(
                    healthPaths.contains(
                            map(container, "startupProbe", "httpGet").get("path")),
                    pod.getKey() + ": the startup probe asks a documented health endpoint");
            for (String probe : List.of("startupProbe", "readinessProbe", "livenessProbe")) {
                Object port = map(container, probe, "httpGet").get("port");
                Object number = port;
                for (Map<String, Object> declared : list(container, "ports")) {
                    if (Objects.equals(declared.get("name"), port)) {
                        number = declared.get("containerPort");
                    }
                }
                assertEquals(httpPort, number, pod.getKey() + ": " + probe + " on the HTTP port, where /health is");
            }
            Map<String, Object> resources = map(container, "resources");
            for (String bound : List.of("requests", "limits")) {
                assertTrue(
                        map(resources, bound).keySet().containsAll(Set.of("cpu", "memory")),
                        pod.getKey() + ": cpu and memory " + bound);
            }
        }
    }

    @Test
    void servicesDisruptionBudgetsAndIngressesFindThePods() {
        for (Map<String, Object> deployment : all("Deployment")) {
            Map<String, Object> podLabels = map(deployment, "spec", "template", "metadata", "labels");
            assertTrue(
                    podLabels
                            .entrySet()
                            .containsAll(map(deployment, "spec", "selector", "matchLabels")
                                    .entrySet()),
                    "the Deployment selects its own pods");
            Set<String> portNames = new TreeSet<>();
            list(deployment, "spec", "template", "spec", "containers")
                    .forEach(c -> list(c, "ports").forEach(p -> portNames.add((String) p.get("name"))));
            for (Map<String, Object> service : all("Service")) {
                assertTrue(
                        podLabels
                                .entrySet()
                                .containsAll(map(service, "spec", "selector").entrySet()),
                        "Service");
                list(service, "spec", "ports")
                        .forEach(p -> assertTrue(portNames.contains(p.get("targetPort")), "port " + p.get("name")));
            }
            for (Map<String, Object> ingress : all("Ingress")) {
                for (Map<String, Object> rule : list(ingress, "spec", "rules")) {
                    for (Map<String, Object> path : list(rule, "http", "paths")) {
                        Map<String, Object> backend = map(path, "backend", "service");
                        Map<String, Object> service = all("Service").stream()
                                .filter(s -> Objects.equals(map(s, "metadata").get("name"), backend.get("name")))
                                .findFirst()
                                .orElseThrow(() -> new AssertionError("Ingress backend " + backend.get("name")));
                        assertTrue(
                                list(service, "spec", "ports").stream()
                                        .anyMatch(p -> Objects.equals(
                                                p.get("name"),
                                                map(backend, "port").get("name"))),
                                "the Ingress's backend port is the Service's");
                    }
                }
            }
        }
        List<Map<String, Object>> budgets = all("PodDisruptionBudget");
        assertEquals(2, budgets.size(), "one per variant");
        for (Map<String, Object> budget : budgets) {
            Map<String, Object> selector = map(budget, "spec", "selector", "matchLabels");
            boolean plainPods = all("Deployment").stream()
                    .anyMatch(d -> map(d, "spec", "template", "metadata", "labels")
                            .entrySet()
                            .containsAll(selector.entrySet()));
            // The operator labels its pods app.kubernetes.io/instance: <the application's name>.
            boolean operatorPods = all("OpenLibertyApplication").stream()
                    .anyMatch(a -> selector.equals(Map.of(
                            "app.kubernetes.io/instance", map(a, "metadata").get("name"))));
            assertTrue(plainPods || operatorPods, "PodDisruptionBudget " + selector + " selects the connector's pods");
        }
    }

    @Test
    void theImageAndComposeAgreeWithTheServer() throws IOException {
        String dockerfile = Files.readString(DOCKERFILE);
        Map<String, String> defaults = serverDefaults();
        assertTrue(
                dockerfile.contains("EXPOSE " + defaults.get("http.port") + " " + defaults.get("https.port")),
                "the image exposes server.xml's ports");
        Matcher healthcheck = Pattern.compile("curl -fsS http://localhost:(\\d+)(/health/[a-z]+)")
                .matcher(dockerfile);
        assertTrue(healthcheck.find(), "the image's HEALTHCHECK");
        assertEquals(defaults.get("http.port"), healthcheck.group(1));
        assertEquals("/health/ready", healthcheck.group(2));
        Map<String, Object> compose = documents(COMPOSE).get(0);
        List<String> volumes = new ArrayList<>();
        for (Object volume : (List<?>) map(compose, "services", "connector").get("volumes")) {
            volumes.add(volume.toString().substring(volume.toString().indexOf(':') + 1));
        }
        for (Map<String, Object> pod : connectorPods().values()) {
            List<Object> mounts = list(pod, "volumeMounts").stream()
                    .map(mount -> mount.get("mountPath"))
                    .toList();
            assertTrue(mounts.containsAll(volumes), "compose and Kubernetes keep the same folders: " + volumes);
        }
    }
}
