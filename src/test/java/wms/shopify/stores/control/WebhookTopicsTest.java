package wms.shopify.stores.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import wms.shopify.orders.control.OrderWebhooks;
import wms.shopify.returns.control.ReturnWebhooks;
import wms.shopify.stock.control.StockWebhooks;

/**
 * No topic is subscribed and ignored: every topic the connector registers on a store is one a component handles, and
 * every topic a component handles is registered (else its deliveries never come).
 */
class WebhookTopicsTest {

    @Test
    void everySubscribedTopicIsHandledAndEveryHandledTopicSubscribed() {
        Set<String> subscribed = new TreeSet<>();
        WebhookSubscriptions.TOPICS.forEach(topic -> subscribed.add(asDelivered(topic)));
        Set<String> handled = new TreeSet<>();
        handled.addAll(OrderWebhooks.TOPICS);
        handled.addAll(ReturnWebhooks.TOPICS);
        handled.add(StockWebhooks.TOPIC);
        handled.add(StoreWebhooks.TOPIC);
        assertEquals(handled, subscribed);
    }

    /** A subscription topic (RETURNS_PROCESS) as its deliveries name it (returns/process): the last "_" is a "/". */
    static String asDelivered(String topic) {
        int last = topic.lastIndexOf('_');
        return (topic.substring(0, last) + "/" + topic.substring(last + 1)).toLowerCase(Locale.ROOT);
    }
}
