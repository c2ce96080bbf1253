package wms.shopify.returns.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.catalog.entity.StoreVariant;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.orders.entity.OrderLine;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.database.FeedPositions;
import wms.shopify.returns.entity.ReceiptLine;
import wms.shopify.returns.entity.ReceiptState;
import wms.shopify.returns.entity.ReturnLine;
import wms.shopify.returns.entity.ReturnReceipt;
import wms.shopify.returns.entity.ReturnState;
import wms.shopify.returns.entity.ShopReturn;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;

/** The returns' state in the database, each change in its own short transaction. */
@ApplicationScoped
public class ReturnRecords {

    static final String CATEGORY = "returns";
    /** The returns' feed: its positions and the lock that makes them gap-safe for a reader ({@link FeedPositions}). */
    static final FeedPositions.Feed FEED = new FeedPositions.Feed("shop_return_feed_seq", 8_008_008L);

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ReturnQueue queue;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    @Inject
    ReturnPolicies policies;

    @Inject
    FeedPositions positions;

    /** Records a return as Shopify has it now; a new one the WMS can handle enters the feed. */
    @Transactional
    public String announce(long storeId, ShopifyReturns.ShopifyReturn read) {
        Instant now = this.clock.instant();
        Optional<ShopReturn> known = this.entityManager
                .createNamedQuery(ShopReturn.BY_SHOPIFY_ID, ShopReturn.class)
                .setParameter("store", storeId)
                .setParameter("id", read.id())
                .setLockMode(LockModeType.PESSIMISTIC_WRITE)
                .getResultStream()
                .findFirst();
        if (known.isPresent()) {
            ShopReturn r = known.get();
            boolean awaited = r.awaitedByTheWms();
            r.status(read.status(), now);
            if (awaited && r.state() == ReturnState.CLOSED) {
                // Closed on Shopify before the WMS received it all: the feed tells the WMS not to expect it.
                this.entityManager.flush(); // the position last, as for a new entry
                r.enterFeed(this.positions.next(FEED));
                String note = "Return " + read.name() + " closed on Shopify before the warehouse received all of it: "
                        + "the WMS is told not to expect it (feed position " + r.feedSeq() + ").";
                this.activity.record(CATEGORY, note, null);
                return note;
            }
            return "Return " + read.name() + " known already ("
                    + r.state().name().toLowerCase() + "); Shopify status " + read.status() + ".";
        }
        boolean creating = !this.entityManager
                .createQuery(
                        "select r.id from ShopReturn r where r.store.id = :store "
                                + "and r.shopifyOrderId = :order and r.shopifyReturnId like 'pending:%' and r.state <> "
                                + "wms.shopify.returns.entity.ReturnState.HELD",
                        Long.class)
                .setParameter("store", storeId)
                .setParameter("order", read.orderId())
                .getResultList()
                .isEmpty();
        if (creating) {
            return "Return " + read.name() + " is the one the connector is creating for goods the warehouse "
                    + "received: not announced again.";
        }
        Store store = this.entityManager.find(Store.class, storeId);
        ImportedOrder order = this.entityManager
                .createNamedQuery(ImportedOrder.BY_SHOPIFY_ID, ImportedOrder.class)
                .setParameter("store", storeId)
                .setParameter("order", read.orderId())
                .getResultStream()
                .findFirst()
                .orElse(null);
        Map<String, String> byLineItem = new HashMap<>();
        if (order != null) {
            for (OrderLine line : order.lines()) {
                if (line.productCode() != null) {
                    byLineItem.put(line.lineItemId(), line.productCode());
                }
            }
        }
        List<String> variantIds = read.lines().stream()
                .map(ShopifyReturns.Line::variantId)
                .filter(java.util.Objects::nonNull)
                .distinct()
                .toList();
        Map<String, String> byVariant = new HashMap<>();
        if (!variantIds.isEmpty()) {
            for (StoreVariant v : this.entityManager
                    .createNamedQuery(StoreVariant.BY_VARIANT_IDS, StoreVariant.class)
                    .setParameter("store", storeId)
                    .setParameter("ids", variantIds)
                    .getResultList()) {
                if (v.product() != null) {
                    byVariant.put(v.variantId(), v.product().code());
                }
            }
        }
        List<ReturnLine> lines = lines(read, byLineItem, byVariant);
        ShopReturn created =
                new ShopReturn(store, read.id(), read.orderId(), order, read.name(), read.status(), lines, now);
        this.entityManager.persist(created);
        if (created.announceable()) {
            this.entityManager.flush(); // the position last, so that the feed's shared lock is held only to commit
            created.enterFeed(this.positions.next(FEED));
            return "Return " + read.name() + " expected by the WMS (feed position " + created.feedSeq() + ").";
        }
        this.activity.record(CATEGORY, "Return " + read.name() + " of " + store.domain() + ": " + created.note(), null);
        return "Return " + read.name() + ": " + created.note();
    }

