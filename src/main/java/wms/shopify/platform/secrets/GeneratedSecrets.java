package wms.shopify.platform.secrets;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXException;

/**
 * The secrets a connector makes for itself on its first start, so that the first run is one command and still no
 * published password or key is in use: the admin password, the password of the embedded PostgreSQL's superuser,
 * the key that encrypts store tokens and the WMS API pepper. (The connector's own database user takes Liberty's
 * random {@code keystore_password} of server.env instead, which exists before the data source is first used.)
 * The password of the metrics user, with which Prometheus reads /metrics, is made beside the admin one.
 *
 * <p>They live in one file readable by its owner only (by default beside the embedded database's directory). The
 * file is a Liberty configuration file of {@code <variable>} elements that server.xml includes: Liberty itself reads
 * the admin and database passwords from it (it notices the file when it appears on a first start and applies it
 * at once), and the connector reads the keys from it. A value is only a fallback: what the operator sets wins.
 */
public final class GeneratedSecrets {

    /** The Liberty variable names in the file; server.xml refers to the first. */
    static final String ADMIN_PASSWORD = "wms.generated.admin-password";

    static final String SUPERUSER_PASSWORD = "wms.generated.database-superuser-password";
    static final String TOKEN_KEY = "wms.generated.token-key";
    static final String API_PEPPER = "wms.generated.api-pepper";
    static final String METRICS_PASSWORD = "wms.generated.metrics-password";

    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final int PASSWORD_BYTES = 18;
    private static final int KEY_BYTES = 32;

    private final Path file;
    private final Map<String, String> values;
    private final boolean createdNow;

    private GeneratedSecrets(Path file, Map<String, String> values, boolean createdNow) {
        this.file = file;
        this.values = values;
        this.createdNow = createdNow;
    }

    /**
     * Reads the file, or makes it with new random values when there is none (and adds any value a file of an
     * older version lacks).
     *
     * @throws IOException when the file cannot be read, written or is not one this class wrote
     */
    public static GeneratedSecrets readOrCreate(Path file, SecureRandom random) throws IOException {
        Map<String, String> values = Files.exists(file) ? read(file) : new LinkedHashMap<>();
        boolean complete = true;
        for (String name : new String[] {ADMIN_PASSWORD, SUPERUSER_PASSWORD, TOKEN_KEY, API_PEPPER, METRICS_PASSWORD}) {
            if (!values.containsKey(name)) {
                values.put(
                        name,
                        name.equals(TOKEN_KEY)
                                ? Base64.getEncoder().encodeToString(bytes(random, KEY_BYTES))
                                : Base64.getUrlEncoder()
                                        .withoutPadding()
                                        .encodeToString(
                                                bytes(random, name.equals(API_PEPPER) ? KEY_BYTES : PASSWORD_BYTES)));
                complete = false;
            }
        }
        boolean created = !Files.exists(file);
        if (!complete) {
            write(file, values);
        }
        return new GeneratedSecrets(file, Map.copyOf(values), created);
    }

    private static byte[] bytes(SecureRandom random, int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }

    /** Writes to a temporary file made owner-only before anything is in it, then moves it in place. */
    private static void write(Path file, Map<String, String> values) throws IOException {
        Path directory = file.toAbsolutePath().getParent();
        Files.createDirectories(directory);
        Path temporary = directory.resolve(file.getFileName() + ".new");
        Files.deleteIfExists(temporary);
        try {
            Files.createFile(temporary, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + temporary, e);
        }
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<!-- Generated by the WMS Shopify connector on its first start: its own secrets, readable by")
                .append(" its owner only.\n     Keep this file with the embedded database; without it the database")
                .append(" cannot be opened and stored tokens\n     cannot be read. What is set in the environment")
                .append(
                        " (ADMIN_PASSWORD, METRICS_PASSWORD, TOKEN_ENCRYPTION_KEY, WMS_API_PEPPER)\n     is used instead")
                .append(" of these (docs/operations.md, Security). -->\n<server>\n");
        values.forEach((name, value) -> xml.append("    <variable name=\"")
                .append(name)
                .append("\" value=\"")
                .append(value)
                .append("\"/>\n"));
        xml.append("</server>\n");
        Files.writeString(temporary, xml, StandardCharsets.UTF_8);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    private static Map<String, String> read(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            NodeList variables = factory.newDocumentBuilder().parse(in).getElementsByTagName("variable");
            Map<String, String> values = new LinkedHashMap<>();
            for (int i = 0; i < variables.getLength(); i++) {
                Element variable = (Element) variables.item(i);
                if (!variable.getAttribute("value").isEmpty()) {
                    values.put(variable.getAttribute("name"), variable.getAttribute("value"));
                }
            }
            return values;
        } catch (ParserConfigurationException | SAXException e) {
            throw new IOException(
                    "the secrets file " + file + " is not readable as the connector wrote it: " + e.getMessage(), e);
        }
    }

    /** Where the secrets are. */
    public Path file() {
        return this.file;
    }

    /** True when this start made the file: the one time its place is announced in the log. */
    public boolean createdNow() {
        return this.createdNow;
    }

    public String adminPassword() {
        return this.values.get(ADMIN_PASSWORD);
    }

    public String metricsPassword() {
        return this.values.get(METRICS_PASSWORD);
    }

    public String superuserPassword() {
        return this.values.get(SUPERUSER_PASSWORD);
    }

    /** A token encryption key as TOKEN_ENCRYPTION_KEY takes it: Base64 of 32 random bytes. */
    public String tokenKey() {
        return this.values.get(TOKEN_KEY);
    }

    public String apiPepper() {
        return this.values.get(API_PEPPER);
    }
}
