package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * Records, when a delivery is processed, which order and which customer its body names (the columns
 * {@code order_ref} and {@code customer_ref}, read from the body by the database function {@code webhook_body_ref}
 * that also filled them for older deliveries), so that a privacy request finds the customer's deliveries through an
 * index. A {@code customers/redact} body is not referenced: it is erased once processed.
 */
@ApplicationScoped
public class DeliveryReferences {

    static final String FILL = "update webhook_delivery set order_ref = webhook_body_ref(topic, body, 'order'), "
            + "customer_ref = webhook_body_ref(topic, body, 'customer') where id = ?";

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    void onWebhook(@Observes WebhookReceived webhook) {
        if (names(webhook.topic())) {
            this.entityManager
                    .createNativeQuery(FILL)
                    .setParameter(1, webhook.deliveryId())
                    .executeUpdate();
        }
    }

    /** The topics whose bodies name an order or a customer. */
    static boolean names(String topic) {
        return topic.startsWith("orders/") || topic.startsWith("returns/") || "customers/data_request".equals(topic);
    }
}
