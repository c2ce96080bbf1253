package wms.shopify.returns.entity;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import wms.shopify.orders.entity.ImportedOrder;
import wms.shopify.stores.entity.Store;

/**
 * One Shopify return of a store as the WMS sees it: the units it should expect, per WMS product, and what it has
 * received of them. Re-read from Shopify on every webhook; once the WMS has it, a later read only updates the
 * Shopify status (a return's lines do not change after the request).
 */
@Entity
@Table(name = "shop_return")
@NamedQuery(
        name = ShopReturn.BY_SHOPIFY_ID,
        query = "select r from ShopReturn r where r.store.id = :store " + "and r.shopifyReturnId = :id")
@NamedQuery(
        name = ShopReturn.FEED,
        query = "select r from ShopReturn r join fetch r.store where r.feedPending = true "
                + "and r.feedSeq > :after and r.feedSeq <= :upTo order by r.feedSeq")
public class ShopReturn {

    public static final String BY_SHOPIFY_ID = "ShopReturn.byShopifyId";
    public static final String FEED = "ShopReturn.feed";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @ManyToOne(optional = false, fetch = FetchType.LAZY)
    @JoinColumn(name = "store_id")
    private Store store;

    @Column(name = "shopify_return_id", nullable = false)
    private String shopifyReturnId;

