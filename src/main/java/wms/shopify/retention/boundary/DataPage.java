package wms.shopify.retention.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.retention.control.Pruning;
import wms.shopify.retention.control.RetentionSettings;
import wms.shopify.retention.control.TableSizes;
import wms.shopify.retention.entity.DataKind;
import wms.shopify.retention.entity.LastRound;
import wms.shopify.retention.entity.TableSize;

/**
 * The Data section of the Activity page: how big each table is (rows and MiB), how long each kind of data is kept
 * and what is kept regardless, what the last retention round pruned, and a button that starts a round now.
 */
@Named
@RequestScoped
public class DataPage {

    /** After "Prune now" the page is fetched again (post/redirect/get) and says whether a round started. */
    private static final String PRUNING = "/admin/activity?faces-redirect=true&pruning=";

    @Inject
    TableSizes tableSizes;

    @Inject
    RetentionSettings settings;

    @Inject
    Pruning pruning;

    @Inject
    RetentionSchedule schedule;

    @Inject
    FacesContext faces;

    private List<TableSize> sizes;
    private LastRound lastRound;

    public List<TableSize> getSizes() {
        if (this.sizes == null) {
            this.sizes = this.tableSizes.all();
        }
        return this.sizes;
    }

    public List<DataKind> getKinds() {
        return Arrays.asList(DataKind.values());
    }

    /** How long a kind is kept ("30 days", "for ever"). */
    public String keptFor(DataKind kind) {
        return this.settings.policy().describe(kind);
    }

    public LastRound getLastRound() {
        if (this.lastRound == null) {
            this.lastRound = this.pruning.lastRound();
        }
        return this.lastRound;
    }

    /** Whether the page was reached right after "Prune now" started a round. */
    public boolean isStarted() {
        return "started".equals(pruning());
    }

    /** Whether the page was reached right after "Prune now" found a round running already. */
    public boolean isBusy() {
        return "busy".equals(pruning());
    }

    private String pruning() {
        return this.faces.getExternalContext().getRequestParameterMap().get("pruning");
    }

    public String pruneNow() {
        return PRUNING + (this.schedule.roundNow(this.faces.getExternalContext().getRemoteUser()) ? "started" : "busy");
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
