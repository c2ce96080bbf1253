package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import jakarta.annotation.Resource;
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
import wms.shopify.shopify.control.ShopifyApp;
import wms.shopify.shopify.control.ShopifyHmac;
import wms.shopify.shopify.entity.InvalidShopDomainException;
import wms.shopify.shopify.entity.ShopDomain;
import javax.sql.DataSource;
import wms.shopify.stores.entity.StoreStatus;

/**
 * The single intake of every Shopify webhook: the signature is checked over the raw bytes before anything else is
 * believed, then the headers and the body's form (all before the database is asked), then the store; the delivery
 * is stored by the one autocommitted statement that claims its {@code X-Shopify-Webhook-Id}. Only once that is
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

    /**
     * The intake's one database statement: the store looked up and the delivery inserted in a single round trip, in
     * autocommit (no JTA transaction, no entity manager: nothing else takes part, and a webhook storm should cost the
     * database one short write per delivery). Durable when it returns.
     */
    @ApplicationScoped
    public static class Storage {

        private static final String STORE = "with s as (select id, status from store where domain = ?), "
                + "inserted as (insert into webhook_delivery (webhook_id, store_id, topic, event_id, triggered_at, "
                + "api_version, headers, body, received_at) select ?, s.id, ?, ?, ?, ?, ?, ?, ? from s "
                + "where s.status = any(?) or ? on conflict (webhook_id) do nothing returning id) "
                + "select s.status, (select id from inserted) from s";

        /** The statuses of a store whose webhooks are taken (compliance topics are taken whatever the status). */
        private static final String[] ACCEPTING = java.util.Arrays.stream(StoreStatus.values())
                .filter(StoreStatus::acceptsWebhooks).map(StoreStatus::name).toArray(String[]::new);

        @Resource(lookup = "jdbc/wms")
        DataSource dataSource;

        /** Stores a checked delivery; committed when this returns (a failure throws, and nothing is stored). */
        public Stored store(WebhookHeaders headers, ShopDomain shop, byte[] body, Instant now) {
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
                statement.setArray(10, connection.createArrayOf("varchar", ACCEPTING));
                statement.setBoolean(11, compliance);
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
            if (status == null || !(compliance || StoreStatus.valueOf(status).acceptsWebhooks())) {
                LOG.warning(() -> "Refused a " + printable(topic) + " webhook for " + shop
                        + ": no connected store with that domain");
                throw new WebhookRejectedException(404, "No connected store " + shop + ".");
            }
            return id == 0 ? new Stored(Receipt.DUPLICATE, 0) : new Stored(Receipt.STORED, id);
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
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
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
