package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * believed, then the headers and the body's form (all before a transaction is opened), then the store; the delivery
 * is stored in the transaction that claims its {@code X-Shopify-Webhook-Id}. Only once that transaction has
 * committed is its processing queued, by a plain (non-XA), non-persistent JMS send ({@link WebhookQueue}): the
 * database holds the delivery, so the acknowledgement no longer waits for a two-phase commit with the messaging
 * engine and a forced write of the message (performance.md, P4). A message lost after the commit (server killed,
 * messaging engine failing) leaves the delivery "received" in the database, where {@link WebhookRequeue} finds and
 * queues it again. A repeated delivery finds the id taken and is acknowledged
 * without being stored or processed again. If storing fails the caller answers 5xx, so Shopify delivers again: a
 * delivery is never acknowledged and then lost.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());
    /** Shopify's mandatory privacy topics: accepted for a disconnected store too (shop/redact comes 48 h later). */
    public static final Set<String> COMPLIANCE_TOPICS = Set.of("customers/data_request", "customers/redact",
            "shop/redact");

    @Inject
    ShopifyApp app;

    @Inject
    WebhookQueue queue;

    @Inject
    WebhookIntake.Storage storage;

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
     * Takes a delivery: checks it, stores it (committed when this returns STORED) and then queues its processing.
     * Not transactional itself, so that the queueing happens after the delivery's commit and outside any transaction.
     *
     * @throws WebhookRejectedException 401 for a bad or missing signature, 400 for missing headers or a body that is
     *         not JSON, 404 for an unknown or disconnected store; nothing is stored then
     */
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
        ShopDomain shop;
        try {
            shop = ShopDomain.parse(headers.get(WebhookHeaders.SHOP));
        } catch (InvalidShopDomainException e) {
            throw new WebhookRejectedException(400, "X-Shopify-Shop-Domain is not a myshopify.com domain.");
        }
        requireJson(body);
        Stored stored = this.storage.store(headers, shop, body, now);
        if (stored.receipt() == Receipt.STORED) {
            this.queue.send(stored.deliveryId());
        }
        return stored.receipt();
    }

    /** What {@link Storage#store} did, and the stored delivery's id (0 unless STORED). */
    public record Stored(Receipt receipt, long deliveryId) {
    }

    /** The transaction of the intake: the store looked up, the delivery inserted, nothing else. */
    @ApplicationScoped
    public static class Storage {

        @PersistenceContext(unitName = "wms")
        EntityManager entityManager;

        /** Stores a checked delivery; committed when this returns (a failure throws, and nothing is stored). */
        @Transactional
        public Stored store(WebhookHeaders headers, ShopDomain shop, byte[] body, Instant now) {
            String topic = headers.get(WebhookHeaders.TOPIC);
            Optional<Store> store = this.entityManager.createNamedQuery(Store.BY_DOMAIN, Store.class)
                    .setParameter("domain", shop.value()).getResultStream().findFirst();
            boolean compliance = COMPLIANCE_TOPICS.contains(topic);
            if (store.isEmpty() && compliance) {
                return new Stored(Receipt.NOTHING_HELD, 0);
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
                return new Stored(Receipt.DUPLICATE, 0);
            }
            return new Stored(Receipt.STORED, ((Number) inserted.get(0)).longValue());
        }
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
