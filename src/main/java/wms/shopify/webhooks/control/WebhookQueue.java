package wms.shopify.webhooks.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.util.logging.Logger;

/**
 * The webhook queue: a message names a stored delivery (its row id), never carries it. Sent after the delivery's
 * commit and outside any transaction (no two-phase commit with the database), and non-persistent: the delivery is
 * durable in the database already, so a message is only a prompt. A send that fails, or a message lost with the
 * server, leaves the delivery "received", and {@link WebhookRequeue} queues it again.
 */
@ApplicationScoped
public class WebhookQueue {

    private static final Logger LOG = Logger.getLogger(WebhookQueue.class.getName());

    @Resource(lookup = "jms/wms")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/queue/webhooks")
    Queue queue;

    /**
     * Queues a stored delivery's processing.
     *
     * @return false if it could not be queued now (logged; the delivery stays safe in the database)
     */
    public boolean send(long deliveryId) {
        try {
            try (JMSContext jms = this.connectionFactory.createContext()) {
                jms.createProducer()
                        .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                        .send(this.queue, jms.createTextMessage(Long.toString(deliveryId)));
            }
            return true;
        } catch (RuntimeException e) {
            LOG.warning(() -> "Webhook delivery " + deliveryId + " is stored but could not be queued now; it will be "
                    + "queued again by the webhook re-queue round: " + e);
            return false;
        }
    }
}
