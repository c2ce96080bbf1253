package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.webhooks.entity.PrivacyRequest;
import wms.shopify.webhooks.entity.PrivacyRequest.Kind;
import wms.shopify.webhooks.entity.WebhookDelivery;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * Shopify's mandatory privacy requests. The request is read as Shopify sends it ({@code customer.id},
 * {@code customer.email}, {@code orders_to_redact} or {@code orders_requested}) and fired as a {@link PrivacyRequest}
 * that each component answers for its own tables (orders erase or list what their orders keep of the customer, the
 * activity log its entries about the customer); this component then erases, or counts, the stored webhook bodies:
 * <ul>
 * <li>{@code customers/data_request}: an Activity entry lists what is held (which orders, which fields, which
 * webhook bodies), so the merchant can answer the customer;
 * <li>{@code customers/redact}: the bodies that name the customer or one of their orders are erased, nobody else's,
 * and so is the request's own body (it carries the customer's e-mail and phone);
 * <li>{@code shop/redact}: every body of the store is erased.
 * </ul>
 * Bodies are erased a few hundred per transaction ({@link DeliveryErasure}); a request that fails half-way is
 * processed again and resumes harmlessly.
 */
@ApplicationScoped
public class ComplianceRequests {

    static final String CATEGORY = "privacy";
    /** How a data-request entry names the customer and store, so that a redaction can find the entry again. */
    static final String CUSTOMER_MARK = "(customer %s of %s)";
    /** What a data-request entry says once the customer's, or the store's, data has been erased. */
    static final String ENTRY_ERASED = "A customer's data request; the customer's data has since been erased.";

    private static final Logger LOG = Logger.getLogger(ComplianceRequests.class.getName());
    private static final int ACTIVITY_LIMIT = 2000;

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Event<PrivacyRequest> requests;

    @Inject
    DeliveryErasure deliveries;

    void onWebhook(@Observes WebhookReceived webhook) {
        Kind kind = switch (webhook.topic()) {
            case "customers/data_request" -> Kind.CUSTOMER_DATA;
            case "customers/redact" -> Kind.CUSTOMER_REDACT;
            case "shop/redact" -> Kind.SHOP_REDACT;
            default -> null;
        };
        if (kind == null) {
            return;
        }
        JsonObject body = webhook.bodyObject();
        JsonObject customer = body.get("customer") instanceof JsonObject c ? c : JsonValue.EMPTY_JSON_OBJECT;
        String customerId = gid("Customer", customer.get("id"));
        String email = customer.get("email") instanceof JsonString e ? e.getString() : null;
        Set<String> orders = new LinkedHashSet<>();
        if (kind != Kind.SHOP_REDACT) {
            orders.addAll(orderIds(body.get(kind == Kind.CUSTOMER_DATA ? "orders_requested" : "orders_to_redact")));
            orders.addAll(this.deliveries.ordersOf(webhook.storeId(), customerId));
        }
        PrivacyRequest request = new PrivacyRequest(kind, webhook.storeId(), webhook.shop(), customerId, email, orders);
        this.requests.fire(request);
        switch (kind) {
            case CUSTOMER_DATA -> listHeld(webhook, request, body);
            case CUSTOMER_REDACT -> eraseCustomer(webhook, request);
            case SHOP_REDACT -> eraseStore(webhook, request);
        }
    }

    private void listHeld(WebhookReceived webhook, PrivacyRequest request, JsonObject body) {
        Map<String, Integer> held = this.deliveries.heldFor(
                request.storeId(), request.customerId(), request.orderIds(), webhook.deliveryId());
        request.report(
                held.isEmpty()
                        ? "no stored webhook body names the customer or these orders"
                        : "stored webhook bodies as Shopify sent them: "
                                + held.entrySet().stream()
                                        .map(e -> e.getValue() + " × " + e.getKey())
                                        .collect(Collectors.joining(", ")));
        JsonObject dataRequest = body.get("data_request") instanceof JsonObject d ? d : JsonValue.EMPTY_JSON_OBJECT;
        JsonValue id = dataRequest.get("id");
        String requestId = id == null || id == JsonValue.NULL ? "?" : text(id);
        String who = request.customerId() != null
                ? String.format(CUSTOMER_MARK, request.customerId(), webhook.shop())
                : "(a guest customer, by e-mail)";
        this.activity.record(
                CATEGORY,
                bounded("Store " + webhook.shop() + ", data request " + requestId + " " + who + ": the connector holds "
                        + String.join("; ", request.reports()) + "."),
                null);
        webhook.handled("Listed in the activity log for the merchant: "
                + held.values().stream().mapToInt(Integer::intValue).sum() + " stored webhook bodies, "
                + request.orderIds().size()
                + " orders named.");
    }

