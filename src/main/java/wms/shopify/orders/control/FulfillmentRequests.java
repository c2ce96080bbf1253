package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.JsonString;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.orders.entity.AssignedFulfillmentOrder;
import wms.shopify.orders.entity.FeedKind;
import wms.shopify.orders.entity.FulfillmentRejectionReason;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderLine;
import wms.shopify.orders.entity.OrderState;
import wms.shopify.orders.entity.RejectedFulfillmentOrder;
import wms.shopify.orders.entity.ShopifyOrderSnapshot;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.entity.WebhookReceived;

/**
 * The merchant's fulfillment requests to the WMS as fulfillment service (fulfillment-service mode, issue #19 §1):
 * a notification from Shopify ({@code fulfillment_order_notification}, stored and queued by the webhook intake) has
 * the fulfillment orders requested of the service's location read ({@code assignedFulfillmentOrders}, page by page)
 * and each of their orders imported as any order is ({@link OrderImport}): the requested fulfillment orders' lines go
 * into the feed. The WMS's acknowledgement accepts the requests on Shopify, and the WMS may reject them instead. Every
 * answer is given outside any transaction, after the fulfillment order's request status was read again, so an
 * answer that is repeated (the WMS calling again after a failure) is given once.
 */
@ApplicationScoped
public class FulfillmentRequests {

    private static final Logger LOG = Logger.getLogger(FulfillmentRequests.class.getName());
    private static final String SUBMITTED = "SUBMITTED";

    @Inject
    IntakePolicies policies;

    @Inject
    ShopifyFulfillmentService service;

    @Inject
    ShopifyOrders orders;

    @Inject
    OrderImport importer;

    @Inject
    OrderRecords records;

    @Inject
    Stores stores;

    @Inject
    ActivityLog activity;

    /** Shopify could not take the WMS's answer: the fulfillment order is not in a state that allows it. */
    public static final class AnswerRefused extends RuntimeException {
        private static final long serialVersionUID = 1L;

        AnswerRefused(String message) {
            super(message);
        }
    }

    void onNotification(@Observes WebhookReceived webhook) {
        if ("app/uninstalled".equals(webhook.topic())) {
            forgetService(webhook);
            return;
        }
        if (!WebhookReceived.FULFILLMENT_ORDER_NOTIFICATION.equals(webhook.topic())) {
            return;
        }
        String kind = webhook.topLevel()
                .map(body -> body.get("kind") instanceof JsonString k ? k.getString() : "")
                .orElse("");
        webhook.handled(handle(webhook.storeId(), kind));
    }

    /**
     * The app was uninstalled: its token is gone, so the service cannot be removed through the API any more; the
     * store is recorded as merchant-managed (a reinstall starts there), and the Activity log says what Shopify keeps.
     */
    private void forgetService(WebhookReceived webhook) {
        FulfillmentSetup setup = this.policies.fulfillmentSetup(webhook.storeId());
        if (!setup.isFulfillmentService() && setup.warehouseServices().isEmpty()) {
            return;
        }
        this.policies.recordFulfillmentSetup(webhook.storeId(), FulfillmentSetup.MERCHANT_MANAGED);
        setup.warehouseServices().forEach(s -> this.policies.forgetWarehouseService(webhook.storeId(), s.serviceId()));
        String note = "The app was uninstalled: the store is merchant-managed again for the connector; fulfillment "
                + "service(s) " + serviceIds(setup) + " and their location(s) " + setup.locationIds()
                + " are left to Shopify and the merchant.";
        this.activity.record(OrderRecords.CATEGORY, "Store " + webhook.shop() + ": " + note, null);
        webhook.handled(webhook.isHandled() ? webhook.handledNote() + " " + note : note);
    }

