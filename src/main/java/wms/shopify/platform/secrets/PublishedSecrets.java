package wms.shopify.platform.secrets;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The passwords and keys anyone can read (the connector's former defaults, the README's demo key, the compose file's
 * placeholder), and which of the operator's settings hold one. Outside a local trial the connector refuses to start
 * while any does: a merchant who exposes the port would otherwise be open to anyone who read the documentation.
 */
public final class PublishedSecrets {

    /** The setting that turns the local-trial mode on, in which published values are accepted (and shown). */
    public static final String TRIAL_SETTING = "LOCAL_TRIAL";

    private static final Map<String, Set<String>> PUBLISHED = Map.of(
            "ADMIN_PASSWORD", Set.of("admin"),
            "METRICS_PASSWORD", Set.of("metrics"),
            "DB_PASSWORD", Set.of("wms_shopify"),
            "KEYSTORE_PASSWORD", Set.of("wms-shopify-keystore", "change-this-keystore-password"),
            // the README's demo key: Base64 of "0123456789abcdef0123456789abcdef"
            "TOKEN_ENCRYPTION_KEY", Set.of("MDEyMzQ1Njc4OWFiY2RlZjAxMjM0NTY3ODlhYmNkZWY="),
            "WMS_API_PEPPER", Set.of("local-trial-pepper-change-me"));

    /** The order in which the findings are reported: the order of docs/operations.md. */
    private static final List<String> SETTINGS = List.of(
            "ADMIN_PASSWORD",
            "METRICS_PASSWORD",
            "DB_PASSWORD",
            "KEYSTORE_PASSWORD",
            "TOKEN_ENCRYPTION_KEY",
            "WMS_API_PEPPER");

    private PublishedSecrets() {}

    /**
     * What is wrong with the operator's secrets, one sentence per setting, each naming what to set; empty when
     * nothing is.
     *
     * @param operatorValue the value the operator set for a setting (environment, server.env or
     *        bootstrap.properties), or null when they set none and the connector's generated one is used
     * @param embeddedDatabase whether the connector runs its own PostgreSQL (else DB_PASSWORD must be set)
     * @param libertyKeystorePassword whether Liberty generated a key store password for this server
     *        ({@code keystore_password} in its server.env), which is used when KEYSTORE_PASSWORD is not set, and
     *        as the embedded database's password when DB_PASSWORD is not
     */
    public static List<String> findIn(
            Function<String, String> operatorValue, boolean embeddedDatabase, boolean libertyKeystorePassword) {
        List<String> findings = new ArrayList<>();
        for (String setting : SETTINGS) {
            String value = operatorValue.apply(setting);
            if (value == null) {
                if (setting.equals("DB_PASSWORD") && !embeddedDatabase) {
                    findings.add("DB_PASSWORD is not set: an external PostgreSQL (DB_HOST) needs the password of its"
                            + " DB_USER");
                } else if (setting.equals("DB_PASSWORD") && !libertyKeystorePassword) {
                    findings.add("DB_PASSWORD is not set and Liberty generated no keystore_password for this server"
                            + " (its server.env) to use instead: set it to a password of your own");
                } else if (setting.equals("KEYSTORE_PASSWORD") && !libertyKeystorePassword) {
                    findings.add("KEYSTORE_PASSWORD is not set and Liberty generated none for this server: set it to"
                            + " a password of your own (e.g. openssl rand -base64 24)");
                }
            } else if (value.isBlank()) {
                findings.add(setting + " is set but empty: " + whatToSet(setting));
            } else if (PUBLISHED.get(setting).contains(value)) {
                findings.add(setting + " is a published default or demo value: " + whatToSet(setting));
            }
        }
        return findings;
    }

    private static String whatToSet(String setting) {
        return switch (setting) {
            case "TOKEN_ENCRYPTION_KEY" ->
                "set it to the output of 'openssl rand -base64 32', or unset it to use"
                        + " the key the connector generated";
            case "WMS_API_PEPPER" ->
                "set it to 32+ random characters (e.g. openssl rand -base64 32), or unset it to"
                        + " use the one the connector generated";
            case "DB_PASSWORD" ->
                "set it to your database user's own password, or unset it with the embedded"
                        + " database to use a generated one";
            default -> "set it to a password of your own, or unset it to use a generated one";
        };
    }
}
