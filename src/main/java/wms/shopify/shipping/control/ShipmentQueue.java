package wms.shopify.shipping.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;
import wms.shopify.platform.retry.RecordQueue;

/**
 * The shipping queue: a message names a stored shipment (its row id), never carries it, or the shipment whose later
 * tracking is to be pushed. Queued within the caller's transaction; a later attempt by the managed scheduler, and
 * the shipping sweep finds a due shipment whose message was lost.
 */
@ApplicationScoped
public class ShipmentQueue extends RecordQueue {

    /** The prefix of a message about a shipment's later tracking (else the message is the shipment's id). */
    public static final String TRACKING = "tracking:";

    @Resource(lookup = "jms/queue/shipping")
    Queue queue;

    @Override
    protected Queue queue() {
        return this.queue;
    }

    @Override
    protected String noun() {
        return "shipment";
    }

    /** Queues the push of a shipment's later tracking to its fulfillment. */
    public void sendTracking(long shipmentId) {
        sendText(TRACKING + shipmentId);
    }
}
