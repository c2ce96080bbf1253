package wms.shopify.platform.secrets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which of the operator's settings hold a published password or key, each finding saying what to set. */
class PublishedSecretsTest {

    private final Map<String, String> set = new HashMap<>();

    @Test
    void nothingSetWithTheEmbeddedDatabaseIsSafe() {
        assertEquals(List.of(), PublishedSecrets.findIn(this.set::get, true, true));
    }

    @Test
    void everyPublishedDefaultAndDemoValueIsNamedWithWhatToSet() {
        this.set.put("ADMIN_PASSWORD", "admin");
        this.set.put("METRICS_PASSWORD", "metrics");
        this.set.put("DB_PASSWORD", "wms_shopify");
        this.set.put("KEYSTORE_PASSWORD", "wms-shopify-keystore");
        this.set.put("TOKEN_ENCRYPTION_KEY", "MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY=");
        this.set.put("WMS_API_PEPPER", "local-trial-pepper-change-me");
        List<String> findings = PublishedSecrets.findIn(this.set::get, true, true);
        assertEquals(6, findings.size(), findings.toString());
        List<String> settings = List.of(
                "ADMIN_PASSWORD",
                "METRICS_PASSWORD",
                "DB_PASSWORD",
                "KEYSTORE_PASSWORD",
                "TOKEN_ENCRYPTION_KEY",
                "WMS_API_PEPPER");
        for (int i = 0; i < settings.size(); i++) {
            assertTrue(
                    findings.get(i).startsWith(settings.get(i) + " is a published default or demo value: set "),
                    findings.get(i));
        }
        assertTrue(findings.get(4).contains("openssl rand -base64 32"), findings.get(4));
    }

    @Test
    void theComposeFilesFormerKeystorePlaceholderAndAnEmptyPasswordAreRefusedToo() {
        this.set.put("KEYSTORE_PASSWORD", "change-this-keystore-password");
        this.set.put("ADMIN_PASSWORD", "  ");
        List<String> findings = PublishedSecrets.findIn(this.set::get, true, true);
        assertEquals(
                List.of(
                        "ADMIN_PASSWORD is set but empty: set it to a password of your own, or unset it to use a"
                                + " generated one",
                        "KEYSTORE_PASSWORD is a published default or demo value: set it to a password of"
                                + " your own, or unset it to use a generated one"),
                findings);
    }

    @Test
    void valuesOfTheOperatorsOwnAreAccepted() {
        this.set.put("ADMIN_PASSWORD", "a-password-of-my-own");
        this.set.put("METRICS_PASSWORD", "a-metrics-password-of-my-own");
        this.set.put("DB_PASSWORD", "another-one");
        this.set.put("KEYSTORE_PASSWORD", "and-a-third");
        this.set.put("TOKEN_ENCRYPTION_KEY", "q83vEjRWeJCrze8SNFZ4kKvN7xI0VniQq83vEjRWeJA=");
        this.set.put("WMS_API_PEPPER", "a-pepper-of-thirty-two-characters");
        assertEquals(List.of(), PublishedSecrets.findIn(this.set::get, false, false));
    }

    @Test
    void anExternalDatabaseNeedsItsPasswordAndAServerWithoutLibertysKeystorePasswordNeedsOne() {
        List<String> findings = PublishedSecrets.findIn(this.set::get, false, false);
        assertEquals(2, findings.size(), findings.toString());
        assertTrue(findings.get(0).startsWith("DB_PASSWORD is not set: an external PostgreSQL"), findings.get(0));
        assertTrue(
                findings.get(1).startsWith("KEYSTORE_PASSWORD is not set and Liberty generated none"), findings.get(1));
        List<String> embedded = PublishedSecrets.findIn(this.set::get, true, false);
        assertTrue(
                embedded.get(0).startsWith("DB_PASSWORD is not set and Liberty generated no keystore_password"),
                embedded.toString());
    }
}
