package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Queues again the deliveries stored but still "received" some time after they arrived: those whose message was
 * lost between the delivery's commit and the send (server killed, messaging engine failing; the intake sends after
 * the commit, see {@link WebhookIntake}). Each round looks at the deliveries received since the previous round's
 * end, up to {@code WEBHOOK_REQUEUE_AFTER_SECONDS} ago, so a delivery is looked at once per server life (the first
 * round after a start looks back {@code WEBHOOK_REQUEUE_LOOKBACK_HOURS}): one that failed past the queue's
 * redeliveries (dead-letter queue) is not retried forever. One queued twice (still waiting in a long queue) is
 * harmless: processing locks the delivery and skips it once processed.
 */
@ApplicationScoped
public class WebhookRequeue {

    private static final Logger LOG = Logger.getLogger(WebhookRequeue.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    WebhookQueue queue;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wms.webhooks.requeue-after-seconds")
    long afterSeconds;

    @Inject
    @ConfigProperty(name = "wms.webhooks.requeue-lookback-hours")
    long lookbackHours;

    private Instant lookedUntil;

    /** Runs one round (not in a transaction: the sends must not be). Returns how many deliveries it queued. */
    public synchronized int round() {
        Instant now = this.clock.instant();
        Instant from = this.lookedUntil != null ? this.lookedUntil : now.minus(Duration.ofHours(this.lookbackHours));
        Instant until = now.minusSeconds(this.afterSeconds);
        if (!until.isAfter(from)) {
            return 0;
        }
        // By store, so that the (store_id, received_at) index serves it however many deliveries are kept.
        @SuppressWarnings("unchecked")
        List<Object> ids = this.entityManager
                .createNativeQuery("select d.id from store s join webhook_delivery d "
                        + "on d.store_id = s.id and d.received_at > ? and d.received_at <= ? where d.outcome = 'RECEIVED' "
                        + "order by d.id")
                .setParameter(1, Timestamp.from(from))
                .setParameter(2, Timestamp.from(until))
                .getResultList();
        int queued = 0;
        for (Object id : ids) {
            if (!this.queue.send(((Number) id).longValue())) {
                return queued; // the messaging engine is failing: this window is looked at again next round
            }
            queued++;
        }
        this.lookedUntil = until;
        if (queued > 0) {
            int count = queued;
            LOG.info(() -> "Queued again " + count + " webhook deliveries stored but not processed (received between "
                    + from + " and " + until + ")");
        }
        return queued;
    }
}