    private void eraseCustomer(WebhookReceived webhook, PrivacyRequest request) {
        int erased = 0;
        long after = 0;
        while (true) {
            DeliveryErasure.Batch batch = this.deliveries.eraseCustomerBatch(
                    request.storeId(), request.customerId(), request.orderIds(), after, webhook.deliveryId());
            if (batch.done()) {
                break;
            }
            erased += batch.erased();
            after = batch.lastId();
        }
        request.report(erased + " stored webhook bodies erased");
        if (request.customerId() != null) {
            int entries = this.activity.replaceMessages(
                    CATEGORY,
                    "%" + like(String.format(CUSTOMER_MARK, request.customerId(), webhook.shop())) + "%",
                    ENTRY_ERASED);
            request.report(entries + " activity entries about the customer erased");
        }
        eraseOwnBody(webhook);
        String summary =
                "Shopify asked to erase a customer's personal data: " + String.join("; ", request.reports()) + ".";
        this.activity.record(CATEGORY, bounded("Store " + webhook.shop() + ": " + summary), null);
        webhook.handled(bounded(summary));
    }

    private void eraseStore(WebhookReceived webhook, PrivacyRequest request) {
        int erased = 0;
        long after = 0;
        while (true) {
            DeliveryErasure.Batch batch =
                    this.deliveries.eraseStoreBatch(request.storeId(), after, webhook.deliveryId());
            if (batch.done()) {
                break;
            }
            erased += batch.erased();
            after = batch.lastId();
            final long upTo = after;
            LOG.fine(() -> "shop/redact of " + webhook.shop() + ": bodies erased up to delivery " + upTo);
        }
        request.report(erased + " stored webhook bodies erased");
        int entries = this.activity.replaceMessages(
                CATEGORY,
                "%"
                        + like(String.format(CUSTOMER_MARK, "gid://", webhook.shop()))
                                .replace("gid://", "gid://%") + "%",
                ENTRY_ERASED);
        request.report(entries + " activity entries about its customers erased");
        String summary = "Shopify asked to erase the shop's data (48 hours after the uninstall): "
                + String.join("; ", request.reports()) + ".";
        this.activity.record(CATEGORY, bounded("Store " + webhook.shop() + ": " + summary), null);
        webhook.handled(bounded(summary));
    }

    /** The request names the customer's e-mail and phone: it is erased with the rest once it has been acted on. */
    private void eraseOwnBody(WebhookReceived webhook) {
        WebhookDelivery own = this.entityManager.find(WebhookDelivery.class, webhook.deliveryId());
        if (own != null) {
            own.erasePayload();
        }
    }

    /** Shopify's numeric ids (or gids, or numeric strings) as global ids of the type. */
    static String gid(String type, JsonValue value) {
        if (value instanceof JsonNumber number) {
            return "gid://shopify/" + type + "/" + number.longValue();
        }
        if (value instanceof JsonString text && !text.getString().isBlank()) {
            String id = text.getString().trim();
            return id.startsWith("gid://") ? id : "gid://shopify/" + type + "/" + id;
        }
        return null;
    }

    private static Set<String> orderIds(JsonValue value) {
        Set<String> ids = new LinkedHashSet<>();
        if (value instanceof JsonArray array) {
            for (JsonValue id : array) {
                String gid = gid("Order", id);
                if (gid != null) {
                    ids.add(gid);
                }
            }
        }
        return ids;
    }

    private static String text(JsonValue value) {
        return value instanceof JsonString s ? s.getString() : value.toString();
    }

    /** Text matched literally by LIKE (backslash escapes). */
    private static String like(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static String bounded(String text) {
        return text.length() <= ACTIVITY_LIMIT ? text : text.substring(0, ACTIVITY_LIMIT - 1) + "…";
    }
}
