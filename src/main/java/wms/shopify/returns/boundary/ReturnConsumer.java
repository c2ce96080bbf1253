package wms.shopify.returns.boundary;

import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Logger;
import wms.shopify.returns.control.ReceiptPush;

/** Disposes of received returns on Shopify; outside a container transaction, like the shipment consumer. */
@MessageDriven(name = "ReturnConsumer")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ReturnConsumer implements MessageListener {

    private static final Logger LOG = Logger.getLogger(ReturnConsumer.class.getName());

    @Inject
    ReceiptPush push;

    @Override
    public void onMessage(Message message) {
        try {
            this.push.push(Long.parseLong(((TextMessage) message).getText()));
        } catch (JMSException | ClassCastException | NumberFormatException e) {
            LOG.warning(() -> "Dropped an unreadable return message: " + e);
        }
    }
}
