package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.webhooks.entity.WebhookDelivery;

/**
 * Shopify's mandatory privacy requests, for the raw bodies of stored webhook deliveries: {@code customers/redact}
 * erases the bodies of the store's order and return deliveries, {@code shop/redact} erases every body of the store;
 * {@code customers/data_request} is recorded in the Activity log for the merchant, who answers the customer
 * (docs/stores.md says what is held). The orders component erases what its orders keep of the customer.
 */
@ApplicationScoped
public class ComplianceRequests {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    void onWebhook(@Observes WebhookReceived webhook) {
        switch (webhook.topic()) {
            case "customers/data_request" -> {
                this.activity.record("privacy", "Shopify asked, for store " + webhook.shop() + ", which data the "
                        + "connector holds about a customer (delivery " + webhook.deliveryId() + "). It holds the "
                        + "order and return webhooks Shopify sent, as received, and for each imported order the "
                        + "shipping address, e-mail, phone, shipping method and note (Orders page).", null);
                webhook.handled("Recorded in the activity log for the merchant.");
            }
            case "customers/redact" -> {
                int erased = erase(webhook.storeId(), true, webhook.deliveryId());
                webhook.handled("Erased the payload of " + erased + " order and return deliveries.");
            }
            case "shop/redact" -> {
                int erased = erase(webhook.storeId(), false, webhook.deliveryId());
                this.activity.record("privacy", "Store " + webhook.shop() + ": Shopify asked to erase the shop's "
                        + "data; " + erased + " stored webhook payloads erased.", null);
                webhook.handled("Erased the payload of " + erased + " deliveries.");
            }
            default -> {
                // not a privacy topic
            }
        }
    }

    private int erase(long storeId, boolean customerTopicsOnly, long requestId) {
        var deliveries = this.entityManager.createQuery("select d from WebhookDelivery d where d.store.id = :store"
                + " and d.id <> :request", WebhookDelivery.class)
                .setParameter("store", storeId).setParameter("request", requestId).getResultList();
        int erased = 0;
        for (WebhookDelivery delivery : deliveries) {
            if (!customerTopicsOnly || delivery.topic().startsWith("orders/") || delivery.topic().startsWith("returns/")) {
                delivery.erasePayload();
                erased++;
            }
        }
        return erased;
    }
}
