package wms.shopify.platform.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import wms.shopify.platform.database.DatabaseSettings;
import wms.shopify.platform.database.DatabaseStartup;
import wms.shopify.platform.database.DatabaseState;
import wms.shopify.platform.database.Durability;

/**
 * Ready only when the schema migrations have run and the database answers now. Reports why not otherwise, and
 * whether the database keeps what it committed ({@link Durability}: an operator's check of an external PostgreSQL).
 */
@Readiness
@ApplicationScoped
public class DatabaseReadiness implements HealthCheck {

    private static final int VALIDATION_TIMEOUT_SECONDS = 2;

    @Inject
    DatabaseStartup startup;

    @Inject
    DatabaseSettings settings;

    @Resource(lookup = "jdbc/wms")
    DataSource dataSource;

    /** What an anonymous probe sees: UP or DOWN only ({@link #details()} for a signed-in admin). */
    @Override
    public HealthCheckResponse call() {
        return HealthDetails.bare(details());
    }

    /** The check with its details (for the admin only: they name the database and say why it is down). */
    public HealthCheckResponse details() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("database").withData("database", this.settings.describe());
        DatabaseState state = this.startup.state();
        if (!state.ready()) {
            return response.down().withData("reason", state.reason()).build();
        }
        response.withData("schemaVersion", state.schemaVersion());
        try (Connection connection = this.dataSource.getConnection()) {
            if (connection.isValid(VALIDATION_TIMEOUT_SECONDS)) {
                Durability durability = Durability.of(connection);
                return response.up()
                        .withData("synchronousCommit", durability.synchronousCommit())
                        .withData("fsync", durability.fsync())
                        .withData("fullPageWrites", durability.fullPageWrites())
                        .withData("durable", durability.durable())
                        .build();
            }
            return response.down()
                    .withData("reason", "the connection did not answer within " + VALIDATION_TIMEOUT_SECONDS + " s")
                    .build();
        } catch (SQLException e) {
            String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            return response.down()
                    .withData("reason", message.lines().findFirst().orElse(message))
                    .build();
        }
    }
}
