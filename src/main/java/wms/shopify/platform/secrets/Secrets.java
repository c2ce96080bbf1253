package wms.shopify.platform.secrets;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.platform.database.DatabaseSettings;

/**
 * Whether this connector may start with the secrets it has, and the secrets it generated for what the operator
 * left unset. Outside the local-trial mode ({@code LOCAL_TRIAL=true}) a published password or key refuses the
 * start, with one log line saying what to set; in the trial mode it is accepted and the pages say so.
 *
 * <p>Settings Liberty reads itself (ADMIN_PASSWORD, DB_PASSWORD, KEYSTORE_PASSWORD) are looked up where an
 * operator sets them (the environment, server.env, bootstrap.properties); the keys the application reads
 * (TOKEN_ENCRYPTION_KEY, WMS_API_PEPPER) through MicroProfile Config.
 */
@Named
@ApplicationScoped
public class Secrets {

    private static final Logger LOG = Logger.getLogger(Secrets.class.getName());
    /** The random password Liberty writes into a server's server.env when the server is created. */
    private static final String LIBERTY_KEYSTORE_PASSWORD = "keystore_password";

    @Inject
    @ConfigProperty(name = "wms.trial")
    boolean trial;

    @Inject
    @ConfigProperty(name = "wms.secrets.file")
    String file;

    @Inject
    @ConfigProperty(name = "wms.admin.user")
    String adminUser;

    @Inject
    @ConfigProperty(name = "wms.crypto.token-key")
    Optional<String> configuredTokenKey;

    @Inject
    @ConfigProperty(name = "wms.api.credential-pepper")
    Optional<String> configuredPepper;

    @Inject
    DatabaseSettings database;

    private GeneratedSecrets generated;
    private List<String> findings = List.of();
    private String refusal;

    @PostConstruct
    void init() {
        Path path = Path.of(this.file).toAbsolutePath().normalize();
        try {
            this.generated = GeneratedSecrets.readOrCreate(path, new SecureRandom());
        } catch (IOException e) {
            this.refusal = "the connector's secrets file " + path + " cannot be read or written (" + e.getMessage()
                    + "); fix its directory's permissions, or move it with GENERATED_SECRETS_FILE";
            LOG.severe(() -> "The connector refuses to start: " + this.refusal + ".");
            return;
        }
        if (this.generated.createdNow()) {
            LOG.info(() -> "First start: the connector generated its own secrets into " + path + " (readable by its"
                    + " owner only; keep it with the embedded database)."
                    + (operatorValue("ADMIN_PASSWORD") == null
                            ? " Sign in as " + this.adminUser + " with the"
                                    + " password in that file (the value of " + GeneratedSecrets.ADMIN_PASSWORD
                                    + "), or set"
                                    + " ADMIN_PASSWORD."
                            : "")
                    + " This is said once.");
        }
        if (!this.database.embedded()
                && (operatorValue("TOKEN_ENCRYPTION_KEY") == null || operatorValue("WMS_API_PEPPER") == null)) {
            LOG.warning("TOKEN_ENCRYPTION_KEY or WMS_API_PEPPER is not set, so this server uses the one it generated:"
                    + " every instance sharing this database needs the same, so set both to your own values.");
        }
        this.findings = PublishedSecrets.findIn(
                this::operatorValue, this.database.embedded(), present(System.getenv(LIBERTY_KEYSTORE_PASSWORD)));
        if (this.findings.isEmpty()) {
            return;
        }
        if (this.trial) {
            LOG.warning(() -> "Local trial mode (" + PublishedSecrets.TRIAL_SETTING + "=true): accepted although "
                    + String.join("; ", this.findings) + ". Never connect a real store to this server or let"
                    + " anyone else reach it.");
        } else {
            this.refusal = String.join("; ", this.findings) + ". Outside a local trial ("
                    + PublishedSecrets.TRIAL_SETTING + "=true, for demos only) no published password or key is"
                    + " accepted (docs/operations.md, Security)";
            LOG.severe(() -> "The connector refuses to start: " + this.refusal + ".");
        }
    }

    /** What the operator set for a setting, or null when they left it to the connector. */
    String operatorValue(String setting) {
        return switch (setting) {
            case "TOKEN_ENCRYPTION_KEY" ->
                this.configuredTokenKey.filter(Secrets::present).orElse(null);
            case "WMS_API_PEPPER" ->
                this.configuredPepper.filter(Secrets::present).orElse(null);
            default -> {
                String value = System.getenv(setting);
                yield value != null ? value : System.getProperty(setting);
            }
        };
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
    }

    /** Why the connector must not start with these settings, or empty when it may. */
    public Optional<String> refusal() {
        return Optional.ofNullable(this.refusal);
    }

    /** The refusal for the pages (empty when none). */
    public String getRefusal() {
        return this.refusal == null ? "" : this.refusal;
    }

    /** True in the local-trial mode ({@code LOCAL_TRIAL=true}): every page shows it in its header. */
    public boolean isTrial() {
        return this.trial;
    }

    /** The published values a local trial accepted, for the pages' header. */
    public String getAcceptedInTrial() {
        return this.trial ? String.join("; ", this.findings) : "";
    }

    /**
     * The password of the connector's database user: the operator's DB_PASSWORD, else (what server.xml gives the
     * data source then) Liberty's random keystore_password of this server's server.env.
     */
    public String databasePassword() {
        String configured = operatorValue("DB_PASSWORD");
        return configured != null ? configured : System.getenv(LIBERTY_KEYSTORE_PASSWORD);
    }

    /** The password of the embedded PostgreSQL's superuser (always generated; the connector alone uses it). */
    public String superuserPassword() {
        return usable().superuserPassword();
    }

    /** The token encryption key: TOKEN_ENCRYPTION_KEY when set, else the one generated on the first start. */
    public String tokenKey() {
        return this.configuredTokenKey.filter(Secrets::present).orElseGet(this::generatedTokenKey);
    }

    /** The WMS API pepper: WMS_API_PEPPER when set, else the one generated on the first start. */
    public String apiPepper() {
        return this.configuredPepper.filter(Secrets::present).orElseGet(this::generatedApiPepper);
    }

    /** The token encryption key to use when TOKEN_ENCRYPTION_KEY is not set. */
    public String generatedTokenKey() {
        return usable().tokenKey();
    }

    /** The WMS API pepper to use when WMS_API_PEPPER is not set. */
    public String generatedApiPepper() {
        return usable().apiPepper();
    }

    private GeneratedSecrets usable() {
        if (this.generated == null) {
            throw new IllegalStateException("The connector refused to start: " + this.refusal);
        }
        return this.generated;
    }
}
