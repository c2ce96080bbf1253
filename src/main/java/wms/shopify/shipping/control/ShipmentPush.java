package wms.shopify.shipping.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.AbstractMap;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.platform.retry.RetryPolicy;
import wms.shopify.shipping.entity.FulfillmentPlan;
import wms.shopify.shipping.entity.ShipmentFulfillment;
import wms.shopify.shipping.entity.Tracking;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * One attempt to push a shipment to Shopify as its fulfillments, none twice: the attempt is claimed under the
 * shipment's lock; after an unclear earlier attempt (no answer, 5xx) Shopify's fulfillments of the order are read
 * and a matching one is taken as done for each fulfillment planned before; what is left is planned on the fulfillment
 * order lines Shopify has open now (one fulfillment per location, and per parcel when the store says so), kept, then
 * each sent once and recorded as it lands. Unavailability (5xx, 429, THROTTLED, timeout) is retried with a growing pause until the attempts
 * are spent, then the shipment is parked as failed; a refusal parks it at once. The store's breaker and bulkhead
 * decide whether an attempt may call Shopify at all; one held back waits without spending an attempt.
 */
@ApplicationScoped
public class ShipmentPush {

    private static final Logger LOG = Logger.getLogger(ShipmentPush.class.getName());
    /** How soon a shipment held back by a full bulkhead is tried again. */
    private static final Duration BULKHEAD_PAUSE = Duration.ofSeconds(1);

    @Inject
    ShipmentRecords records;

    @Inject
    ShipmentQueue queue;

    @Inject
    ShopifyFulfillments shopify;

    @Inject
    ShipmentCallLimits guards;

    @Inject
    Stores stores;

    @Inject
    Clock clock;

    @Inject
    RetryPolicy retries;

    /** Makes the next attempt of a shipment, if it is due. */
    public void push(long shipmentId) {
        Optional<ShipmentRecords.Attempt> claimed = this.records.claim(shipmentId, this.retries.attemptTakesAtMost());
        if (claimed.isEmpty()) {
            return;
        }
        ShipmentRecords.Attempt attempt = claimed.get();
        StoreBreaker guard = this.guards.of(attempt.storeId());
        StoreBreaker.Entry entry = guard.enter(this.clock.instant());
        if (entry.granted().isEmpty()) {
            Duration pause =
                    guard.open(this.clock.instant()) ? this.retries.backOff(1).plusSeconds(1) : BULKHEAD_PAUSE;
            this.records.deferred(
                    shipmentId, entry.refusal(), this.clock.instant().plus(pause));
            this.queue.later(shipmentId, pause);
            return;
        }
        try (StoreBreaker.Pass pass = entry.pass()) {
            attempt(attempt, guard);
        }
    }

