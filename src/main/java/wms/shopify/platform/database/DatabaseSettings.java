package wms.shopify.platform.database;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.file.Path;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Where the connector's PostgreSQL is and whether the connector runs it itself.
 *
 * <p>The values come from server.xml variables (DB_HOST, DB_PORT, DB_NAME, DB_USER, EMBEDDED_DB_DIR), which the
 * environment overrides; the password is one of the {@link wms.shopify.platform.secrets.Secrets}. Setting {@code DB_HOST} in the environment selects an
 * external PostgreSQL; without it the connector starts an embedded one on {@code DB_PORT}, so that a fresh clone
 * runs with nothing installed.
 */
@ApplicationScoped
public class DatabaseSettings {

    @Inject
    @ConfigProperty(name = "wms.db.host")
    String host;

    @Inject
    @ConfigProperty(name = "wms.db.port")
    int port;

    @Inject
    @ConfigProperty(name = "wms.db.name")
    String name;

    @Inject
    @ConfigProperty(name = "wms.db.user")
    String user;

    @Inject
    @ConfigProperty(name = "wms.db.embedded.dir")
    String embeddedDirectory;

    /** True when no external database was configured, so the connector must start its own. */
    public boolean embedded() {
        String externalHost = System.getenv("DB_HOST");
        return externalHost == null || externalHost.isBlank();
    }

    public String host() {
        return this.host;
    }

    public int port() {
        return this.port;
    }

    public String name() {
        return this.name;
    }

    public String user() {
        return this.user;
    }

    public Path embeddedDirectory() {
        return Path.of(this.embeddedDirectory).toAbsolutePath().normalize();
    }

    /** How the database is named in log messages and health data: never with its password. */
    public String describe() {
        return (embedded() ? "embedded PostgreSQL" : "PostgreSQL") + " at " + this.host + ":" + this.port + "/"
                + this.name + " as " + this.user;
    }
}