    private static List<ReturnLine> lines(
            ShopifyReturns.ShopifyReturn read, Map<String, String> byLineItem, Map<String, String> byVariant) {
        List<ReturnLine> lines = new ArrayList<>();
        for (ShopifyReturns.Line line : read.lines()) {
            String product = byLineItem.getOrDefault(line.lineItemId(), byVariant.get(line.variantId()));
            lines.add(new ReturnLine(
                    line.returnLineItemId(),
                    line.fulfillmentLineItemId(),
                    line.lineItemId(),
                    line.sku(),
                    product,
                    line.quantity()));
        }
        return lines;
    }

    /** Units of each WMS product of an order, by its Shopify line items (from the order's lines). */
    static Map<String, String> productsByLineItem(ImportedOrder order) {
        Map<String, String> byLineItem = new HashMap<>();
        for (OrderLine line : order.lines()) {
            if (line.productCode() != null) {
                byLineItem.put(line.lineItemId(), line.productCode());
            }
        }
        return byLineItem;
    }

    /**
     * Records a return the WMS received that Shopify does not know, with its receipt: queued to be created on
     * Shopify when the store allows it (return sync on), else held with the reason (the receipt parked with it).
     */
    @Transactional
    public Intake unannounced(long orderId, String receiptKey, List<ReceiptLine> lines) {
        Optional<ReturnReceipt> known = receipt(receiptKey);
        if (known.isPresent()) {
            return repeated(known.get(), known.get().shopReturn().id(), lines);
        }
        ImportedOrder order = this.entityManager.find(ImportedOrder.class, orderId, LockModeType.PESSIMISTIC_WRITE);
        if (order == null) {
            return new Intake(
                    Verdict.UNKNOWN_RETURN,
                    null,
                    "There is no order " + orderId + ": use the orderId of the order feed.",
                    List.of(new FieldError("orderId", "unknown order")));
        }
        known = receipt(receiptKey);
        if (known.isPresent()) {
            return repeated(known.get(), known.get().shopReturn().id(), lines);
        }
        Store store = order.store();
        if (!store.isConnected()) {
            return new Intake(
                    Verdict.NOT_ALLOWED,
                    null,
                    "Order " + order.name() + " belongs to store " + store.domain()
                            + ", which is not connected: reconnect it first.",
                    List.of());
        }
        Map<String, Integer> ordered = new HashMap<>();
        order.lines().forEach(l -> {
            if (l.productCode() != null) {
                ordered.merge(l.productCode(), l.quantity(), Integer::sum);
            }
        });
        List<FieldError> errors = new ArrayList<>();
        List<ReturnLine> returnLines = new ArrayList<>();
        Map<String, Integer> wanted = new HashMap<>();
        lines.forEach(l -> wanted.merge(l.productCode(), l.quantity(), Integer::sum));
        int i = 0;
        for (ReceiptLine line : lines) {
            Integer had = ordered.get(line.productCode());
            if (had == null) {
                errors.add(new FieldError(
                        "lines[" + i + "].product",
                        "product " + line.productCode() + " is not in order " + order.name()));
            } else if (wanted.get(line.productCode()) > had) {
                errors.add(new FieldError(
                        "lines[" + i + "].quantity",
                        "more " + line.productCode() + " than order " + order.name() + " had (" + had + ")"));
            }
            i++;
        }
        wanted.forEach((product, quantity) ->
                returnLines.add(new ReturnLine("pending", "pending", null, null, product, quantity)));
        if (!errors.isEmpty()) {
            return new Intake(
                    Verdict.INVALID,
                    null,
                    errors.size() + " line(s) do not fit order " + order.name() + "; nothing was stored.",
                    errors);
        }
        Instant now = this.clock.instant();
        boolean allowed = this.policies.of(store.id()).syncEnabled();
        ShopReturn created = ShopReturn.unannounced(order, receiptKey, returnLines, allowed, now);
        this.entityManager.persist(created);
        ReturnReceipt receipt = new ReturnReceipt(receiptKey, created, lines, now);
        this.entityManager.persist(receipt);
        for (ReceiptLine line : lines) {
            created.receive(line.productCode(), line.quantity(), now);
        }
        this.entityManager.flush();
        if (!allowed) {
            receipt.park(created.note(), now);
            this.activity.record(
                    CATEGORY,
                    "Return received for order " + order.name() + " of " + store.domain() + " held: " + created.note(),
                    null);
            return new Intake(Verdict.CREATED, receipt, created.note(), List.of());
        }
        this.queue.send(receipt.id());
        return new Intake(
                Verdict.CREATED,
                receipt,
                "Return of order " + order.name() + " stored; it is created on Shopify and disposed of.",
                List.of());
    }

