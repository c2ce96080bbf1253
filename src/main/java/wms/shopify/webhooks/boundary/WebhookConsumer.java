package wms.shopify.webhooks.boundary;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import wms.shopify.webhooks.control.WebhookProcessing;

/**
 * Processes the deliveries queued by the intake. Message and processing share one container transaction: a failure
 * puts the message back, and past the queue's redelivery limit it goes to the dead-letter queue while the delivery
 * stays "received" in the database, where it can be found again.
 */
@MessageDriven(name = "WebhookConsumer")
public class WebhookConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(WebhookConsumer.class.getName());

    @Inject
    WebhookProcessing processing;

    @Override
    public void onMessage(Message message) {
        try {
            this.processing.process(Long.parseLong(((TextMessage) message).getText()));
        } catch (JMSException | ClassCastException | NumberFormatException e) {
            // A message that cannot be read now never can: the delivery itself is safe in the database.
            LOG.warning(() -> "Dropped an unreadable webhook message: " + e);
        }
    }
}
