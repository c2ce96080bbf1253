package wms.shopify.platform.health;

import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

/**
 * The health checks with their details, for a signed-in admin only ({@code /admin/health}, behind the admin login
 * like every {@code /admin} address): which database at which host, port and user, the schema version, why a check
 * is down, the dead letters. The public {@code /health} endpoints, which probes and load balancers call without a
 * credential, say UP or DOWN per check and nothing else ({@link #bare}).
 */
@WebServlet("/admin/health")
public class HealthDetails extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    @Readiness
    transient DatabaseReadiness database;

    @Inject
    @Readiness
    transient MessagingReadiness messaging;

    @Inject
    @Liveness
    transient ThreadLiveness threads;

    @Inject
    @jakarta.enterprise.inject.Any
    transient jakarta.enterprise.inject.Instance<HealthNotice> notices;

    /** A check as an anonymous caller sees it: its name and status, without data. */
    static HealthCheckResponse bare(HealthCheckResponse detailed) {
        return HealthCheckResponse.named(detailed.getName())
                .status(detailed.getStatus() == HealthCheckResponse.Status.UP)
                .build();
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<HealthCheckResponse> checks =
                List.of(this.database.details(), this.messaging.details(), this.threads.details());
        boolean up = checks.stream().allMatch(check -> check.getStatus() == HealthCheckResponse.Status.UP);
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (HealthCheckResponse check : checks) {
            JsonObjectBuilder data = Json.createObjectBuilder();
            check.getData().orElse(Map.of()).forEach((key, value) -> data.add(key, String.valueOf(value)));
            list.add(Json.createObjectBuilder()
                    .add("name", check.getName())
                    .add("status", check.getStatus().name())
                    .add("data", data));
        }
        // Components' notices: listed with their level; DEGRADED shows in the overall status, never as DOWN.
        boolean degraded = false;
        for (HealthNotice source : this.notices) {
            var found = source.notice();
            if (found.isEmpty()) {
                continue;
            }
            HealthNotice.Notice notice = found.get();
            degraded |= notice.level() == HealthNotice.Level.DEGRADED;
            JsonObjectBuilder data = Json.createObjectBuilder();
            notice.data().forEach(data::add);
            list.add(Json.createObjectBuilder()
                    .add("name", notice.name())
                    .add("status", notice.level().name())
                    .add("message", notice.message())
                    .add("data", data));
        }
        response.setStatus(up ? 200 : 503);
        response.setContentType("application/json;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter()
                .write(Json.createObjectBuilder()
                        .add("status", up ? (degraded ? "DEGRADED" : "UP") : "DOWN")
                        .add("checks", list)
                        .build()
                        .toString());
    }
}
