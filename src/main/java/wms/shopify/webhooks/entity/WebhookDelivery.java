package wms.shopify.webhooks.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * A Shopify webhook delivery as it arrived (topic, Shopify's ids, headers, the raw body) and what became of it.
 * It is written by the intake in one insert that also claims its unique {@code X-Shopify-Webhook-Id}; this class
 * reads it back and records the outcome of processing.
 */
@Entity
@Table(name = "webhook_delivery")
@NamedQuery(
        name = WebhookDelivery.RECENT,
        query = "select d from WebhookDelivery d join fetch d.store " + "order by d.receivedAt desc, d.id desc")
// The latest delivery's own attribute rather than max(receivedAt): EclipseLink hands an aggregate to the Instant
// converter as a java.sql.Timestamp, which fails; the attribute goes through the converter as it should.
@NamedQuery(
        name = WebhookDelivery.LAST_PER_STORE,
        query = "select d.store.id, d.receivedAt from WebhookDelivery d "
                + "where d.receivedAt = (select max(e.receivedAt) from WebhookDelivery e where e.store = d.store)")
public class WebhookDelivery {

    public static final String RECENT = "WebhookDelivery.recent";
    public static final String LAST_PER_STORE = "WebhookDelivery.lastPerStore";

    @Id
    @Column(name = "id")
    private Long id;

    @Column(name = "webhook_id", nullable = false)
    private String webhookId;

    @ManyToOne(optional = false)
    @JoinColumn(name = "store_id")
    private DeliveryStore store;

    @Column(name = "topic", nullable = false)
    private String topic;

    @Column(name = "received_at", nullable = false)
    private Instant receivedAt;

    @Column(name = "body", nullable = false)
    private byte[] body;

    @Enumerated(EnumType.STRING)
    @Column(name = "outcome", nullable = false)
    private WebhookOutcome outcome;

    @Column(name = "outcome_note")
    private String outcomeNote;

    @Column(name = "processed_at")
    private Instant processedAt;

    protected WebhookDelivery() {
        // for JPA; deliveries are inserted by the intake's native insert
    }

    /** Records what processing did with the delivery. */
    public void processed(WebhookOutcome result, String note, Instant at) {
        this.outcome = result;
        this.outcomeNote = note == null || note.length() <= 1000 ? note : note.substring(0, 999) + "…";
        this.processedAt = at;
    }

    /** Forgets the payload (compliance redaction); the record that a delivery came stays. */
    public void erasePayload() {
        this.body = "{}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public boolean isPending() {
        return this.outcome == WebhookOutcome.RECEIVED;
    }

    public Long id() {
        return this.id;
    }

    public String webhookId() {
        return this.webhookId;
    }

    public DeliveryStore store() {
        return this.store;
    }

    public String topic() {
        return this.topic;
    }

    public Instant receivedAt() {
        return this.receivedAt;
    }

    /** The raw body as Shopify sent it. */
    public byte[] body() {
        return this.body.clone();
    }

    public WebhookOutcome outcome() {
        return this.outcome;
    }

    public String outcomeNote() {
        return this.outcomeNote;
    }

    public Instant processedAt() {
        return this.processedAt;
    }
}