    private String handle(long storeId, String kind) {
        Optional<Store> store = this.stores.find(storeId).filter(Store::isConnected);
        if (store.isEmpty()) {
            return "The store is not connected: the " + kind + " is read once it is (assignedFulfillmentOrders).";
        }
        FulfillmentSetup setup = this.policies.fulfillmentSetup(storeId);
        if (!setup.isFulfillmentService()) {
            return "The store is not in fulfillment-service mode: the " + kind + " was not read.";
        }
        return "FULFILLMENT_REQUEST".equals(kind)
                ? importRequested(store.get(), setup)
                : cancellationsRequested(store.get(), setup);
    }

    /**
     * Puts a cancellation request into the feed for every order the WMS accepted whose fulfillment order at the
     * service's location the merchant asks to cancel (CANCELLATION_REQUESTED), once per request.
     */
    String cancellationsRequested(Store store, FulfillmentSetup setup) {
        Set<String> orderIds = new LinkedHashSet<>();
        this.service.eachAssigned(
                store,
                setup.locationIds(),
                "CANCELLATION_REQUESTED",
                page -> page.stream()
                        .map(AssignedFulfillmentOrder::orderId)
                        .filter(java.util.Objects::nonNull)
                        .forEach(orderIds::add));
        int added = 0;
        for (String orderId : orderIds) {
            if (this.records.cancellationRequested(store.id(), orderId)) {
                added++;
            }
        }
        return "Cancellation request: " + orderIds.size() + " order(s) asked, " + added + " new in the WMS feed.";
    }

