package wms.shopify.platform.retry;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A JMS queue of stored records pushed in attempts: a message names a record (its row id), never carries it. Sent
 * within the caller's transaction, so a record is queued exactly when it is committed. A later attempt is queued by
 * the managed scheduler; if the server stops first, the record's sweep finds it due in the database.
 */
public abstract class RecordQueue {

    private static final Logger LOG = Logger.getLogger(RecordQueue.class.getName());

    @Inject
    @JMSConnectionFactory("jms/wms")
    JMSContext jms;

    @Resource(lookup = "concurrent/wmsScheduler")
    ManagedScheduledExecutorService scheduler;

    /** The queue the messages go to. */
    protected abstract Queue queue();

    /** What a record is called in the log ("shipment"). */
    protected abstract String noun();

    /** Sends a message now (within the caller's transaction, if any). */
    protected void sendText(String text) {
        this.jms.createProducer().send(queue(), text);
    }

    /** Queues the record now (within the caller's transaction, if any). */
    public void send(long id) {
        sendText(Long.toString(id));
    }

    /** Queues the record after a pause (its next attempt). */
    public void later(long id, Duration pause) {
        this.scheduler.schedule(
                () -> {
                    try {
                        send(id);
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "Could not queue " + noun() + " " + id + " again; the sweep will: " + e);
                    }
                },
                Math.max(0, pause.toMillis()),
                TimeUnit.MILLISECONDS);
    }
}