    @Column(name = "shopify_order_id", nullable = false)
    private String shopifyOrderId;

    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "order_id")
    private ImportedOrder order;

    @Column(name = "name")
    private String name;

    @Column(name = "shopify_status", nullable = false)
    private String shopifyStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "state", nullable = false)
    private ReturnState state;

    @Column(name = "note")
    private String note;

    @Column(name = "feed_seq")
    private Long feedSeq;

    @Column(name = "feed_pending", nullable = false)
    private boolean feedPending;

    @Column(name = "acknowledged_at")
    private Instant acknowledgedAt;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "shop_return_line", joinColumns = @JoinColumn(name = "return_id"))
    @OrderColumn(name = "position")
    private List<ReturnLine> lines = new ArrayList<>();

    @Version
    @Column(name = "version")
    private long version;

    protected ShopReturn() {
        // for JPA
    }

    public ShopReturn(
            Store store,
            String shopifyReturnId,
            String shopifyOrderId,
            ImportedOrder order,
            String name,
            String shopifyStatus,
            List<ReturnLine> lines,
            Instant now) {
        this.store = store;
        this.shopifyReturnId = shopifyReturnId;
        this.shopifyOrderId = shopifyOrderId;
        this.order = order;
        this.name = name;
        this.shopifyStatus = shopifyStatus;
        this.lines.addAll(lines);
        this.createdAt = now;
        this.updatedAt = now;
        List<String> unmapped = lines.stream()
                .filter(l -> l.productCode() == null)
                .map(l -> l.sku() == null ? l.lineItemId() : "SKU " + l.sku())
                .toList();
        if (lines.isEmpty()) {
            this.state = ReturnState.HELD;
            this.note = "Shopify listed no returned lines.";
        } else if (!unmapped.isEmpty()) {
            this.state = ReturnState.HELD;
            this.note = bounded("Held: no WMS product for " + String.join(", ", unmapped) + ".");
        } else if ("CLOSED".equals(shopifyStatus)) {
            this.state = ReturnState.CLOSED; // first seen closed (returns/close): nothing to expect
        } else {
            this.state = ReturnState.EXPECTED;
        }
    }

    /** The prefix of the Shopify id of a return the WMS received before Shopify knew it. */
    public static final String PENDING = "pending:";

    /**
     * A return the WMS received that Shopify does not know (the customer sent it back without a request): created on
     * Shopify when the store allows it, else held with the reason.
     */
    public static ShopReturn unannounced(
            ImportedOrder order, String receiptKey, List<ReturnLine> lines, boolean allowed, Instant now) {
        ShopReturn r = new ShopReturn(
                order.store(),
                PENDING + receiptKey,
                order.shopifyOrderId(),
                order,
                order.name() == null ? null : order.name() + "-R?",
                "NONE",
                lines,
                now);
        if (!allowed) {
            r.state = ReturnState.HELD;
            r.note = "Received without a return on Shopify; this store does not create returns (return sync off). "
                    + "Create the return on Shopify, or turn return sync on.";
        }
        return r;
    }

    public boolean pendingOnShopify() {
        return this.shopifyReturnId.startsWith(PENDING);
    }

    /** The return was created on Shopify: its id, name, status and line ids from there. */
    public void created(
            String shopifyReturnId, String name, String status, List<ReturnLine> shopifyLines, Instant now) {
        Map<String, Integer> received = new LinkedHashMap<>();
        this.lines.forEach(l -> received.merge(l.productCode(), l.received(), Integer::sum));
        this.shopifyReturnId = shopifyReturnId;
        this.name = name;
        this.shopifyStatus = status;
        this.lines.clear();
        for (ReturnLine line : shopifyLines) {
            int taken = line.receive(received.getOrDefault(line.productCode(), 0));
            received.merge(line.productCode(), -taken, Integer::sum);
            this.lines.add(line);
        }
        this.updatedAt = now;
    }

    /** Whether it goes to the feed: expected and not in it yet. */
    public boolean announceable() {
        return this.state == ReturnState.EXPECTED && this.feedSeq == null && !pendingOnShopify();
    }

    public void enterFeed(long seq) {
        this.feedSeq = seq;
        this.feedPending = true;
    }

    /**
     * Whether the WMS was told to expect this return and has not received all of it: closed on Shopify now, the WMS
     * must hear that it is not coming.
     */
    public boolean awaitedByTheWms() {
        return this.state == ReturnState.EXPECTED && this.feedSeq != null;
    }

    /** A later read of the return: its status on Shopify (closed there by the merchant, for example). */
    public void status(String shopifyStatus, Instant now) {
        if (shopifyStatus.equals(this.shopifyStatus)) {
            return; // unchanged (returns/process of an open return): the row is not written
        }
        this.shopifyStatus = shopifyStatus;
        if ("CLOSED".equals(shopifyStatus) && this.state != ReturnState.HELD) {
            this.state = ReturnState.CLOSED;
        }
        this.updatedAt = now;
    }

    /** @return false when the revision is not the entry's current one */
    public boolean acknowledge(long revision, Instant at) {
        if (this.feedSeq == null || this.feedSeq != revision) {
            return false;
        }
        this.feedPending = false;
        if (this.acknowledgedAt == null) {
            this.acknowledgedAt = at;
        }
        return true;
    }

    /** Units per WMS product still expected (not received yet). */
    public Map<String, Integer> open() {
        Map<String, Integer> open = new LinkedHashMap<>();
        for (ReturnLine line : this.lines) {
            if (line.productCode() != null) {
                open.merge(line.productCode(), line.open(), Integer::sum);
            }
        }
        return open;
    }

    /** Records received units of a product against the return's lines of that product. */
    public void receive(String productCode, int units, Instant now) {
        int left = units;
        for (ReturnLine line : this.lines) {
            if (left > 0 && productCode.equals(line.productCode())) {
                left -= line.receive(left);
            }
        }
        if (left > 0) {
            throw new IllegalArgumentException(units + " of " + productCode + " is more than expected");
        }
        if (open().values().stream().allMatch(q -> q == 0) && this.state == ReturnState.EXPECTED) {
            this.state = ReturnState.RECEIVED;
        }
        this.updatedAt = now;
    }

    public void closed(Instant now) {
        this.shopifyStatus = "CLOSED";
        this.state = ReturnState.CLOSED;
        this.updatedAt = now;
    }

    private static String bounded(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 997) + "...";
    }

    public Long id() {
        return this.id;
    }

    public Store store() {
        return this.store;
    }

    public String shopifyReturnId() {
        return this.shopifyReturnId;
    }

    public String shopifyOrderId() {
        return this.shopifyOrderId;
    }

    public ImportedOrder order() {
        return this.order;
    }

    public String name() {
        return this.name;
    }

    public String shopifyStatus() {
        return this.shopifyStatus;
    }

    public ReturnState state() {
        return this.state;
    }

    public String note() {
        return this.note;
    }

    public Long feedSeq() {
        return this.feedSeq;
    }

    public boolean feedPending() {
        return this.feedPending;
    }

    public Instant acknowledgedAt() {
        return this.acknowledgedAt;
    }

    public Instant createdAt() {
        return this.createdAt;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }

    public List<ReturnLine> lines() {
        return List.copyOf(this.lines);
    }
}
