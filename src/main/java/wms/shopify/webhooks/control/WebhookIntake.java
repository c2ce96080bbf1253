package wms.shopify.webhooks.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.logging.Logger;
import javax.sql.DataSource;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.adminapi.control.ShopifyHmac;
import wms.shopify.adminapi.entity.InvalidShopDomainException;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The single intake of every Shopify webhook: the signature is checked over the raw bytes before anything else is
 * believed, then the headers, the trigger time (within the age limit) and the body's form (all before the database
 * is asked), then the store; the delivery
 * is stored by the one autocommitted statement that claims its {@code X-Shopify-Webhook-Id} and, per store and topic,
 * the digest of its body (a validly signed body sent again under a new webhook id is a replay). Only once that is
 * committed is its processing queued, by a plain (non-XA), non-persistent JMS send ({@link WebhookQueue}): the
 * database holds the delivery, so the acknowledgement no longer waits for a two-phase commit with the messaging
 * engine and a forced write of the message (performance.md, P4). A message lost after the commit (server killed,
 * messaging engine failing) leaves the delivery "received" in the database, where {@link WebhookRequeue} finds and
 * queues it again. A repeated delivery finds the id or the body taken and is acknowledged without being stored or
 * processed again. Whether a body suits its topic and names the header's shop is checked when it is processed
 * ({@link WebhookBodyRules}), off this hot path. If storing fails the caller answers 5xx, so Shopify delivers
 * again: a delivery is never acknowledged and then lost.
 */
@ApplicationScoped
public class WebhookIntake {

    private static final Logger LOG = Logger.getLogger(WebhookIntake.class.getName());
    /** Shopify's mandatory privacy topics: accepted for a disconnected store too (shop/redact comes 48 h later). */
    public static final Set<String> COMPLIANCE_TOPICS =
            Set.of("customers/data_request", "customers/redact", "shop/redact");

    @Inject
    ShopifyApp app;

    @Inject
    WebhookQueue queue;

    @Inject
    wms.shopify.adminapi.control.ApiVersionWatch versions;

    @Inject
    WebhookIntake.Storage storage;

    @Inject
    Clock clock;

    /** What the intake did with a delivery it accepted. */
    public enum Receipt {
        /** Stored and queued for processing. */
        STORED,
        /** Already stored by an earlier delivery of the same webhook id, or of the same body to the same store and
         * topic: nothing done. */
        DUPLICATE,
        /** A compliance request for a store the connector never knew: it holds nothing to report or erase. */
        NOTHING_HELD
    }

