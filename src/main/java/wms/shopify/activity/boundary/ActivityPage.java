package wms.shopify.activity.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.activity.entity.ActivityEvent;
import wms.shopify.platform.web.AdminFormat;

/** Backing bean of the Activity page: the activity log, newest first, a page at a time. */
@Named
@RequestScoped
public class ActivityPage {

    static final int PAGE_SIZE = 50;

    @Inject
    ActivityLog log;

    @Inject
    FacesContext faces;

    private int page;
    private List<ActivityEvent> events;
    private boolean hasOlder;

    @PostConstruct
    void load() {
        this.page = parsePage(
                this.faces.getExternalContext().getRequestParameterMap().get("page"));
        // One more than a page tells whether an older page exists without counting the whole log.
        List<ActivityEvent> window = this.log.recent(this.page * PAGE_SIZE, PAGE_SIZE + 1);
        this.hasOlder = window.size() > PAGE_SIZE;
        this.events = this.hasOlder ? window.subList(0, PAGE_SIZE) : window;
    }

    static int parsePage(String parameter) {
        if (parameter == null) {
            return 0;
        }
        try {
            return Math.max(0, Math.min(Integer.parseInt(parameter.trim()), 1_000_000));
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    public List<ActivityEvent> getEvents() {
        return this.events;
    }

    public int getPage() {
        return this.page;
    }

    public boolean isHasOlder() {
        return this.hasOlder;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
