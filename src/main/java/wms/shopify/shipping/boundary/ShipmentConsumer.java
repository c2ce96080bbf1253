package wms.shopify.shipping.boundary;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import wms.shopify.shipping.control.ShipmentPush;
import wms.shopify.shipping.control.ShipmentQueue;
import wms.shopify.shipping.control.ShipmentTracking;

/**
 * Pushes queued shipments to Shopify. Outside a container transaction on purpose: an attempt records its own
 * progress in short transactions (the database holds the truth), and a call to Shopify is never held inside one.
 */
@MessageDriven(name = "ShipmentConsumer")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ShipmentConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ShipmentConsumer.class.getName());

    @Inject
    ShipmentPush push;

    @Inject
    ShipmentTracking tracking;

    @Override
    public void onMessage(Message message) {
        try {
            String text = ((TextMessage) message).getText();
            if (text.startsWith(ShipmentQueue.TRACKING)) {
                this.tracking.push(Long.parseLong(text.substring(ShipmentQueue.TRACKING.length())));
            } else {
                this.push.push(Long.parseLong(text));
            }
        } catch (JMSException | ClassCastException | NumberFormatException e) {
            // The shipment itself is safe in the database, where the shipping sweep finds it.
            LOG.warning(() -> "Dropped an unreadable shipment message: " + e);
        }
    }
}