    /**
     * Takes a delivery: checks it, stores it (committed when this returns STORED) and then queues its processing.
     * Not transactional itself, so that the queueing happens after the delivery's commit and outside any transaction.
     *
     * @throws WebhookRejectedException 401 for a bad or missing signature, 400 for missing headers, a delivery
     *         triggered longer ago than the age limit (a replay) or a body that is not JSON, 404 for an unknown or
     *         disconnected store; nothing is stored then
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
        requireRecent(headers, shop, now, this.app.webhookMaxAge());
        requireJson(body);
        // Signed and recent: its version is Shopify's word (webhooks fall forward as answers do).
        this.versions.answered(
                wms.shopify.adminapi.control.ApiVersionWatch.Channel.WEBHOOKS,
                headers.get(WebhookHeaders.API_VERSION),
                "a " + headers.get(WebhookHeaders.TOPIC) + " webhook from " + shop);
        Stored stored = this.storage.store(headers, shop, body, now);
        if (stored.receipt() == Receipt.STORED) {
            this.queue.send(stored.deliveryId());
        }
        return stored.receipt();
    }

    /**
     * Takes a fulfillment service's notification ({@code POST <callbackUrl>/fulfillment_order_notification}) as a
     * delivery of the topic {@link WebhookReceived#FULFILLMENT_ORDER_NOTIFICATION}: signed like a webhook (the HMAC
     * of the body in {@code X-Shopify-Hmac-Sha256}) and naming the shop, but without a topic, a webhook id or an API
     * version. It is stored durably before it is answered and processed through the webhook queue like any delivery.
     * Its body is only {@code {"kind": ...}}, the same for every request: two notifications are told apart by their
     * trigger time (when Shopify sends one; a notification sent twice with the same time is stored once), and a
     * notification processed twice does no harm (the requests are read from Shopify and imported idempotently).
     *
     * @throws WebhookRejectedException 401 for a bad or missing signature, 400 for a missing shop, an old trigger
     *         time or a body that is not JSON, 404 for an unknown or disconnected store; nothing is stored then
     */
    public Receipt receiveNotification(WebhookHeaders headers, byte[] body) {
        Instant now = this.clock.instant();
        if (!ShopifyHmac.bodyIsSigned(body, headers.get(WebhookHeaders.HMAC), this.app.secretsAcceptedAt(now))) {
            LOG.warning(() -> "Refused a fulfillment-order notification with a wrong or missing signature (claimed "
                    + "shop: " + printable(headers.get(WebhookHeaders.SHOP)) + ")");
            throw new WebhookRejectedException(401, "The HMAC signature is wrong or missing.");
        }
        ShopDomain shop;
        try {
            shop = ShopDomain.parse(headers.get(WebhookHeaders.SHOP));
        } catch (InvalidShopDomainException | NullPointerException e) {
            throw new WebhookRejectedException(400, "X-Shopify-Shop-Domain is missing or not a myshopify.com domain.");
        }
        String triggered = headers.get(WebhookHeaders.TRIGGERED_AT);
        WebhookHeaders stored = headers.with(WebhookHeaders.TOPIC, WebhookReceived.FULFILLMENT_ORDER_NOTIFICATION)
                .with(WebhookHeaders.WEBHOOK_ID, "notification-" + java.util.UUID.randomUUID());
        if (triggered != null) {
            requireRecent(stored, shop, now, this.app.webhookMaxAge());
        }
        requireJson(body);
        byte[] told = (new String(body, java.nio.charset.StandardCharsets.UTF_8) + "\n"
                        + (triggered == null ? stored.get(WebhookHeaders.WEBHOOK_ID) : triggered))
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Stored result = this.storage.store(stored, shop, body, now, Storage.digest(told));
        if (result.receipt() == Receipt.STORED) {
            this.queue.send(result.deliveryId());
        }
        return result.receipt();
    }

    /** What {@link Storage#store} did, and the stored delivery's id (0 unless STORED). */
    public record Stored(Receipt receipt, long deliveryId) {}

    /**
     * The intake's one database statement: the store looked up and the delivery inserted in a single round trip, in
     * autocommit (no JTA transaction, no entity manager: nothing else takes part, and a webhook storm should cost the
     * database one short write per delivery). Durable when it returns.
     */
    @ApplicationScoped
    public static class Storage {

        // "on conflict do nothing" without a target: a clash on the webhook id or on the (store, topic, body
        // digest) key both mean "already stored".
        private static final String STORE = "with s as (select id, status from store where domain = ?), "
                + "inserted as (insert into webhook_delivery (webhook_id, store_id, topic, event_id, triggered_at, "
                + "api_version, headers, body, received_at, body_digest) select ?, s.id, ?, ?, ?, ?, ?, ?, ?, ? "
                + "from s where s.status = any(?) or ? on conflict do nothing returning id) "
                + "select s.status, (select id from inserted) from s";

        @Resource(lookup = "jdbc/wms")
        DataSource dataSource;

        @Inject
        StatusesTakingWebhooks taking;

        /** The statuses of a store whose webhooks are taken (compliance topics are taken whatever the status). */
        private Set<String> accepting;

        private String[] acceptingArray;

        @jakarta.annotation.PostConstruct
        void init() {
            this.accepting = this.taking.names();
            this.acceptingArray = this.accepting.toArray(String[]::new);
        }

        /** Stores a checked delivery; committed when this returns (a failure throws, and nothing is stored). */
        public Stored store(WebhookHeaders headers, ShopDomain shop, byte[] body, Instant now) {
            return store(headers, shop, body, now, digest(body));
        }

