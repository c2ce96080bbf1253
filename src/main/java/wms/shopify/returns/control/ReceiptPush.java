package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import wms.shopify.returns.entity.DisposalPlan;
import wms.shopify.shopify.control.ShopifyApp;
import wms.shopify.shopify.control.ShopifyRequestException;
import wms.shopify.shopify.control.ShopifyUnauthorizedException;
import wms.shopify.shopify.control.ShopifyUnavailableException;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * One attempt to dispose of received units on Shopify, never twice: the return is read again (its reverse
 * fulfillment order lines and what is disposed of already); after an unclear earlier attempt, Shopify's disposed
 * quantities say whether it was applied; the dispositions are planned, kept with the quantities before them, and sent
 * once. With automatic closing on, a return whose units are all disposed of is closed. Unavailability is retried with
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
    ShopifyApp app;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "wms.shipping.max-attempts", defaultValue = "8")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "wms.shipping.retry-base-seconds", defaultValue = "5")
    long retryBaseSeconds;

    @Inject
    @ConfigProperty(name = "wms.shipping.retry-max-seconds", defaultValue = "600")
    long retryMaxSeconds;

    public Duration attemptTakesAtMost() {
        return Duration.ofMinutes(5).plus(this.app.requestTimeout().multipliedBy(6));
    }

    public void push(long receiptId) {
        Optional<ReturnRecords.Attempt> claimed = this.records.claim(receiptId, attemptTakesAtMost());
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
            ShopifyReturns.ShopifyReturn read = this.shopify.read(store, attempt.shopifyReturnId()).orElse(null);
            if (read == null) {
                this.records.park(id, "Shopify has no return " + attempt.shopifyReturnId() + " any more.");
                return;
            }
            boolean disposed = false;
            if (attempt.outcomeUnclear()) {
                DisposalPlan.Verdict verdict = DisposalPlan.judge(attempt.baseline(), attempt.planned(),
                        read.reverseLines());
                if (verdict == DisposalPlan.Verdict.UNKNOWN) {
                    this.records.park(id, "An earlier attempt may have reached Shopify and the return's dispositions "
                            + "changed otherwise too: check the return on Shopify.");
                    return;
                }
                disposed = verdict == DisposalPlan.Verdict.APPLIED;
                if (disposed) {
                    LOG.info(() -> "Receipt " + attempt.receiptKey() + ": an earlier attempt had reached Shopify.");
                }
            }
            if (!disposed) {
                DisposalPlan.Plan plan = DisposalPlan.plan(attempt.lines(), attempt.productByFulfillmentLine(),
                        read.reverseLines());
                if (!plan.possible()) {
                    this.records.park(id, plan.shortfall());
                    return;
                }
                if (attempt.locationId() == null && plan.disposals().stream().anyMatch(DisposalPlan.Disposal::restock)) {
                    this.records.park(id, "No location to restock at: map a location of the store to a warehouse.");
                    return;
                }
                this.records.planned(id, DisposalPlan.disposed(read.reverseLines()), plan.planned());
                sent = true;
                String refused = this.shopify.dispose(store, plan.disposals(), attempt.locationId());
                if (refused != null) {
                    this.records.park(id, "Shopify refused the dispositions: " + refused);
                    return;
                }
                sent = false;
            }
            boolean closed = false;
            if (attempt.autoClose()) {
                ShopifyReturns.ShopifyReturn after = this.shopify.read(store, attempt.shopifyReturnId()).orElse(read);
                boolean allDisposed = after.reverseLines().stream().allMatch(r -> r.disposed() >= r.totalQuantity());
                if (allDisposed && "OPEN".equals(after.status())) {
                    String refused = this.shopify.close(store, attempt.shopifyReturnId());
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
            Duration pause = wms.shopify.shipping.control.ShipmentPush.backOff(attempt.attempt(),
                    this.retryBaseSeconds, this.retryMaxSeconds);
            boolean again = this.records.failedForNow(id, e.getMessage(), sent, this.maxAttempts,
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
}
