package wms.shopify.shipping.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The shipping queue: a message names a stored shipment (its row id), never carries it. Sent within the caller's
 * transaction, so a shipment is queued exactly when it is committed. A later attempt is queued by the managed
 * scheduler; if the server stops first, the shipping sweep finds the due shipment in the database.
 */
@ApplicationScoped
public class ShipmentQueue {

    /** The prefix of a message about a shipment's later tracking (else the message is the shipment's id). */
    public static final String TRACKING = "tracking:";

    private static final Logger LOG = Logger.getLogger(ShipmentQueue.class.getName());

    @Inject
    @JMSConnectionFactory("jms/wms")
    JMSContext jms;

    @Resource(lookup = "jms/queue/shipping")
    Queue queue;

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    /** Queues the shipment now (within the caller's transaction, if any). */
    public void send(long shipmentId) {
        this.jms.createProducer().send(this.queue, Long.toString(shipmentId));
    }

    /** Queues the push of a shipment's later tracking to its fulfillment. */
    public void sendTracking(long shipmentId) {
        this.jms.createProducer().send(this.queue, TRACKING + shipmentId);
    }

    /** Queues the shipment after a pause (its next attempt). */
    public void later(long shipmentId, Duration pause) {
        this.scheduler.schedule(() -> {
            try {
                send(shipmentId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not queue shipment " + shipmentId + " again; the sweep will: " + e);
            }
        }, Math.max(0, pause.toMillis()), TimeUnit.MILLISECONDS);
    }
}