        /**
         * Stores a checked delivery under the given digest (what makes a second copy "the same delivery"); committed
         * when this returns.
         */
        public Stored store(WebhookHeaders headers, ShopDomain shop, byte[] body, Instant now, byte[] digest) {
            String topic = headers.get(WebhookHeaders.TOPIC);
            boolean compliance = COMPLIANCE_TOPICS.contains(topic);
            String status;
            long id;
            try (Connection connection = this.dataSource.getConnection();
                    PreparedStatement statement = connection.prepareStatement(STORE)) {
                connection.setAutoCommit(true);
                statement.setString(1, shop.value());
                statement.setString(2, headers.get(WebhookHeaders.WEBHOOK_ID));
                statement.setString(3, topic);
                statement.setString(4, headers.get(WebhookHeaders.EVENT_ID));
                statement.setString(5, headers.get(WebhookHeaders.TRIGGERED_AT));
                statement.setString(6, headers.get(WebhookHeaders.API_VERSION));
                statement.setString(7, headers.storedForm());
                statement.setBytes(8, body);
                statement.setTimestamp(9, Timestamp.from(now));
                statement.setBytes(10, digest);
                statement.setArray(11, connection.createArrayOf("varchar", this.acceptingArray));
                statement.setBoolean(12, compliance);
                try (ResultSet result = statement.executeQuery()) {
                    if (!result.next()) {
                        status = null;
                        id = 0;
                    } else {
                        status = result.getString(1);
                        id = result.getLong(2);
                    }
                }
            } catch (SQLException e) {
                throw new IllegalStateException("The delivery could not be stored: " + e.getMessage(), e);
            }
            if (status == null && compliance) {
                return new Stored(Receipt.NOTHING_HELD, 0);
            }
            if (status == null || !(compliance || this.accepting.contains(status))) {
                LOG.warning(() -> "Refused a " + printable(topic) + " webhook for " + shop
                        + ": no connected store with that domain");
                throw new WebhookRejectedException(404, "No connected store " + shop + ".");
            }
            if (id == 0) {
                LOG.info(() -> "Acknowledged a " + printable(topic) + " webhook for " + shop + " without storing it: "
                        + "its webhook id " + printable(headers.get(WebhookHeaders.WEBHOOK_ID)) + " or the same body "
                        + "for this topic was stored before (a retry or a replay)");
                return new Stored(Receipt.DUPLICATE, 0);
            }
            return new Stored(Receipt.STORED, id);
        }

        /** SHA-256 of the body as received: two deliveries of the same bytes have the same digest. */
        static byte[] digest(byte[] body) {
            try {
                return java.security.MessageDigest.getInstance("SHA-256").digest(body);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException("Every Java runtime has SHA-256", e);
            }
        }
    }

    /**
     * Refuses a delivery Shopify triggered longer ago than {@code maxAge}, or whose trigger time is not a
     * date-time. Shopify retries a failed delivery for hours (8 attempts over 4 hours) and may deliver up to a day
     * late; a signed body older than the limit is someone sending it again. Refused with 400 and logged: Shopify
     * counts that as a failed attempt, but its own attempts never reach the limit.
     */
    static void requireRecent(WebhookHeaders headers, ShopDomain shop, Instant now, java.time.Duration maxAge) {
        String topic = headers.get(WebhookHeaders.TOPIC);
        Instant triggered = headers.triggeredAt().orElseThrow(() -> {
            LOG.warning(() -> "Refused a " + printable(topic) + " webhook for " + shop + ": X-Shopify-Triggered-At "
                    + printable(headers.get(WebhookHeaders.TRIGGERED_AT)) + " is not a date-time");
            return new WebhookRejectedException(400, "X-Shopify-Triggered-At is not an ISO-8601 date-time.");
        });
        if (triggered.isBefore(now.minus(maxAge))) {
            LOG.warning(() -> "Refused a " + printable(topic) + " webhook for " + shop + " (webhook id "
                    + printable(headers.get(WebhookHeaders.WEBHOOK_ID)) + "): Shopify triggered it at " + triggered
                    + ", more than " + maxAge.toHours() + " h ago; a replay of an old delivery");
            throw new WebhookRejectedException(
                    400,
                    "X-Shopify-Triggered-At " + triggered + " is more than " + maxAge.toHours()
                            + " hours ago: an old delivery sent again is refused.");
        }
    }

    /**
     * Checks that the body is one well-formed JSON value, by streaming through it without building it (a body is
     * up to the size limit, and only its form matters here).
     */
    static void requireJson(byte[] body) {
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext()) {
                throw new WebhookRejectedException(400, "The body is not well-formed JSON.");
            }
            while (parser.hasNext()) {
                parser.next();
            }
        } catch (WebhookRejectedException e) {
            throw e;
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            throw new WebhookRejectedException(400, "The body is not well-formed JSON.");
        } catch (RuntimeException e) {
            // The parser's own limits (nesting deeper than it allows) surface as a plain RuntimeException: still
            // a bad body, never worth a 5xx that would make Shopify send it again and again.
            throw new WebhookRejectedException(
                    400, "The body is not JSON the connector can read: " + printable(e.getMessage()) + ".");
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
