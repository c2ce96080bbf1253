package wms.shopify.activity.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import wms.shopify.activity.entity.ActivityEvent;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.DatabaseReady;

/**
 * The activity log: what happened, when and by whom, for the Activity page.
 *
 * <p>Recording goes through the activity queue: the message is sent within the caller's transaction, so an event
 * is logged exactly when the change it describes commits, and writing the log never holds up the caller.
 */
@Published
@ApplicationScoped
public class ActivityLog {

    static final String OCCURRED_AT = "occurredAt";
    static final String CATEGORY = "category";
    static final String MESSAGE = "message";
    static final String ACTOR = "actor";

    @Inject
    @JMSConnectionFactory("jms/wms")
    JMSContext jms;

    @Resource(lookup = "jms/queue/activity")
    Queue queue;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Clock clock;

    /** Records an event, now, on behalf of an actor (a user name, or null for the connector itself). */
    public void record(String category, String message, String actor) {
        MapMessage event = this.jms.createMapMessage();
        try {
            event.setLong(OCCURRED_AT, this.clock.millis());
            event.setString(CATEGORY, category);
            event.setString(MESSAGE, message);
            event.setString(ACTOR, actor);
        } catch (JMSException e) {
            throw new IllegalStateException("Could not build the activity message", e);
        }
        this.jms.createProducer().send(this.queue, event);
    }

    /** Stores an event received from the activity queue. */
    public ActivityEvent store(Message message) throws JMSException {
        MapMessage event = (MapMessage) message;
        ActivityEvent stored = new ActivityEvent(
                Instant.ofEpochMilli(event.getLong(OCCURRED_AT)),
                event.getString(CATEGORY),
                event.getString(MESSAGE),
                event.getString(ACTOR));
        this.entityManager.persist(stored);
        return stored;
    }

    /**
     * Replaces the message of the events of a category whose message matches a SQL LIKE pattern (escape character
     * backslash), in the caller's transaction: how a privacy request erases what the log says about a customer.
     *
     * @return how many events were rewritten
     */
    public int replaceMessages(String category, String like, String replacement) {
        return this.entityManager
                .createNativeQuery("update activity_event set message = ? where category = ? "
                        + "and message like ? escape '\\' and message <> ?")
                .setParameter(1, replacement)
                .setParameter(2, category)
                .setParameter(3, like)
                .setParameter(4, replacement)
                .executeUpdate();
    }

    /** The most recent events first. */
    public List<ActivityEvent> recent(int first, int count) {
        return this.entityManager
                .createNamedQuery(ActivityEvent.RECENT, ActivityEvent.class)
                .setFirstResult(first)
                .setMaxResults(count)
                .getResultList();
    }

    void onDatabaseReady(@Observes DatabaseReady ready) {
        String message = "Connector started; database schema at version " + ready.schemaVersion()
                + (ready.migrationsApplied() > 0 ? " (" + ready.migrationsApplied() + " migration(s) applied)" : "")
                + (ready.failedAttempts() > 0
                        ? "; the database was unavailable for " + ready.failedAttempts() + " attempt(s) first"
                        : "");
        record("system", message, null);
    }
}
