package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.ShopifyRequestException;
import wms.shopify.adminapi.control.ShopifyUnauthorizedException;
import wms.shopify.adminapi.control.ShopifyUnavailableException;
import wms.shopify.platform.retry.RetryPolicy;
import wms.shopify.returns.entity.DisposalPlan;
import wms.shopify.returns.entity.ShopifyRestock;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * One attempt to process received units on Shopify ({@code returnProcess}, with their dispositions), never twice:
 * the return is read again (its reverse fulfillment order lines and what is disposed of already); after an unclear
 * earlier attempt, Shopify's disposed quantities say whether it was applied ({@code returnProcess} takes no
 * idempotency key in 2026-07); the dispositions are planned, kept with the quantities before them, and sent once. With automatic closing on, a return whose units are all disposed of is closed. Unavailability is retried with
 * the shipping back-off settings; a refusal parks the receipt with the reason.
 */
@ApplicationScoped
public class ReceiptPush {

    private static final Logger LOG = Logger.getLogger(ReceiptPush.class.getName());

    @Inject
    ReturnRecords records;

    @Inject
    ReturnQueue queue;

    @Inject
    ShopifyReturns shopify;

    @Inject
    Stores stores;

    @Inject
    Clock clock;

    @Inject
    Event<ShopifyRestock> restocked;

    @Inject
    RetryPolicy retries;

    public void push(long receiptId) {
        Optional<ReturnRecords.Attempt> claimed = this.records.claim(receiptId, this.retries.attemptTakesAtMost());
        if (claimed.isEmpty()) {
            return;
        }
        ReturnRecords.Attempt attempt = claimed.get();
        long id = attempt.receiptId();
        Store store = this.stores.find(attempt.storeId()).orElse(null);
        if (store == null || !store.isConnected()) {
            this.records.park(id, "The store is not connected: reconnect it first.");
            return;
        }
        boolean sent = false;
        try {
            String shopifyReturnId = attempt.shopifyReturnId();
            java.util.Map<String, String> productByFulfillmentLine = attempt.productByFulfillmentLine();
            if (attempt.pendingOnShopify()) {
                if (attempt.outcomeUnclear()) {
                    this.records.park(
                            id,
                            "An earlier attempt to create the return on Shopify may have reached it: "
                                    + "check the order's returns on Shopify.");
                    return;
                }
                java.util.Map<String, Integer> byFulfillmentLine =
                        allocate(attempt, this.shopify.fulfilledLines(store, attempt.shopifyOrderId()));
                if (byFulfillmentLine == null) {
                    this.records.park(id, "Shopify has fewer fulfilled units of the order than were received.");
                    return;
                }
                sent = true;
                String[] refusal = new String[1];
                shopifyReturnId = this.shopify.create(store, attempt.shopifyOrderId(), byFulfillmentLine, refusal);
                if (shopifyReturnId == null) {
                    this.records.park(id, "Shopify refused to create the return: " + refusal[0]);
                    return;
                }
                sent = false;
                ShopifyReturns.ShopifyReturn created = this.shopify
                        .read(store, shopifyReturnId)
                        .orElseThrow(() -> new ShopifyRequestException("the return just created cannot be read"));
                this.records.createdOnShopify(attempt.returnId(), created);
                java.util.Map<String, String> products = new java.util.HashMap<>();
                created.lines()
                        .forEach(l -> products.put(
                                l.fulfillmentLineItemId(),
                                attempt.productByLineItem().get(l.lineItemId())));
                productByFulfillmentLine = products;
            }
            final String returnId = shopifyReturnId;
            ShopifyReturns.ShopifyReturn read =
                    this.shopify.read(store, returnId).orElse(null);
            if (read == null) {
                this.records.park(id, "Shopify has no return " + returnId + " any more.");
                return;
            }
            boolean disposed = false;
            if (attempt.outcomeUnclear()) {
                DisposalPlan.Verdict verdict =
                        DisposalPlan.judge(attempt.baseline(), attempt.planned(), read.reverseLines());
                if (verdict == DisposalPlan.Verdict.UNKNOWN) {
                    this.records.park(
                            id,
                            "An earlier attempt may have reached Shopify and the return's dispositions "
                                    + "changed otherwise too: check the return on Shopify.");
                    return;
                }
                disposed = verdict == DisposalPlan.Verdict.APPLIED;
                if (disposed) {
                    LOG.info(() -> "Receipt " + attempt.receiptKey() + ": an earlier attempt had reached Shopify.");
                }
            }
            if (!disposed) {
                DisposalPlan.Plan plan =
                        DisposalPlan.plan(attempt.lines(), productByFulfillmentLine, read.reverseLines());
                if (!plan.possible()) {
                    this.records.park(id, plan.shortfall());
                    return;
                }
                if (attempt.locationId() == null
                        && plan.disposals().stream().anyMatch(DisposalPlan.Disposal::restock)) {
                    this.records.park(id, "No location to restock at: map a location of the store to a warehouse.");
                    return;
                }
                this.records.planned(id, DisposalPlan.disposed(read.reverseLines()), plan.planned());
                sent = true;
                String refused = this.shopify.process(
                        store, read, plan.disposals(), attempt.locationId(), attempt.refundOnProcess());
                if (refused != null) {
                    this.records.park(id, "Shopify refused to process the return: " + refused);
                    return;
                }
                sent = false;
                disposed = true;
            }
            if (disposed) {
                restocked(attempt);
            }
            boolean closed = false;
            if (attempt.autoClose()) {
                ShopifyReturns.ShopifyReturn after =
                        this.shopify.read(store, returnId).orElse(read);
                boolean allDisposed = after.reverseLines().stream().allMatch(r -> r.disposed() >= r.totalQuantity());
                if (allDisposed && "OPEN".equals(after.status())) {
                    String refused = this.shopify.close(store, returnId);
                    if (refused != null) {
                        this.records.park(id, "Disposed of, but Shopify refused to close the return: " + refused);
                        return;
                    }
                    closed = true;
                } else {
                    closed = "CLOSED".equals(after.status());
                }
            }
            this.records.done(id, closed);
        } catch (ShopifyUnavailableException e) {
            Duration pause = this.retries.backOff(attempt.attempt());
            boolean again = this.records.failedForNow(
                    id,
                    e.getMessage(),
                    sent,
                    this.retries.maxAttempts(),
                    this.clock.instant().plus(pause));
            if (again) {
                this.queue.later(id, pause);
            }
        } catch (ShopifyUnauthorizedException e) {
            this.records.park(id, "Shopify refused the store's token: reconnect the store. (" + e.getMessage() + ")");
        } catch (ShopifyRequestException e) {
            this.records.park(id, "Shopify refused the request: " + e.getMessage());
        }
    }