    /** The return was created on Shopify: linked to it, with Shopify's lines. */
    @Transactional
    public void createdOnShopify(long returnId, ShopifyReturns.ShopifyReturn read) {
        ShopReturn found = this.entityManager.find(ShopReturn.class, returnId, LockModeType.PESSIMISTIC_WRITE);
        Map<String, String> byLineItem = found.order() == null ? Map.of() : productsByLineItem(found.order());
        found.created(read.id(), read.name(), read.status(), lines(read, byLineItem, Map.of()), this.clock.instant());
        this.activity.record(
                CATEGORY,
                "Return " + read.name() + " created on Shopify for units the warehouse "
                        + "received without a request.",
                null);
    }

    public List<ShopReturn> feed(long after, int limit) {
        return this.entityManager
                .createNamedQuery(ShopReturn.FEED, ShopReturn.class)
                .setParameter("after", after)
                .setParameter("upTo", this.positions.committedUpTo(FEED))
                .setMaxResults(limit)
                .getResultList();
    }

    public Optional<ShopReturn> find(long id) {
        return Optional.ofNullable(this.entityManager.find(ShopReturn.class, id));
    }

    /** @return empty: no such return; false: the revision is not the current one */
    @Transactional
    public Optional<Boolean> acknowledge(long id, long revision) {
        ShopReturn found = this.entityManager.find(ShopReturn.class, id, LockModeType.PESSIMISTIC_WRITE);
        return found == null ? Optional.empty() : Optional.of(found.acknowledge(revision, this.clock.instant()));
    }

    /** What became of a reported receipt. */
    public enum Verdict {
        CREATED,
        REPEATED,
        CONFLICT,
        UNKNOWN_RETURN,
        NOT_ALLOWED,
        INVALID
    }

    public record Intake(Verdict verdict, ReturnReceipt receipt, String detail, List<FieldError> errors) {}

