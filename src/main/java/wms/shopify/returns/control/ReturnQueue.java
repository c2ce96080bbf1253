package wms.shopify.returns.control;

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
 * The returns queue: a message names a stored receipt (its row id), never carries it. Sent within the caller's
 * transaction, so a receipt is queued exactly when it is committed. A later attempt is queued by the managed
 * scheduler; if the server stops first, the returns sweep finds the due receipt in the database.
 */
@ApplicationScoped
public class ReturnQueue {

    private static final Logger LOG = Logger.getLogger(ReturnQueue.class.getName());

    @Inject
    @JMSConnectionFactory("jms/wms")
    JMSContext jms;

    @Resource(lookup = "jms/queue/returns")
    Queue queue;

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    /** Queues the receipt now (within the caller's transaction, if any). */
    public void send(long receiptId) {
        this.jms.createProducer().send(this.queue, Long.toString(receiptId));
    }

    /** Queues the receipt after a pause (its next attempt). */
    public void later(long receiptId, Duration pause) {
        this.scheduler.schedule(() -> {
            try {
                send(receiptId);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "Could not queue receipt " + receiptId + " again; the sweep will: " + e);
            }
        }, Math.max(0, pause.toMillis()), TimeUnit.MILLISECONDS);
    }
}

