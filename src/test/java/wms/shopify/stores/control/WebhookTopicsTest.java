package wms.shopify.stores.control;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import wms.shopify.orders.control.OrderWebhooks;
import wms.shopify.returns.control.ReturnWebhooks;

/**
 * No topic is subscribed and ignored: every topic the connector registers on a store is one a component handles, and
 * every topic a component handles is registered (else its deliveries never come).
 */
class WebhookTopicsTest {

    @Test
    void everySubscribedTopicIsHandledAndEveryHandledTopicSubscribed() {
        Set<String> subscribed = new TreeSet<>(WebhookSubscriptions.TOPICS);
        Set<String> delivered = new TreeSet<>();
        delivered.addAll(OrderWebhooks.TOPICS);
        delivered.add(OrderWebhooks.MOVED);
        delivered.addAll(ReturnWebhooks.TOPICS);
        delivered.add(StoreWebhooks.TOPIC);
        delivered.add(StoreWebhooks.SCOPES_TOPIC);
        Set<String> handled = new TreeSet<>();
        delivered.forEach(topic -> handled.add(asSubscribed(topic)));
        assertEquals(handled, subscribed);
    }

    /**
     * A topic as its deliveries name it (returns/process, app/scopes_update) as a subscription names it
     * (RETURNS_PROCESS, APP_SCOPES_UPDATE). This way round is unambiguous: a subscription name does not say which
     * "_" was the "/".
     */
    static String asSubscribed(String topic) {
        return topic.replace('/', '_').toUpperCase(Locale.ROOT);
    }
}