    /**
     * The WMS answers the merchant's cancellation request of an order it accepted: each fulfillment order at the
     * service's location with a cancellation requested is answered on Shopify, then the order is recorded as
     * cancelled (agreed) or carrying on (refused, with the WMS's message). Repeating it after a failure answers only
     * what is still asked.
     *
     * @return what was done, for the WMS
     * @throws IllegalStateException when no cancellation request of the order is open
     * @throws AnswerRefused when Shopify refused the answer
     */
    public String answerCancellation(ImportedOrder order, boolean agreed, String message, String by) {
        if (order.cancellationRequestedAt() == null) {
            throw new IllegalStateException(
                    "Order " + order.id() + " has no cancellation request waiting for the " + "WMS's answer.");
        }
        FulfillmentSetup setup = this.policies.fulfillmentSetup(order.store().id());
        Store store = order.store();
        List<String> answered = new ArrayList<>();
        Set<String> locationIds = setup.isFulfillmentService() ? setup.locationIds() : Set.of();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : this.orders.read(store, order.shopifyOrderId()).stream()
                .flatMap(read -> read.fulfillmentOrders().stream())
                .filter(fo -> fo.locationId() != null
                        && locationIds.contains(fo.locationId())
                        && "CANCELLATION_REQUESTED".equals(fo.requestStatus()))
                .toList()) {
            ShopifyFulfillmentService.Answered answer = agreed
                    ? this.service.acceptCancellation(store, fo.id(), message)
                    : this.service.rejectCancellation(store, fo.id(), message);
            String expected = agreed ? "CANCELLATION_ACCEPTED" : "CANCELLATION_REJECTED";
            if (answer.refused() && !expected.equals(requestStatusNow(store, order, fo.id()))) {
                throw new AnswerRefused("Shopify refused the answer to the cancellation request of " + fo.id()
                        + " (order " + order.name() + "): " + answer.userErrors());
            }
            answered.add(fo.id());
        }
        String note = agreed
                ? "The WMS agreed to Shopify's cancellation request" + (message == null ? "." : ": " + message + ".")
                : "The WMS refused Shopify's cancellation request: " + message + " It ships the order.";
        this.records.cancellationAnswered(order.id(), agreed, note);
        this.activity.record(
                OrderRecords.CATEGORY,
                "Order " + order.name() + " of " + store.domain() + ": " + note
                        + (answered.isEmpty() ? "" : " Answered on Shopify: " + String.join(", ", answered) + "."),
                by);
        return note;
    }

    /**
     * Imports every order with a fulfillment order requested of the service's location (FULFILLMENT_REQUESTED), once
     * per order: an order already in the feed with these lines is unchanged, so a notification processed twice adds
     * nothing.
     */
    String importRequested(Store store, FulfillmentSetup setup) {
        Set<String> orderIds = new LinkedHashSet<>();
        this.service.eachAssigned(
                store,
                setup.locationIds(),
                "FULFILLMENT_REQUESTED",
                page -> page.stream()
                        .map(AssignedFulfillmentOrder::orderId)
                        .filter(java.util.Objects::nonNull)
                        .forEach(orderIds::add));
        List<String> notes = new ArrayList<>();
        for (String orderId : orderIds) {
            notes.add(this.importer
                    .importOrder(store, orderId, "fulfillment request")
                    .note());
        }
        return orderIds.isEmpty()
                ? "Fulfillment request: no fulfillment order is waiting for the WMS's answer (answered already)."
                : "Fulfillment request: " + orderIds.size() + " order(s) read. " + String.join(" ", notes);
    }

    /**
     * Before the WMS's acknowledgement of an order to ship (or of a change, which carries a fulfillment order requested
     * after the WMS accepted the order) is recorded: in fulfillment-service mode, accepts on
     * Shopify the fulfillment requests of the order that the feed entry carries (its SUBMITTED fulfillment orders at
     * the service's location whose lines are all in the entry). Each fulfillment order's request status is read first,
     * so one accepted by an earlier attempt is not accepted again.
     *
     * @throws AnswerRefused when Shopify refused an acceptance and the fulfillment order is not accepted
     * @throws wms.shopify.adminapi.control.ShopifyUnavailableException when Shopify cannot answer now (the WMS
     *     acknowledges again later; nothing was recorded)
     */
    public void acceptBeforeAcknowledgement(ImportedOrder order, long revision) {
        acceptBeforeAcknowledgement(order, revision, null);
    }

    /**
     * As {@link #acceptBeforeAcknowledgement(ImportedOrder, long)}, for one warehouse's part of an order over several
     * warehouses: only the requests whose lines are in that part are accepted (null: the whole entry).
     */
    public void acceptBeforeAcknowledgement(ImportedOrder order, long revision, String warehouse) {
        if ((order.feedKind() != FeedKind.ORDER && order.feedKind() != FeedKind.CHANGE)
                || !order.feedPending()
                || order.feedSeq() == null
                || order.feedSeq() != revision) {
            return; // outdated or already acknowledged: the acknowledgement says so, nothing to accept
        }
        FulfillmentSetup setup = this.policies.fulfillmentSetup(order.store().id());
        if (!setup.isFulfillmentService()) {
            return;
        }
        Store store = order.store();
        List<String> accepted = new ArrayList<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : requested(store, order, setup, warehouse)) {
            ShopifyFulfillmentService.Answered answered = this.service.acceptFulfillment(store, fo.id());
            if (answered.refused() && !"ACCEPTED".equals(requestStatusNow(store, order, fo.id()))) {
                throw new AnswerRefused("Shopify refused to accept the fulfillment request of " + fo.id() + " (order "
                        + order.name() + "): " + answered.userErrors());
            }
            accepted.add(fo.id());
        }
        if (!accepted.isEmpty()) {
            this.activity.record(
                    OrderRecords.CATEGORY,
                    "Order " + order.name() + " of " + store.domain() + ": the WMS accepted the fulfillment request ("
                            + String.join(", ", accepted) + ").",
                    null);
        }
    }

    /**
     * The WMS rejects the merchant's fulfillment request for an order in the feed: each of its SUBMITTED fulfillment
     * orders at the service's location is rejected on Shopify with the reason and message, then the order leaves the
     * feed. Repeating it after a failure rejects only what is still SUBMITTED.
     *
     * @return what was done, for the WMS
     * @throws IllegalStateException when the store is not in fulfillment-service mode or the order is not in the
     *     feed as an order to ship
     * @throws AnswerRefused when Shopify refused a rejection
     */
    public String reject(ImportedOrder order, FulfillmentRejectionReason reason, String message, String by) {
        FulfillmentSetup setup = this.policies.fulfillmentSetup(order.store().id());
        if (!setup.isFulfillmentService()) {
            throw new IllegalStateException("The store " + order.store().domain()
                    + " is not in fulfillment-service mode: there is no fulfillment request to reject.");
        }
        if (order.state() != OrderState.READY || !order.feedPending() || order.feedKind() != FeedKind.ORDER) {
            throw new IllegalStateException("Order " + order.id() + " is not in the feed waiting for the WMS ("
                    + order.state().name().toLowerCase() + "): only a request not acknowledged yet can be rejected.");
        }
        Store store = order.store();
        List<String> rejected = new ArrayList<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : submittedAt(store, order, setup.locationIds())) {
            ShopifyFulfillmentService.Answered answered =
                    this.service.rejectFulfillment(store, fo.id(), reason.name(), message);
            if (answered.refused() && !"REJECTED".equals(requestStatusNow(store, order, fo.id()))) {
                throw new AnswerRefused("Shopify refused to reject the fulfillment request of " + fo.id() + " (order "
                        + order.name() + "): " + answered.userErrors());
            }
            rejected.add(fo.id());
        }
        String note = "The WMS rejected the fulfillment request (" + reason.name() + ")"
                + (message == null || message.isBlank() ? "" : ": " + message) + ".";
        boolean left = this.records.fulfillmentRejected(order.id(), note);
        this.activity.record(
                OrderRecords.CATEGORY,
                "Order " + order.name() + " of " + store.domain() + ": " + note
                        + (rejected.isEmpty() ? "" : " Rejected on Shopify: " + String.join(", ", rejected) + ".")
                        + (left ? " It left the WMS feed." : ""),
                by);
        return note;
    }

    /**
     * Before the WMS's rejection of a change entry is recorded (fulfillment-service mode): a change that carries a
     * fulfillment request the merchant made after the WMS accepted the order (a SUBMITTED fulfillment order at the
     * service's location whose open lines are all in the entry) has that request rejected on Shopify
     * ({@code fulfillmentOrderRejectFulfillmentRequest}, with Shopify's reason and the merchant's message), so that a
     * rejection recorded never leaves the merchant's request unanswered. The fulfillment orders' request statuses are
     * read first: one an earlier attempt rejected (REJECTED now, its lines still in the entry because that attempt's
     * rejection was not recorded) is not rejected again, but is returned all the same, so that the rejection recorded
     * now takes its lines out of the order.
     *
     * @return the requests rejected on Shopify, now or by an earlier attempt; none when the entry is not a change
     *     waiting at that revision (outdated or answered already: recording the rejection says so, and nothing is
     *     answered twice) or the store is merchant-managed
     * @throws AnswerRefused when Shopify refused a rejection and the fulfillment order is not rejected
     * @throws wms.shopify.adminapi.control.ShopifyUnavailableException when Shopify cannot answer now (nothing was
     *     recorded: the WMS rejects again later)
     */
    public List<RejectedFulfillmentOrder> rejectBeforeChangeRejection(
            ImportedOrder order, long revision, FulfillmentRejection rejection) {
        if (order.feedKind() != FeedKind.CHANGE
                || !order.feedPending()
                || order.feedSeq() == null
                || order.feedSeq() != revision) {
            return List.of();
        }
        FulfillmentSetup setup = this.policies.fulfillmentSetup(order.store().id());
        if (!setup.isFulfillmentService()) {
            return List.of();
        }
        Store store = order.store();
        String locationId = setup.locationId();
        Map<String, Integer> inEntry = new java.util.HashMap<>();
        for (OrderLine line : order.lines()) {
            if (locationId.equals(line.locationId())) {
                inEntry.merge(line.lineItemId(), line.quantity(), Integer::sum);
            }
        }
        List<RejectedFulfillmentOrder> rejected = new ArrayList<>();
        for (ShopifyOrderSnapshot.FulfillmentOrder fo : this.orders.read(store, order.shopifyOrderId()).stream()
                .flatMap(read -> read.fulfillmentOrders().stream())
                .filter(fo -> locationId.equals(fo.locationId())
                        && (SUBMITTED.equals(fo.requestStatus()) || "REJECTED".equals(fo.requestStatus())))
                .toList()) {
            Map<String, Integer> units = new java.util.LinkedHashMap<>();
            fo.lines().stream()
                    .filter(l -> l.remainingQuantity() > 0)
                    .forEach(l -> units.merge(l.lineItemId(), l.remainingQuantity(), Integer::sum));
            if (units.isEmpty()
                    || !units.entrySet().stream().allMatch(u -> inEntry.getOrDefault(u.getKey(), 0) >= u.getValue())) {
                continue; // not what the WMS was given in this change
            }
            if (SUBMITTED.equals(fo.requestStatus())) {
                ShopifyFulfillmentService.Answered answered = this.service.rejectFulfillment(
                        store, fo.id(), rejection.reason().name(), rejection.message());
                if (answered.refused() && !"REJECTED".equals(requestStatusNow(store, order, fo.id()))) {
                    throw new AnswerRefused("Shopify refused to reject the fulfillment request of " + fo.id()
                            + " (order " + order.name() + "): " + answered.userErrors());
                }
            }
            rejected.add(new RejectedFulfillmentOrder(fo.id(), locationId, units));
        }
        return rejected;
    }

    /**
     * The order's SUBMITTED fulfillment orders at the service's location whose open lines are all in the feed entry
     * (what the WMS saw).
     */
    private List<ShopifyOrderSnapshot.FulfillmentOrder> requested(
            Store store, ImportedOrder order, FulfillmentSetup setup, String warehouse) {
        Set<String> inEntry = new java.util.HashSet<>();
        for (OrderLine line : warehouse == null || !order.parted() ? order.lines() : order.linesOf(warehouse)) {
            if (setup.locationIds().contains(line.locationId())) {
                inEntry.add(line.lineItemId());
            }
        }
        return submittedAt(store, order, setup.locationIds()).stream()
                .filter(fo -> fo.lines().stream()
                        .filter(l -> l.remainingQuantity() > 0)
                        .allMatch(l -> inEntry.contains(l.lineItemId())))
                .toList();
    }

    private List<ShopifyOrderSnapshot.FulfillmentOrder> submittedAt(
            Store store, ImportedOrder order, Set<String> locationIds) {
        return this.orders.read(store, order.shopifyOrderId()).stream()
                .flatMap(read -> read.fulfillmentOrders().stream())
                .filter(fo -> locationIds.contains(fo.locationId()) && SUBMITTED.equals(fo.requestStatus()))
                .toList();
    }

    /** The ids of the WMS's services on the store (the one, or those per warehouse). */
    private static List<String> serviceIds(FulfillmentSetup setup) {
        List<String> ids = new ArrayList<>();
        if (setup.serviceId() != null) {
            ids.add(setup.serviceId());
        }
        setup.warehouseServices().forEach(s -> ids.add(s.serviceId()));
        return ids;
    }

    /** The fulfillment order's request status as Shopify has it now (read again after a refused answer). */
    private String requestStatusNow(Store store, ImportedOrder order, String fulfillmentOrderId) {
        String status = this.orders.read(store, order.shopifyOrderId()).stream()
                .flatMap(read -> read.fulfillmentOrders().stream())
                .filter(fo -> fo.id().equals(fulfillmentOrderId))
                .map(ShopifyOrderSnapshot.FulfillmentOrder::requestStatus)
                .findFirst()
                .orElse(null);
        LOG.info(() -> "Fulfillment order " + fulfillmentOrderId + " of order " + order.name()
                + " refused an answer; its request status now: " + status);
        return status;
    }
}
