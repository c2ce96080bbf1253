package wms.shopify.webhooks.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonReader;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.io.ByteArrayInputStream;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import wms.shopify.shopify.control.ShopifyApp;
import wms.shopify.shopify.control.ShopifyHmac;
import wms.shopify.shopify.entity.InvalidShopDomainException;
import wms.shopify.shopify.entity.ShopDomain;
import wms.shopify.stores.entity.Store;

/**
 * The single intake of every Shopify webhook: the signature is checked over the raw bytes before anything else is
 * believed, then the store, then the body's form; the delivery is stored in the same transaction that claims its
 * {@code X-Shopify-Webhook-Id}, and its processing is queued in that transaction too. A repeated delivery finds the
 * id taken and is acknowledged without being stored or processed again. If storing fails the caller answers 5xx,
 * so Shopify delivers again: a delivery is never acknowledged and then lost.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());
    /** Shopify's mandatory privacy topics: accepted for a disconnected store too (shop/redact comes 48 h later). */
    public static final Set<String> COMPLIANCE_TOPICS = Set.of("customers/data_request", "customers/redact",
            "shop/redact");

    @Inject
    ShopifyApp app;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    @JMSConnectionFactory("jms/wms")
    JMSContext jms;

    @Resource(lookup = "jms/queue/webhooks")
    Queue queue;

    @Inject
    Clock clock;

    /** What the intake did with a delivery it accepted. */
    public enum Receipt {
        /** Stored and queued for processing. */
        STORED,
        /** Already stored by an earlier delivery of the same webhook id: nothing done. */
        DUPLICATE,
        /** A compliance request for a store the connector never knew: it holds nothing to report or erase. */
        NOTHING_HELD
    }

    /**
     * Takes a delivery.
     *
     * @throws WebhookRejectedException 401 for a bad or missing signature, 400 for missing headers or a body that is
     *         not JSON, 404 for an unknown or disconnected store; nothing is stored then
     */
    @Transactional
    public Receipt receive(WebhookHeaders headers, byte[] body) {
        Instant now = this.clock.instant();
        if (!ShopifyHmac.bodyIsSigned(body, headers.get(WebhookHeaders.HMAC), this.app.secretsAcceptedAt(now))) {
            LOG.warning(() -> "Refused a webhook with a wrong or missing signature (claimed shop: "
                    + printable(headers.get(WebhookHeaders.SHOP)) + ")");
            throw new WebhookRejectedException(401, "The HMAC signature is wrong or missing.");
        }
        List<String> missing = headers.missing();
        if (!missing.isEmpty()) {
            throw new WebhookRejectedException(400, "Missing headers: " + String.join(", ", missing));
        }
        String topic = headers.get(WebhookHeaders.TOPIC);
        ShopDomain shop;
        try {
            shop = ShopDomain.parse(headers.get(WebhookHeaders.SHOP));
        } catch (InvalidShopDomainException e) {
            throw new WebhookRejectedException(400, "X-Shopify-Shop-Domain is not a myshopify.com domain.");
        }
        requireJson(body);
        Optional<Store> store = this.entityManager.createNamedQuery(Store.BY_DOMAIN, Store.class)
                .setParameter("domain", shop.value()).getResultStream().findFirst();
        boolean compliance = COMPLIANCE_TOPICS.contains(topic);
        if (store.isEmpty() && compliance) {
            return Receipt.NOTHING_HELD;
        }
        if (store.isEmpty() || !(compliance || store.get().acceptsWebhooks())) {
            LOG.warning(() -> "Refused a " + printable(topic) + " webhook for " + shop
                    + ": no connected store with that domain");
            throw new WebhookRejectedException(404, "No connected store " + shop + ".");
        }
        @SuppressWarnings("unchecked")
        List<Object> inserted = this.entityManager.createNativeQuery("insert into webhook_delivery (webhook_id, "
                + "store_id, topic, event_id, triggered_at, api_version, headers, body, received_at) values "
                + "(?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict (webhook_id) do nothing returning id")
                .setParameter(1, headers.get(WebhookHeaders.WEBHOOK_ID))
                .setParameter(2, store.get().id())
                .setParameter(3, topic)
                .setParameter(4, headers.get(WebhookHeaders.EVENT_ID))
                .setParameter(5, headers.get(WebhookHeaders.TRIGGERED_AT))
                .setParameter(6, headers.get(WebhookHeaders.API_VERSION))
                .setParameter(7, headers.storedForm())
                .setParameter(8, body)
                .setParameter(9, Timestamp.from(now))
                .getResultList();
        if (inserted.isEmpty()) {
            return Receipt.DUPLICATE;
        }
        long deliveryId = ((Number) inserted.get(0)).longValue();
        this.jms.createProducer().send(this.queue, this.jms.createTextMessage(Long.toString(deliveryId)));
        return Receipt.STORED;
    }

    private static void requireJson(byte[] body) {
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(body))) {
            reader.readValue();
        } catch (JsonException | IllegalStateException e) {
            throw new WebhookRejectedException(400, "The body is not well-formed JSON.");
        }
    }

    /** A header value safe for one log line: control characters and overlong text cut away. */
    static String printable(String value) {
        if (value == null) {
            return "none";
        }
        String clean = value.replaceAll("\\p{Cntrl}", "?");
        return clean.length() <= 100 ? clean : clean.substring(0, 100) + "…";
    }
}