    private void attempt(ShipmentRecords.Attempt attempt, StoreBreaker guard) {
        long id = attempt.shipmentId();
        Store store = this.stores.find(attempt.storeId()).orElse(null);
        if (store == null || !store.isConnected()) {
            this.records.park(id, "The store is not connected: reconnect it, then retry.");
            return;
        }
        boolean sent = false;
        try {
            FulfillmentPlan.ShopifyState state = this.shopify.read(store, attempt.orderId());
            List<ShipmentFulfillment> kept = attempt.fulfillments();
            Set<String> claimed = new HashSet<>(attempt.claimedFulfillments());
            kept.stream().filter(ShipmentFulfillment::done).forEach(f -> claimed.add(f.fulfillmentId()));
            List<Map.Entry<Integer, String>> made = new ArrayList<>();
            kept.stream()
                    .filter(ShipmentFulfillment::done)
                    .forEach(f -> made.add(new AbstractMap.SimpleEntry<>(f.parcel(), f.plannedLines())));
            if (attempt.outcomeUnclear()) {
                boolean unmatched = false;
                for (int position = 0; position < kept.size(); position++) {
                    ShipmentFulfillment planned = kept.get(position);
                    if (planned.done()) {
                        continue;
                    }
                    FulfillmentPlan.Existing found = FulfillmentPlan.match(
                            planned.plannedLines(),
                            attempt.tracking(planned.parcel()).numbers(),
                            state,
                            claimed);
                    if (found == null) {
                        unmatched = true;
                        continue;
                    }
                    this.records.made(id, position, found.id(), found.name(), true);
                    claimed.add(found.id());
                    made.add(new AbstractMap.SimpleEntry<>(planned.parcel(), planned.plannedLines()));
                }
                if (unmatched && !state.fulfillmentsComplete()) {
                    guard.succeeded();
                    this.records.park(
                            id,
                            "An earlier attempt may have reached Shopify, and the order has more "
                                    + "fulfillments than the connector can compare: check the order on Shopify; retry only "
                                    + "if the shipment is not there.");
                    return;
                }
            }
            List<FulfillmentPlan.Portion> remaining =
                    FulfillmentPlan.remaining(attempt.portions(), made, attempt.productOfLineItem());
            if (remaining.isEmpty()) {
                guard.succeeded();
                this.records.fulfilled(id);
                return;
            }
            FulfillmentPlan.Plan plan =
                    FulfillmentPlan.plan(remaining, attempt.lineItemsByProduct(), attempt.locationId(), state);
            if (!plan.possible()) {
                guard.succeeded();
                this.records.park(id, plan.shortfall());
                return;
            }
            List<Integer> positions = this.records.planned(id, plan.groups());
            // One fulfillmentCreate per location (and parcel): Shopify takes fulfillment orders of one location only.
            for (int i = 0; i < plan.groups().size(); i++) {
                FulfillmentPlan.Group group = plan.groups().get(i);
                Tracking tracking = attempt.tracking(group.parcel());
                sent = true;
                ShopifyFulfillments.Written written = this.shopify.create(
                        store,
                        group,
                        ShopifyFulfillments.tracking(attempt.trackingCompany(), tracking.numbers(), tracking.urls()),
                        attempt.notifyCustomer());
                guard.succeeded();
                if (written.fulfillmentId() == null) {
                    this.records.park(
                            id,
                            "Shopify refused the fulfillment"
                                    + (plan.groups().size() > 1
                                            ? " of location " + group.locationId() + " (" + (i + 1) + " of "
                                                    + plan.groups().size() + ")"
                                            : "")
                                    + ": " + written.userErrors());
                    return;
                }
                this.records.made(id, positions.get(i), written.fulfillmentId(), written.fulfillmentName(), false);
                sent = false;
            }
            this.records.fulfilled(id);
        } catch (ShopifyUnavailableException e) {
            guard.failed(this.clock.instant());
            Duration pause = this.retries.backOff(attempt.attempt());
            // After a send, Shopify may have applied it: the next attempt checks before sending again.
            boolean again = this.records.failedForNow(
                    id,
                    e.getMessage(),
                    sent,
                    this.retries.maxAttempts(),
                    this.clock.instant().plus(pause));
            LOG.info(() -> "Shipment " + attempt.shipmentKey() + ", attempt " + attempt.attempt() + ": "
                    + e.getMessage() + (again ? "; next attempt in " + pause.toSeconds() + " s" : "; parked"));
            if (again) {
                this.queue.later(id, pause);
            }
        } catch (ShopifyUnauthorizedException e) {
            this.records.park(
                    id, "Shopify refused the store's token: reconnect the store, then retry. (" + e.getMessage() + ")");
        } catch (ShopifyRequestException e) {
            guard.succeeded();
            this.records.park(id, "Shopify refused the request: " + e.getMessage());
        } catch (RuntimeException e) {
            Duration pause = this.retries.backOff(attempt.attempt());
            LOG.log(java.util.logging.Level.WARNING, "Shipment " + attempt.shipmentKey() + ": unexpected failure", e);
            if (this.records.failedForNow(
                    id,
                    "Unexpected failure: " + e,
                    sent,
                    this.retries.maxAttempts(),
                    this.clock.instant().plus(pause))) {
                this.queue.later(id, pause);
            }
        }
    }
}
