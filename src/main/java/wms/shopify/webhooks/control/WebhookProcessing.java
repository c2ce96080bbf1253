package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import wms.shopify.webhooks.entity.WebhookDelivery;
import wms.shopify.webhooks.entity.WebhookOutcome;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * Hands a stored delivery to the component that owns its topic (observers of {@link WebhookReceived}) and records
 * the outcome. A delivery already processed is not handed out again, so a redelivered message does no harm. A body
 * that does not suit its topic or names another shop ({@link WebhookBodyRules}) is refused and handed to nobody.
 */
@ApplicationScoped
public class WebhookProcessing {

    private static final Logger LOG = Logger.getLogger(WebhookProcessing.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    Event<WebhookReceived> received;

    @Inject
    Clock clock;

    /**
     * Runs in the caller's transaction (the message-driven bean's), so a failure puts the message back. The delivery
     * is locked: a delivery queued twice (the re-queue round) is processed by one consumer, the other finds it done.
     */
    public void process(long deliveryId) {
        WebhookDelivery delivery =
                this.entityManager.find(WebhookDelivery.class, deliveryId, LockModeType.PESSIMISTIC_WRITE);
        if (delivery == null || !delivery.isPending()) {
            return;
        }
        WebhookReceived event = new WebhookReceived(
                delivery.id(), delivery.store().id(), delivery.store().domain(), delivery.topic(), delivery.body());
        Optional<String> refusal =
                WebhookBodyRules.refusal(delivery.topic(), delivery.store().domain(), event.topLevel());
        if (refusal.isPresent()) {
            // Signed, but not what Shopify sends for this topic and shop: a replay under a rewritten header.
            LOG.warning(() -> "Refused webhook delivery " + delivery.id() + " (" + delivery.topic() + " for "
                    + delivery.store().domain() + ", webhook id " + WebhookIntake.printable(delivery.webhookId())
                    + "): " + refusal.get() + " Nothing was changed.");
            delivery.processed(WebhookOutcome.REFUSED, refusal.get() + " Nothing was changed.", this.clock.instant());
            return;
        }
        this.received.fire(event);
        if (event.isHandled()) {
            delivery.processed(WebhookOutcome.PROCESSED, event.handledNote(), this.clock.instant());
        } else {
            delivery.processed(
                    WebhookOutcome.KEPT,
                    "Stored; no component acts on " + delivery.topic() + " yet.",
                    this.clock.instant());
        }
    }

    /** The latest deliveries of every store, newest first. */
    public List<WebhookDelivery> recent(int count) {
        return this.entityManager
                .createNamedQuery(WebhookDelivery.RECENT, WebhookDelivery.class)
                .setMaxResults(count)
                .getResultList();
    }

    /** The last delivery of one topic for one store. */
    public record TopicHealth(String shop, String topic, java.time.Instant lastReceived, long deliveries) {}

    /** Webhook health: per store and topic, when the last delivery came and how many came, by store then topic. */
    public List<TopicHealth> lastPerTopic() {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = this.entityManager
                .createNativeQuery("select s.domain, d.topic, max(d.received_at), "
                        + "count(*) from webhook_delivery d join store s on s.id = d.store_id group by s.domain, d.topic "
                        + "order by s.domain, d.topic")
                .getResultList();
        return rows.stream()
                .map(r -> new TopicHealth((String) r[0], (String) r[1], instant(r[2]), ((Number) r[3]).longValue()))
                .toList();
    }

    private static java.time.Instant instant(Object value) {
        if (value instanceof java.sql.Timestamp timestamp) {
            return timestamp.toInstant();
        }
        if (value instanceof java.time.OffsetDateTime time) {
            return time.toInstant();
        }
        return value instanceof java.time.Instant instant ? instant : null;
    }
}
