package wms.shopify.webhooks.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.webhooks.control.WebhookProcessing;
import wms.shopify.webhooks.entity.WebhookDelivery;

/** The recent webhook deliveries on the Activity page: store, topic, time, outcome; never the payload. */
@Named
@RequestScoped
public class WebhookDeliveriesPage {

    static final int SHOWN = 50;

    @Inject
    WebhookProcessing processing;

    private List<WebhookDelivery> deliveries;

    public List<WebhookDelivery> getDeliveries() {
        if (this.deliveries == null) {
            this.deliveries = this.processing.recent(SHOWN);
        }
        return this.deliveries;
    }

    private List<WebhookProcessing.TopicHealth> health;

    /** Per store and topic, the last delivery: a topic that went quiet shows here. */
    public List<WebhookProcessing.TopicHealth> getHealth() {
        if (this.health == null) {
            this.health = this.processing.lastPerTopic();
        }
        return this.health;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
