package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.http.HttpClient;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.Shop;

/**
 * The intake queues a delivery's processing only after the delivery committed; a delivery stored but whose message
 * was lost in between (the server killed between the commit and the send) must still be processed. Simulated by a
 * delivery row written straight into the database, as the intake's transaction writes it, with no message sent:
 * the re-queue round (default settings: every 30 s, deliveries older than 60 s) queues it and it is processed once.
 */
class WebhookRequeueIT {

    @Test
    void aDeliveryStoredWithoutItsMessageIsProcessedByTheRequeueRound() throws Exception {
        SandboxConnector connector = SandboxConnector.get();
        Shop shop = connector.sandbox().createShop("requeue.myshopify.com", Plan.STANDARD);
        HttpClient admin = connector.signedInAdmin();
        connector.install(admin, shop);
        String webhookId = "requeue-" + UUID.randomUUID();
        try (Connection db = connector.jdbc();
                PreparedStatement insert = db.prepareStatement(
                        "insert into "
                                + "webhook_delivery (webhook_id, store_id, topic, headers, body, received_at) select ?, s.id, "
                                + "'collections/create', '{}', ?, now() - interval '55 seconds' from store s where s.domain = ?")) {
            insert.setString(1, webhookId);
            insert.setBytes(2, "{\"id\":1}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            insert.setString(3, shop.domain());
            assertEquals(1, insert.executeUpdate());
        }
        String outcome = "RECEIVED";
        Instant until = Instant.now().plus(Duration.ofSeconds(150));
        while ("RECEIVED".equals(outcome) && Instant.now().isBefore(until)) {
            Thread.sleep(500);
            outcome = outcome(connector, webhookId);
        }
        assertEquals(
                "KEPT",
                outcome,
                "the stored delivery was queued again and processed (no component acts on "
                        + "collections/create, so it is kept)");
    }

    private static String outcome(SandboxConnector connector, String webhookId) throws Exception {
        try (Connection db = connector.jdbc();
                PreparedStatement query =
                        db.prepareStatement("select outcome from webhook_delivery where webhook_id = ?")) {
            query.setString(1, webhookId);
            try (ResultSet result = query.executeQuery()) {
                return result.next() ? result.getString(1) : "missing";
            }
        }
    }
}