    /**
     * Shopify put the restocked units back into "available" at the location: stock sync is told, so Absolute mode
     * sets the level to the WMS's figure again instead of keeping them twice (see {@link ShopifyRestock}).
     */
    private void restocked(ReturnRecords.Attempt attempt) {
        java.util.Set<String> products = new java.util.TreeSet<>();
        attempt.lines().stream()
                .filter(l -> l.restock() && l.quantity() > 0)
                .forEach(l -> products.add(l.productCode()));
        if (!products.isEmpty() && attempt.locationId() != null) {
            this.restocked.fire(new ShopifyRestock(attempt.storeId(), attempt.locationId(), products));
        }
    }

    /** The received units per fulfillment line of the order, or null when Shopify fulfilled fewer. */
    static java.util.Map<String, Integer> allocate(
            ReturnRecords.Attempt attempt, java.util.List<ShopifyReturns.FulfilledLine> fulfilled) {
        java.util.Map<String, Integer> wanted = new java.util.LinkedHashMap<>();
        attempt.lines().forEach(l -> wanted.merge(l.productCode(), l.quantity(), Integer::sum));
        java.util.Map<String, Integer> byLine = new java.util.LinkedHashMap<>();
        for (java.util.Map.Entry<String, Integer> want : wanted.entrySet()) {
            int needed = want.getValue();
            for (ShopifyReturns.FulfilledLine line : fulfilled) {
                if (needed > 0
                        && want.getKey().equals(attempt.productByLineItem().get(line.lineItemId()))) {
                    int take = Math.min(needed, line.quantity());
                    byLine.merge(line.fulfillmentLineItemId(), take, Integer::sum);
                    needed -= take;
                }
            }
            if (needed > 0) {
                return null;
            }
        }
        return byLine;
    }
}
