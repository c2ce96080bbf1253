package wms.shopify.returns.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.Queue;
import wms.shopify.platform.retry.RecordQueue;

/**
 * The returns queue: a message names a stored receipt (its row id), never carries it. Queued within the caller's
 * transaction; a later attempt by the managed scheduler, and the returns sweep finds a due receipt whose message was
 * lost.
 */
@ApplicationScoped
public class ReturnQueue extends RecordQueue {

    @Resource(lookup = "jms/queue/returns")
    Queue queue;

    @Override
    protected Queue queue() {
        return this.queue;
    }

    @Override
    protected String noun() {
        return "receipt";
    }
}
