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
import jakarta.persistence.TypedQuery;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import wms.shopify.activity.entity.ActivityEvent;
import wms.shopify.platform.Published;
import wms.shopify.platform.database.DatabaseReady;
import wms.shopify.platform.database.Like;

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

    /** The columns the Activity page sorts by; any other order is the newest first. */
    public enum Sort {
        OLDEST_FIRST("e.occurredAt asc, e.id asc"),
        NEWEST_FIRST("e.occurredAt desc, e.id desc"),
        AREA("e.category asc, e.occurredAt desc, e.id desc"),
        AREA_DESCENDING("e.category desc, e.occurredAt desc, e.id desc");

        private final String orderBy;

        Sort(String orderBy) {
            this.orderBy = orderBy;
        }
    }

    /**
     * A page of the events the filter matches, in the given order: one query with a limit and an offset, served by
     * the indexes on time, on area and time, and the trigram index on the message (V97).
     */
    public List<ActivityEvent> search(ActivityFilter filter, Sort sort, int first, int count) {
        TypedQuery<ActivityEvent> query = this.entityManager.createQuery(
                "select e from ActivityEvent e where " + conditions(filter) + " order by " + sort.orderBy,
                ActivityEvent.class);
        bind(query, filter);
        return query.setFirstResult(first).setMaxResults(count).getResultList();
    }

    /**
     * How many events the filter matches, counted up to {@code limit}: the ids are read with that limit, so the
     * count never reads more than {@code limit} index entries however long the log is.
     */
    public int countUpTo(ActivityFilter filter, int limit) {
        TypedQuery<Long> query = this.entityManager.createQuery(
                "select e.id from ActivityEvent e where " + conditions(filter), Long.class);
        bind(query, filter);
        return query.setMaxResults(limit).getResultList().size();
    }

    /**
     * The areas (categories) the log holds, in alphabetical order: one index probe per area on the index by area
     * (V97), never a scan of the log.
     */
    public List<String> categories() {
        List<String> found = new ArrayList<>();
        String last = "";
        // A handful of areas: each next one is the smallest above the last, found in the index.
        for (int i = 0; i < 200; i++) {
            String next = this.entityManager
                    .createQuery("select min(e.category) from ActivityEvent e where e.category > :last", String.class)
                    .setParameter("last", last)
                    .getSingleResult();
            if (next == null) {
                break;
            }
            found.add(next);
            last = next;
        }
        return found;
    }

    private static String conditions(ActivityFilter filter) {
        StringBuilder where = new StringBuilder("1 = 1");
        if (present(filter.category())) {
            where.append(" and e.category = :category");
        }
        if (present(filter.mentions())) {
            where.append(" and lower(e.message) like :mentions escape '\\'");
        }
        if (present(filter.text())) {
            where.append(" and lower(e.message) like :text escape '\\'");
        }
        if (filter.from() != null) {
            where.append(" and e.occurredAt >= :from");
        }
        if (filter.until() != null) {
            where.append(" and e.occurredAt < :until");
        }
        return where.toString();
    }

    private static void bind(TypedQuery<?> query, ActivityFilter filter) {
        if (present(filter.category())) {
            query.setParameter("category", filter.category().trim());
        }
        if (present(filter.mentions())) {
            query.setParameter("mentions", Like.anywhere(filter.mentions()));
        }
        if (present(filter.text())) {
            query.setParameter("text", Like.anywhere(filter.text()));
        }
        if (filter.from() != null) {
            query.setParameter("from", filter.from());
        }
        if (filter.until() != null) {
            query.setParameter("until", filter.until());
        }
    }

    private static boolean present(String value) {
        return value != null && !value.isBlank();
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
