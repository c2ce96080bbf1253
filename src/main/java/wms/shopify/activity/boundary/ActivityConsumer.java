package wms.shopify.activity.boundary;

import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.logging.Logger;
import wms.shopify.activity.control.ActivityLog;

/**
 * Writes the events of the activity queue into the activity log. The delivery and the insert share one
 * container transaction: a failed insert puts the message back for redelivery, and after the queue's redelivery
 * limit it goes to the dead-letter queue.
 */
@MessageDriven(name = "ActivityConsumer")
public class ActivityConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ActivityConsumer.class.getName());

    @Inject
    ActivityLog log;

    @Override
    public void onMessage(Message message) {
        try {
            this.log.store(message);
        } catch (JMSException | ClassCastException e) {
            // A message that cannot be read now never can: log it and drop it rather than loop on redelivery.
            LOG.warning(() -> "Dropped an unreadable activity message: " + e);
        }
    }
}