    /** Records what the WMS received of a return, checked against what is expected, and queues its disposal. */
    @Transactional
    public Intake receive(long returnId, String receiptKey, List<ReceiptLine> lines) {
        Optional<ReturnReceipt> known = receipt(receiptKey);
        if (known.isPresent()) {
            return repeated(known.get(), returnId, lines);
        }
        ShopReturn found = this.entityManager.find(ShopReturn.class, returnId, LockModeType.PESSIMISTIC_WRITE);
        if (found == null) {
            return new Intake(
                    Verdict.UNKNOWN_RETURN,
                    null,
                    "There is no return " + returnId + ": use the returnId of the return feed.",
                    List.of());
        }
        known = receipt(receiptKey);
        if (known.isPresent()) {
            return repeated(known.get(), returnId, lines);
        }
        Store store = found.store();
        if (!store.isConnected()) {
            return new Intake(
                    Verdict.NOT_ALLOWED,
                    null,
                    "Return " + found.name() + " belongs to store " + store.domain()
                            + ", which is not connected: reconnect it first.",
                    List.of());
        }
        if (!this.policies.of(store.id()).syncEnabled()) {
            return new Intake(
                    Verdict.NOT_ALLOWED,
                    null,
                    "Return sync is off for " + store.domain() + " (Store Settings): receipts are not taken.",
                    List.of());
        }
        if (found.state() == ReturnState.CLOSED
                && found.open().values().stream().anyMatch(q -> q > 0)) {
            return new Intake(
                    Verdict.CONFLICT,
                    null,
                    "Return " + found.name() + " was closed on Shopify before the warehouse received all of it: it "
                            + "is not expected any more. Reopen it on Shopify, or handle the goods as unannounced.",
                    List.of());
        }
        Map<String, Integer> open = found.open();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            ReceiptLine line = lines.get(i);
            Integer left = open.get(line.productCode());
            if (left == null) {
                errors.add(new FieldError(
                        "lines[" + i + "].product",
                        "product " + line.productCode() + " is not in return " + found.name()));
            } else if (line.quantity() > left) {
                errors.add(new FieldError(
                        "lines[" + i + "].quantity",
                        line.quantity() + " of " + line.productCode() + " is more than the " + left
                                + " still expected in return " + found.name()));
            } else {
                open.put(line.productCode(), left - line.quantity());
            }
        }
        if (!errors.isEmpty()) {
            return new Intake(
                    Verdict.INVALID,
                    null,
                    errors.size() + " line(s) do not fit return " + found.name() + "; nothing was stored.",
                    errors);
        }
        Instant now = this.clock.instant();
        ReturnReceipt receipt = new ReturnReceipt(receiptKey, found, lines, now);
        this.entityManager.persist(receipt);
        for (ReceiptLine line : lines) {
            found.receive(line.productCode(), line.quantity(), now);
        }
        this.entityManager.flush();
        this.queue.send(receipt.id());
        return new Intake(
                Verdict.CREATED,
                receipt,
                "Receipt " + receiptKey + " of return " + found.name() + " stored and queued for Shopify.",
                List.of());
    }

    private static Intake repeated(ReturnReceipt receipt, long returnId, List<ReceiptLine> lines) {
        boolean same = receipt.shopReturn().id() == returnId
                && receipt.lines().size() == lines.size()
                && java.util.stream.IntStream.range(0, lines.size()).allMatch(i -> {
                    ReceiptLine a = receipt.lines().get(i);
                    ReceiptLine b = lines.get(i);
                    return a.productCode().equals(b.productCode())
                            && a.quantity() == b.quantity()
                            && a.restock() == b.restock();
                });
        return same
                ? new Intake(
                        Verdict.REPEATED,
                        receipt,
                        "Receipt " + receipt.receiptKey()
                                + " was reported before with the same content: nothing changed.",
                        List.of())
                : new Intake(
                        Verdict.CONFLICT,
                        receipt,
                        "Receipt " + receipt.receiptKey() + " was reported before with other content.",
                        List.of());
    }

    public Optional<ReturnReceipt> receipt(String key) {
        return this.entityManager
                .createNamedQuery(ReturnReceipt.BY_KEY, ReturnReceipt.class)
                .setParameter("key", key)
                .getResultStream()
                .findFirst();
    }

    /** What a disposal attempt needs, read under the receipt's lock when claimed. */
    public record Attempt(
            long receiptId,
            String receiptKey,
            long storeId,
            long returnId,
            String shopifyReturnId,
            String returnName,
            List<ReceiptLine> lines,
            Map<String, String> productByFulfillmentLine,
            String locationId,
            boolean autoClose,
            boolean refundOnProcess,
            boolean outcomeUnclear,
            String baseline,
            String planned,
            int attempt,
            boolean pendingOnShopify,
            String shopifyOrderId,
            Map<String, String> productByLineItem) {}

    @Transactional
    public Optional<Attempt> claim(long receiptId, Duration attemptTakesAtMost) {
        Instant now = this.clock.instant();
        ReturnReceipt receipt = this.entityManager.find(ReturnReceipt.class, receiptId, LockModeType.PESSIMISTIC_WRITE);
        if (receipt == null) {
            return Optional.empty();
        }
        if (receipt.state() == ReceiptState.PUSHING) {
            if (receipt.updatedAt().plus(attemptTakesAtMost).isAfter(now)) {
                return Optional.empty(); // an attempt is under way
            }
            receipt.interrupted(now);
        }
        if (!receipt.due(now)) {
            return Optional.empty();
        }
        receipt.claim(now);
        ShopReturn shopReturn = receipt.shopReturn();
        Map<String, String> products = new HashMap<>();
        shopReturn.lines().forEach(l -> products.put(l.fulfillmentLineItemId(), l.productCode()));
        Store store = shopReturn.store();
        return Optional.of(new Attempt(
                receipt.id(),
                receipt.receiptKey(),
                store.id(),
                shopReturn.id(),
                shopReturn.shopifyReturnId(),
                shopReturn.name(),
                receipt.lines(),
                products,
                location(store, shopReturn.order()),
                this.policies.of(store.id()).autoClose(),
                this.policies.of(store.id()).refundOnProcess(),
                receipt.outcomeUnclear(),
                receipt.baseline(),
                receipt.planned(),
                receipt.attempts(),
                shopReturn.pendingOnShopify(),
                shopReturn.shopifyOrderId(),
                shopReturn.order() == null ? Map.of() : productsByLineItem(shopReturn.order())));
    }

    /** Where restocked units go back on sale: the order's location, else the store's default location. */
    private String location(Store store, ImportedOrder order) {
        if (order != null && order.locationId() != null) {
            return order.locationId();
        }
        return this.entityManager
                .createNamedQuery(StoreLocation.OF_STORE, StoreLocation.class)
                .setParameter("store", store.id())
                .getResultStream()
                .filter(StoreLocation::isDefaultForOrders)
                .map(StoreLocation::shopifyLocationId)
                .findFirst()
                .orElse(null);
    }

    @Transactional
    public void planned(long receiptId, String baseline, String planned) {
        this.entityManager
                .find(ReturnReceipt.class, receiptId, LockModeType.PESSIMISTIC_WRITE)
                .planned(baseline, planned, this.clock.instant());
    }

    @Transactional
    public void done(long receiptId, boolean closedReturn) {
        // The return's row first, locked as a returns/process or returns/close delivery locks it (announce), which
        // Shopify sends while this attempt finishes: one waits for the other instead of failing on a stale version.
        Long returnId = this.entityManager
                .createQuery("select r.shopReturn.id from ReturnReceipt r where r.id = :id", Long.class)
                .setParameter("id", receiptId)
                .getSingleResult();
        this.entityManager.find(ShopReturn.class, returnId, LockModeType.PESSIMISTIC_WRITE);
        ReturnReceipt receipt = this.entityManager.find(ReturnReceipt.class, receiptId, LockModeType.PESSIMISTIC_WRITE);
        Instant now = this.clock.instant();
        receipt.done(closedReturn, now);
        if (closedReturn) {
            receipt.shopReturn().closed(now);
        }
        this.activity.record(
                CATEGORY,
                "Receipt " + receipt.receiptKey() + " of return "
                        + receipt.shopReturn().name() + " processed on Shopify (returnProcess)"
                        + (closedReturn ? "; the return is closed." : "."),
                null);
    }

    /** @return whether another attempt follows */
    @Transactional
    public boolean failedForNow(long receiptId, String why, boolean unclear, int maxAttempts, Instant nextAt) {
        ReturnReceipt receipt = this.entityManager.find(ReturnReceipt.class, receiptId, LockModeType.PESSIMISTIC_WRITE);
        boolean again = receipt.failedForNow(why, unclear, maxAttempts, nextAt, this.clock.instant());
        if (!again) {
            parked(receipt);
        }
        return again;
    }

    @Transactional
    public void park(long receiptId, String why) {
        ReturnReceipt receipt = this.entityManager.find(ReturnReceipt.class, receiptId, LockModeType.PESSIMISTIC_WRITE);
        receipt.park(why, this.clock.instant());
        parked(receipt);
    }

    private void parked(ReturnReceipt receipt) {
        this.activity.record(
                CATEGORY,
                "Receipt " + receipt.receiptKey() + " of return "
                        + receipt.shopReturn().name() + " could not be processed on Shopify: " + receipt.reason(),
                null);
    }

    public List<Long> due(Duration attemptTakesAtMost) {
        Instant now = this.clock.instant();
        return this.entityManager
                .createNamedQuery(ReturnReceipt.DUE, Long.class)
                .setParameter("now", now)
                .setParameter("stale", now.minus(attemptTakesAtMost))
                .getResultList();
    }
}
