package wms.shopify.activity.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened in the connector that an operator may want to read later: a plugin switched on, the
 * connector started, (in later components) a store connected or a push that failed.
 */
@Entity
@Table(name = "activity_event")
@NamedQuery(name = ActivityEvent.RECENT, query = "select e from ActivityEvent e order by e.occurredAt desc, e.id desc")
public class ActivityEvent {

    public static final String RECENT = "ActivityEvent.recent";
    /** The longest message kept; longer ones are cut, never rejected. */
    public static final int MESSAGE_LIMIT = 2000;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(name = "category", nullable = false, length = 64)
    private String category;

    @Column(name = "message", nullable = false, length = MESSAGE_LIMIT)
    private String message;

    @Column(name = "actor", length = 255)
    private String actor;

    protected ActivityEvent() {
        // for JPA
    }

    public ActivityEvent(Instant occurredAt, String category, String message, String actor) {
        this.occurredAt = Objects.requireNonNull(occurredAt, "occurredAt");
        this.category = Objects.requireNonNull(category, "category");
        this.message = message == null || message.length() <= MESSAGE_LIMIT
                ? message
                : message.substring(0, MESSAGE_LIMIT - 1) + "…";
        this.actor = actor;
    }

    public Long id() {
        return this.id;
    }

    public Instant occurredAt() {
        return this.occurredAt;
    }

    public String category() {
        return this.category;
    }

    public String message() {
        return this.message;
    }

    public String actor() {
        return this.actor;
    }
}
