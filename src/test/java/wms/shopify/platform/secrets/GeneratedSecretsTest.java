package wms.shopify.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The secrets a first start generates: random, owner-only, kept, and readable by Liberty as variables. */
class GeneratedSecretsTest {

    @TempDir
    Path directory;

    @Test
    void aFirstStartMakesAnOwnerOnlyFileOfRandomValues() throws Exception {
        Path file = this.directory.resolve("data").resolve("embedded-postgres-secrets.xml");
        GeneratedSecrets secrets = GeneratedSecrets.readOrCreate(file, new SecureRandom());

        assertTrue(secrets.createdNow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        List<String> values = List.of(
                secrets.adminPassword(),
                secrets.superuserPassword(),
                secrets.tokenKey(),
                secrets.apiPepper(),
                secrets.metricsPassword());
        assertEquals(5, values.stream().distinct().count(), "five different values: " + values);
        assertTrue(secrets.adminPassword().length() >= 24, secrets.adminPassword());
        assertTrue(secrets.apiPepper().length() >= 32, "a pepper of 32+ characters");
        assertEquals(32, Base64.getDecoder().decode(secrets.tokenKey()).length, "an AES-256 key");
        String xml = Files.readString(file);
        assertTrue(
                xml.contains(
                        "<variable name=\"wms.generated.admin-password\" value=\"" + secrets.adminPassword() + "\"/>"),
                "Liberty reads the admin password as a variable: " + xml);
        assertTrue(
                xml.contains("<variable name=\"wms.generated.metrics-password\" value=\"" + secrets.metricsPassword()
                        + "\"/>"),
                "and the metrics password: " + xml);
        assertFalse(xml.contains("$") || xml.contains("&"), "no value Liberty or XML would read otherwise");
        assertFalse(Files.exists(file.resolveSibling(file.getFileName() + ".new")), "no temporary file left");
    }

    @Test
    void laterStartsReadTheSameValuesAndAnotherServerGetsOthers() throws Exception {
        Path file = this.directory.resolve("secrets.xml");
        GeneratedSecrets first = GeneratedSecrets.readOrCreate(file, new SecureRandom());
        GeneratedSecrets again = GeneratedSecrets.readOrCreate(file, new SecureRandom());
        assertFalse(again.createdNow());
        assertEquals(first.adminPassword(), again.adminPassword());
        assertEquals(first.superuserPassword(), again.superuserPassword());
        assertEquals(first.tokenKey(), again.tokenKey());
        assertEquals(first.apiPepper(), again.apiPepper());

        GeneratedSecrets other = GeneratedSecrets.readOrCreate(this.directory.resolve("other.xml"), new SecureRandom());
        assertNotEquals(first.adminPassword(), other.adminPassword());
        assertNotEquals(first.tokenKey(), other.tokenKey());
    }

    @Test
    void aValueAFileLacksIsAddedAndTheOthersAreKept() throws Exception {
        Path file = this.directory.resolve("secrets.xml");
        Files.writeString(
                file,
                "<server>\n    <variable name=\"wms.generated.admin-password\" value=\"kept-one\"/>\n" + "</server>\n");
        GeneratedSecrets secrets = GeneratedSecrets.readOrCreate(file, new SecureRandom());
        assertEquals("kept-one", secrets.adminPassword());
        assertTrue(secrets.tokenKey() != null && Files.readString(file).contains(secrets.tokenKey()));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFileThatIsNotTheConnectorsIsRefusedWithItsName() throws Exception {
        Path file = this.directory.resolve("secrets.xml");
        Files.writeString(file, "not xml at all");
        IOException refused =
                assertThrows(IOException.class, () -> GeneratedSecrets.readOrCreate(file, new SecureRandom()));
        assertTrue(refused.getMessage().contains(file.toString()), refused.getMessage());
        assertEquals("not xml at all", Files.readString(file), "the file is left as it was");
    }
}
