package wms.shopify.sandbox;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * One sandbox store ({@code name.myshopify.com}): its locations, catalogue, inventory levels, orders, returns, webhook
 * subscriptions and bulk operations, plus what tests use to drive it (seeding, placing orders), watch it
 * ({@link #journal()}) and break it ({@link #faults()}). All state changes happen under this object's lock, so a
 * GraphQL request sees and leaves a consistent store.
 */
public final class Shop {

    private final String domain;
    private final Clock clock;
    private final AtomicLong ids;
    private final Journal journal = new Journal();
    private final Faults faults;
    private final IdempotencyKeys idempotencyKeys = new IdempotencyKeys();
    private final Consumer<ShopEvent> events;
    private final Runnable tokenRevoker;
    private volatile Plan plan;
    private volatile CostBucket bucket;

    private final Map<String, ShopifyObject> nodes = new HashMap<>();
    private final List<Location> locations = new ArrayList<>();
    private final List<Product> products = new ArrayList<>();
    private final Map<InventoryItem, Map<Location, InventoryLevel>> levels = new LinkedHashMap<>();
    private final List<Order> orders = new ArrayList<>();
    private Customer defaultCustomer;
    private String riskAtCheckout;
    private final List<Return> returns = new ArrayList<>();
    private final List<WebhookSubscription> webhookSubscriptions = new ArrayList<>();
    private final List<BulkOperation> bulkOperations = new ArrayList<>();
    private final List<FulfillmentService> fulfillmentServices = new ArrayList<>();
    private int nextOrderNumber = 1001;
    /** Webhooks scheduled (first attempts and retries) whose attempt has not finished yet. */
    private final AtomicInteger webhooksUnderWay = new AtomicInteger();

    Shop(
            String domain,
            Plan plan,
            Clock clock,
            AtomicLong ids,
            long seed,
            Runnable tokenRevoker,
            Consumer<ShopEvent> events) {
        this.domain = domain;
        this.clock = clock;
        this.ids = ids;
        this.events = events;
        this.tokenRevoker = tokenRevoker;
        this.faults = new Faults(seed, tokenRevoker);
        plan(plan);
    }

    // ---- what tests read and control -------------------------------------------------------------------------

    /** The {@code name.myshopify.com} domain. */
    public String domain() {
        return domain;
    }

    /** The shop's name: the first label of its domain. */
    public String name() {
        return domain.substring(0, domain.indexOf('.'));
    }

    /** The store owner's e-mail address. */
    public String email() {
        return "owner@" + domain;
    }

    /** The shop's numeric id ({@code gid://shopify/Shop/<id>}, the REST {@code id}); stable for a domain. */
    public long shopId() {
        return Math.abs((long) domain.hashCode());
    }

    public Plan plan() {
        return plan;
    }

    /** Moves the store to another plan; the app's bucket starts full at the new size. */
    public void plan(Plan newPlan) {
        plan = newPlan;
        bucket = new CostBucket(clock, newPlan.maximumAvailable(), newPlan.restoreRate());
    }

    /** The app's GraphQL cost bucket on this store. */
    public CostBucket bucket() {
        return bucket;
    }

    public Journal journal() {
        return journal;
    }

    public Faults faults() {
        return faults;
    }

    /**
     * How many webhooks of this store are waiting for an attempt or being attempted (held back, retried, duplicated
     * included): zero once everything the store announced has been delivered, dropped or given up on. Lets a test
     * wait for the traffic to settle instead of sleeping.
     */
    public int webhooksUnderWay() {
        return webhooksUnderWay.get();
    }

    void webhookScheduled() {
        webhooksUnderWay.incrementAndGet();
    }

    void webhookAttempted() {
        webhooksUnderWay.decrementAndGet();
    }

    public synchronized Location addLocation(String name) {
        Location location = register(new Location(this, ids.incrementAndGet(), name, now()));
        locations.add(location);
        return location;
    }

    /** The merchant renames one of their locations in the Shopify admin (the name is free again for another). */
    public synchronized void renameLocation(Location location, String name) {
        if (location.isFulfillmentService()) {
            throw new IllegalArgumentException("a fulfillment service's location carries its service's name");
        }
        location.rename(name);
    }

    /**
     * Adds a product with one variant per SKU (a single SKU gives Shopify's "Default Title" variant), each with a
     * tracked inventory item stocked nowhere yet; at most {@link Product#MAX_VARIANTS}, as on Shopify.
     */
    public synchronized Product addProduct(String title, String... skus) {
        if (skus.length > Product.MAX_VARIANTS) {
            throw new IllegalArgumentException(
                    "a product has at most " + Product.MAX_VARIANTS + " variants, not " + skus.length);
        }
        Instant at = now();
        Product product = register(new Product(ids.incrementAndGet(), title, at));
        for (int i = 0; i < skus.length; i++) {
            InventoryItem item = register(new InventoryItem(this, ids.incrementAndGet(), at));
            long variantId = ids.incrementAndGet();
            ProductVariant variant = register(new ProductVariant(
                    variantId,
                    product,
                    skus.length == 1 ? "Default Title" : skus[i],
                    skus[i],
                    String.format("%013d", variantId),
                    new BigDecimal("19.99"),
                    i + 1,
                    item,
                    at));
            item.variant(variant);
            product.add(variant);
            levels.put(item, new LinkedHashMap<>());
        }
        products.add(product);
        return product;
    }

    /**
     * Adds a bundle, as the merchant builds one with a bundles app: a product with one variant that requires these
     * components (SKU → units per bundle). Shopify computes its stock from the components' at each location where
     * all of them are stocked, refuses inventory writes to it, and sells it as its components.
     */
    public synchronized Product addBundle(String title, String sku, Map<String, Integer> unitsBySku) {
        if (unitsBySku.isEmpty()) {
            throw new IllegalArgumentException("a bundle has at least one component");
        }
        Product product = addProduct(title, sku);
        makeBundle(sku, unitsBySku);
        return product;
    }

    /**
     * Makes an existing variant a bundle of these components (SKU → units per bundle), as a bundles app does with
     * {@code productVariantRelationshipBulkUpdate} on a variant the merchant already sells: from then on Shopify
     * computes its stock from the components' and refuses inventory writes to it. Silent (no webhook is modelled).
     */
    public synchronized void makeBundle(String sku, Map<String, Integer> unitsBySku) {
        if (unitsBySku.isEmpty()) {
            throw new IllegalArgumentException("a bundle has at least one component");
        }
        ProductVariant bundle = item(sku).variant();
        if (bundle.requiresComponents()) {
            throw new IllegalArgumentException("already a bundle: " + sku);
        }
        unitsBySku.forEach((componentSku, units) -> {
            ProductVariant component = item(componentSku).variant();
            if (component.requiresComponents()) {
                throw new IllegalArgumentException("a bundle cannot be a component of another: " + componentSku);
            }
            bundle.addComponent(register(new ProductVariantComponent(nextId(), component, units, now())));
        });
    }

    /** Stocks an item at a location (activating it there if needed) with this many available, silently. */
    public synchronized InventoryLevel stock(String sku, Location location, int available) {
        return stock(item(sku), location, available);
    }

    /** As {@link #stock(String, Location, int)}, for an item already found (a catalogue of 100 000 items is set up
     *  without looking each SKU up among all the others). */
    public synchronized InventoryLevel stock(InventoryItem item, Location location, int available) {
        InventoryLevel level = activate(item, location);
        level.change("available", available - level.quantity("available"), now());
        return level;
    }

    /**
     * The merchant uninstalls the app, as Shopify handles it: every access and refresh token of the app on this store
     * stops working at once, {@code app/uninstalled} is sent (body: the REST Shop resource) to the subscriptions of
     * that topic, and then the app's shop-specific webhook subscriptions are deleted. Deliveries already under way,
     * including this {@code app/uninstalled} and its retries, still go to the address they were triggered for.
     */
    public synchronized void uninstallApp() {
        tokenRevoker.run();
        emit("APP_UNINSTALLED", newEventId(), RestPayloads.shop(this));
        List.copyOf(webhookSubscriptions).forEach(this::remove);
    }

    /** The merchant changes a variant's SKU in the Shopify admin, silently (no webhook is modelled for it). */
    public synchronized void editSku(String sku, String newSku) {
        item(sku).variant().sku(newSku);
    }

    /** Makes an item untracked: Shopify then refuses quantity writes for it. */
    public synchronized void stopTracking(String sku) {
        item(sku).tracked(false);
    }

    /** Makes an item tracked again: Shopify takes quantity writes for it once more. */
    public synchronized void startTracking(String sku) {
        item(sku).tracked(true);
    }

    /**
     * Places an order as a customer would, routed to one location: {@code available} drops and {@code committed}
     * rises there, a fulfillment order is created, and {@code orders/create} (and {@code orders/paid}) are sent.
     */
    public synchronized Order placeOrder(Location from, boolean paid, Map<String, Integer> quantitiesBySku) {
        return new OrderDesk(this).place(from, paid, quantitiesBySku);
    }

    /** Places an order with these options: a test order, a note from the customer. */
    public synchronized Order placeOrder(
            Location from, boolean paid, Map<String, Integer> quantitiesBySku, boolean test, String note) {
        return new OrderDesk(this).place(from, paid, quantitiesBySku, test, note);
    }

    /** Places an order as this customer, shipped to the customer's address. */
    public synchronized Order placeOrder(
            Location from, boolean paid, Map<String, Integer> quantitiesBySku, Customer customer) {
        return new OrderDesk(this).place(from, paid, quantitiesBySku, false, null, customer);
    }

    /**
     * Places one order whose lines are routed to several locations (one fulfillment order per location), as Shopify's
     * order routing does when no single location stocks everything.
     */
    public synchronized Order placeSplitOrder(boolean paid, Map<Location, Map<String, Integer>> quantitiesByLocation) {
        return new OrderDesk(this).place(quantitiesByLocation, paid, false, null, defaultCustomer());
    }

    /**
     * The merchant requests fulfillment of a fulfillment order from its location's fulfillment service, as
     * {@code fulfillmentOrderSubmitFulfillmentRequest} does from the Shopify admin; the mutation's payload.
     */
    public synchronized Map<String, Object> requestFulfillment(FulfillmentOrder fulfillmentOrder, String message) {
        return new FulfillmentOrderDesk(this).submitFulfillmentRequest(fulfillmentOrder.id(), message, null);
    }

    /** The merchant asks the fulfillment service to cancel work it accepted ({@code ...SubmitCancellationRequest}). */
    public synchronized Map<String, Object> requestCancellation(FulfillmentOrder fulfillmentOrder, String message) {
        return new FulfillmentOrderDesk(this).submitCancellationRequest(fulfillmentOrder.id(), message);
    }

    /** The merchant (or Shopify's fraud check) holds a fulfillment order, as {@code fulfillmentOrderHold} does. */
    public synchronized Map<String, Object> hold(FulfillmentOrder fulfillmentOrder, String reason, String notes) {
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("reason", reason);
        input.put("reasonNotes", notes);
        input.put("handle", "merchant-" + (fulfillmentOrder.fulfillmentHolds().size() + 1));
        return new FulfillmentOrderDesk(this).hold(fulfillmentOrder.id(), input);
    }

    /** The merchant releases every hold of a fulfillment order ({@code fulfillmentOrderReleaseHold}). */
    public synchronized Map<String, Object> releaseHolds(FulfillmentOrder fulfillmentOrder) {
        return new FulfillmentOrderDesk(this).releaseHold(fulfillmentOrder.id(), null);
    }

    /** The merchant moves what is left of a fulfillment order to another location ({@code fulfillmentOrderMove}). */
    public synchronized Map<String, Object> move(FulfillmentOrder fulfillmentOrder, Location to) {
        return new FulfillmentOrderDesk(this).move(fulfillmentOrder.id(), to.id(), null);
    }

    /** A customer signs up (a customer account); their orders name them. */
    public synchronized Customer addCustomer(
            String firstName, String lastName, String email, String phone, String address1) {
        return register(new Customer(nextId(), firstName, lastName, email, phone, address1, now()));
    }

    /** The customer of the orders placed without naming one: Bob Norman, as in Shopify's REST fixtures. */
    public synchronized Customer defaultCustomer() {
        if (defaultCustomer == null) {
            defaultCustomer =
                    addCustomer("Bob", "Norman", "bob.norman@example.com", "+1(502)-459-2181", "Chestnut Street 92");
        }
        return defaultCustomer;
    }

    /** The body of {@code shop/redact} as Shopify documents it: {@code shop_id} and {@code shop_domain}. */
    public Map<String, Object> shopRedactPayload() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("shop_id", shopId());
        body.put("shop_domain", domain);
        return body;
    }

    /** The customer pays an order later: Shopify sends orders/paid and orders/updated. */
    public synchronized void markPaid(Order order) {
        new OrderDesk(this).markPaid(order);
    }

    /** The merchant cancels an order: Shopify sends orders/cancelled and orders/updated. */
    public synchronized void cancelOrder(Order order, String reason) {
        new OrderDesk(this).cancel(order, reason);
    }

    /**
     * Shopify's fraud analysis assesses the order at a risk level (HIGH, MEDIUM, LOW, NONE, PENDING; one fact, or
     * null for none), replacing its earlier assessment: the order's recommendation follows
     * ({@link Order#risk}) and Shopify sends orders/updated.
     */
    public synchronized void assessRisk(Order order, String riskLevel, String fact) {
        new OrderDesk(this).assessRisk(order, riskLevel, fact);
    }

    /**
     * The level Shopify's fraud analysis gives the orders placed from now on, already when orders/create is sent
     * (HIGH, MEDIUM, LOW...; null: not assessed, the default). Shopify's own analysis usually finishes after the
     * order is created ({@link #assessRisk} models that); this models an order assessed by the time it is read.
     */
    public synchronized void riskAtCheckout(String riskLevel) {
        this.riskAtCheckout = riskLevel;
    }

    synchronized String riskAtCheckout() {
        return this.riskAtCheckout;
    }

    /**
     * The merchant edits the order in Shopify's admin: each SKU's line set to the quantity given, committed at once
     * (orderEditBegin, orderEditSetQuantity, orderEditCommit, as the GraphQL mutations do): Shopify sends
     * orders/edited and orders/updated.
     *
     * @throws IllegalStateException with Shopify's user error when a step is refused
     */
    public synchronized void editQuantities(Order order, Map<String, Integer> quantitiesBySku) {
        OrderEditDesk desk = new OrderEditDesk(this);
        CalculatedOrder edit = (CalculatedOrder) edited(desk.begin(order.id())).get("calculatedOrder");
        for (CalculatedLineItem line : edit.lineItems()) {
            Integer quantity = quantitiesBySku.get(line.sku());
            if (quantity != null) {
                edited(desk.setQuantity(
                        Map.of("id", edit.id(), "lineItemId", line.id(), "quantity", quantity, "restock", true)));
            }
        }
        edited(desk.commit(edit.id(), false, null));
    }

    private static Map<String, Object> edited(Map<String, Object> payload) {
        Object errors = payload.get("userErrors");
        if (errors instanceof java.util.List<?> list && !list.isEmpty()) {
            throw new IllegalStateException("Shopify refused the edit: " + list);
        }
        return payload;
    }

    /** The merchant sets the order's tags in Shopify's admin (replacing the ones it had): Shopify sends orders/updated. */
    public synchronized void tagOrder(Order order, String... tags) {
        new OrderDesk(this).tag(order, List.of(tags));
    }

    /** The merchant edits the order's note: Shopify sends orders/updated. */
    public synchronized void editNote(Order order, String note) {
        new OrderDesk(this).editNote(order, note);
    }

    /**
     * A customer asks to return units of a fulfilled order (by SKU), as {@code returnRequest} does: the return is
     * REQUESTED and {@code returns/request} is sent.
     */
    public synchronized Return requestReturn(Order order, Map<String, Integer> quantitiesBySku) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        quantitiesBySku.forEach((sku, quantity) -> {
            FulfillmentLineItem fli = order.fulfillments().stream()
                    .flatMap(f -> f.fulfillmentLineItems().stream())
                    .filter(l -> sku.equals(l.lineItem().sku()))
                    .findFirst()
                    .orElseThrow(() -> new IllegalArgumentException("nothing of " + sku + " was fulfilled"));
            lines.add(Map.of("fulfillmentLineItemId", fli.id(), "quantity", quantity));
        });
        Map<String, Object> payload =
                new ReturnDesk(this).create(Map.of("orderId", order.id(), "returnLineItems", lines), "input", false);
        if (payload.get("return") == null) {
            throw new IllegalStateException("return refused: " + payload.get("userErrors"));
        }
        return (Return) payload.get("return");
    }

    /** The merchant approves a requested return, as {@code returnApproveRequest} does: {@code returns/approve}. */
    public synchronized void approveReturn(Return aReturn) {
        Map<String, Object> payload = new ReturnDesk(this).approve(Map.of("id", aReturn.id()));
        if (payload.get("return") == null) {
            throw new IllegalStateException("approval refused: " + payload.get("userErrors"));
        }
    }

    /**
     * The merchant (or another app) processes every unit of the return still to process, restocked at the location,
     * as {@code returnProcess} does: {@code returns/process}.
     */
    public synchronized void processReturn(Return aReturn, Location restockAt) {
        List<Map<String, Object>> lines = new java.util.ArrayList<>();
        for (ReverseFulfillmentOrder rfo : aReturn.reverseFulfillmentOrders()) {
            for (ReverseFulfillmentOrderLineItem line : rfo.lineItems()) {
                int units = line.returnLineItem().processableQuantity();
                if (units > 0) {
                    lines.add(Map.of(
                            "id",
                            line.returnLineItem().id(),
                            "quantity",
                            units,
                            "dispositions",
                            List.of(Map.of(
                                    "reverseFulfillmentOrderLineItemId",
                                    line.id(),
                                    "quantity",
                                    units,
                                    "dispositionType",
                                    "RESTOCKED",
                                    "locationId",
                                    restockAt.id()))));
                }
            }
        }
        Map<String, Object> payload =
                new ReturnDesk(this).process(Map.of("returnId", aReturn.id(), "returnLineItems", lines));
        if (payload.get("return") == null) {
            throw new IllegalStateException("processing refused: " + payload.get("userErrors"));
        }
    }

    /** The merchant closes the return, as {@code returnClose} does: {@code returns/close}. */
    public synchronized void closeReturn(Return aReturn) {
        Map<String, Object> payload = new ReturnDesk(this).close(aReturn.id());
        if (payload.get("return") == null) {
            throw new IllegalStateException("closing refused: " + payload.get("userErrors"));
        }
    }

    public synchronized InventoryItem item(String sku) {
        return levels.keySet().stream()
                .filter(i -> sku.equals(i.sku()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no inventory item with SKU " + sku));
    }

    public synchronized Location location(String name) {
        return locations.stream()
                .filter(l -> l.name().equals(name))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no location named " + name));
    }

    /** A quantity by Shopify name ({@code available}, {@code on_hand}, {@code committed}...); 0 when not stocked. */
    public synchronized int quantity(String sku, Location location, String name) {
        InventoryLevel level = level(item(sku), location);
        return level == null ? 0 : level.quantity(name);
    }

    public synchronized List<Location> locations() {
        return List.copyOf(locations);
    }

    public synchronized List<Product> products() {
        return List.copyOf(products);
    }

    public synchronized List<ProductVariant> productVariants() {
        return products.stream().flatMap(p -> p.variants().stream()).toList();
    }

    public synchronized List<InventoryItem> inventoryItems() {
        return List.copyOf(levels.keySet());
    }

    public synchronized List<Order> orders() {
        return List.copyOf(orders);
    }

    public synchronized List<FulfillmentOrder> fulfillmentOrders() {
        return orders.stream().flatMap(o -> o.fulfillmentOrders().stream()).toList();
    }

    public synchronized List<Return> returns() {
        return List.copyOf(returns);
    }

    public synchronized List<WebhookSubscription> webhookSubscriptions() {
        return List.copyOf(webhookSubscriptions);
    }

    public synchronized List<BulkOperation> bulkOperations() {
        return List.copyOf(bulkOperations);
    }

    /** The fulfillment services the app registered on this store. */
    public synchronized List<FulfillmentService> fulfillmentServices() {
        return List.copyOf(fulfillmentServices);
    }

    // ---- what the sandbox's own parts use --------------------------------------------------------------------

    Instant now() {
        return clock.instant();
    }

    long nextId() {
        return ids.incrementAndGet();
    }

    int nextOrderNumber() {
        return nextOrderNumber++;
    }

    IdempotencyKeys idempotencyKeys() {
        return idempotencyKeys;
    }

    <T extends ShopifyObject> T register(T object) {
        nodes.put(Gid.of(object.getClass().getSimpleName(), object.legacyResourceId()), object);
        return object;
    }

    /** The resource a gid names (its query part ignored), or null. */
    synchronized ShopifyObject node(String gid) {
        if (gid == null) {
            return null;
        }
        int query = gid.indexOf('?');
        return nodes.get(query < 0 ? gid : gid.substring(0, query));
    }

    /** The resource a gid names if it is of the given class, else null. */
    <T extends ShopifyObject> T find(String gid, Class<T> type) {
        ShopifyObject node = node(gid);
        return type.isInstance(node) ? type.cast(node) : null;
    }

    synchronized InventoryLevel level(InventoryItem item, Location location) {
        if (item.bundleParent()) {
            return bundleStockedAt(item, location) ? activate(item, location) : null;
        }
        Map<Location, InventoryLevel> byLocation = levels.get(item);
        return byLocation == null ? null : byLocation.get(location);
    }

    synchronized List<InventoryLevel> levelsOf(InventoryItem item) {
        if (item.bundleParent()) {
            return locations.stream()
                    .filter(l -> bundleStockedAt(item, l))
                    .map(l -> activate(item, l))
                    .toList();
        }
        return List.copyOf(levels.getOrDefault(item, Map.of()).values());
    }

    synchronized List<InventoryLevel> levelsAt(Location location) {
        return levels.keySet().stream()
                .map(item -> level(item, location))
                .filter(l -> l != null)
                .toList();
    }

    /** A bundle is stocked where every one of its components is. */
    private boolean bundleStockedAt(InventoryItem bundle, Location location) {
        return bundle.variant().productVariantComponents().stream()
                .allMatch(c -> level(c.productVariant().inventoryItem(), location) != null);
    }

    /** The level of an item at a location, created empty if the item was not stocked there. */
    synchronized InventoryLevel activate(InventoryItem item, Location location) {
        return levels.computeIfAbsent(item, i -> new LinkedHashMap<>())
                .computeIfAbsent(location, l -> register(new InventoryLevel(nextId(), item, location, now())));
    }

    void add(Order order) {
        orders.add(order);
    }

    void add(Return aReturn) {
        returns.add(aReturn);
    }

    void add(WebhookSubscription subscription) {
        webhookSubscriptions.add(subscription);
    }

    synchronized boolean remove(WebhookSubscription subscription) {
        nodes.remove(Gid.of("WebhookSubscription", subscription.legacyResourceId()));
        return webhookSubscriptions.remove(subscription);
    }

    void add(BulkOperation operation) {
        bulkOperations.add(operation);
    }

    /** A fulfillment service and the location Shopify creates for it. */
    synchronized void add(FulfillmentService service) {
        fulfillmentServices.add(service);
        locations.add(service.location());
    }

    /** The service is deleted; its location stops being active (Shopify deactivates it). */
    synchronized void remove(FulfillmentService service) {
        fulfillmentServices.remove(service);
        nodes.remove(Gid.of("FulfillmentService", service.legacyResourceId()));
        service.location().deactivate();
    }

    /** The service is deleted with KEEP: its location stays, merchant-managed from now on. */
    synchronized void removeKeepingLocation(FulfillmentService service) {
        fulfillmentServices.remove(service);
        nodes.remove(Gid.of("FulfillmentService", service.legacyResourceId()));
        service.location().operatedBy(null);
    }

    /**
     * Another app installed on the store (a 3PL's, say) registers a fulfillment service: Shopify creates its location,
     * named as the service, and routes orders there like to any location. The sandbox's app (the connector) reads both,
     * but only the other app answers the service's requests and fulfils its fulfillment orders.
     */
    public synchronized FulfillmentService addAnotherAppsFulfillmentService(String serviceName, String app) {
        Location location = newLocation(serviceName);
        FulfillmentService service = register(new FulfillmentService(
                nextId(), serviceName, null, true, true, true, location, java.util.Objects.requireNonNull(app), now()));
        location.operatedBy(service);
        add(service);
        return service;
    }

    /** A location Shopify creates itself (a fulfillment service's), not yet in the list. */
    synchronized Location newLocation(String name) {
        return register(new Location(this, ids.incrementAndGet(), name, now()));
    }

    /** A new id for one merchant action; every webhook that action causes carries it as X-Shopify-Event-Id. */
    String newEventId() {
        return UUID.randomUUID().toString();
    }

    /**
     * Tells a fulfillment service of a merchant's request: a signed POST of {@code {"kind":...}} to
     * {@code <callbackUrl>/fulfillment_order_notification} (asynchronous). A service without a callback URL is not
     * told; it polls {@code assignedFulfillmentOrders}.
     */
    void notify(FulfillmentService service, String kind) {
        if (service.callbackUrl() == null || service.callbackUrl().isBlank()) {
            return;
        }
        String base = service.callbackUrl().endsWith("/")
                ? service.callbackUrl().substring(0, service.callbackUrl().length() - 1)
                : service.callbackUrl();
        events.accept(new ShopEvent(
                this,
                ShopEvent.FULFILLMENT_ORDER_NOTIFICATION,
                newEventId(),
                now(),
                Map.of("kind", kind),
                base + "/" + ShopEvent.FULFILLMENT_ORDER_NOTIFICATION));
    }

    /**
     * The app's grant on this store changed (the merchant edited its access): {@code app/scopes_update} with the
     * scopes before and after, as Shopify names them (shopify.dev/changelog/new-webhook-topic-app-scopes_update; the
     * {@code shop_id} since 2025-07).
     */
    void grantChanged(String previous, String current) {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        body.put("id", nextId());
        body.put("previous", scopeList(previous));
        body.put("current", scopeList(current));
        body.put("updated_at", RestPayloads.time(now()));
        body.put("shop_id", shopId());
        emit("APP_SCOPES_UPDATE", newEventId(), body);
    }

    private static List<String> scopeList(String scopes) {
        return java.util.Arrays.stream(scopes.split(","))
                .map(String::trim)
                .filter(scope -> !scope.isEmpty())
                .toList();
    }

    /** Announces an event to the webhook deliveries (asynchronous: never blocks the store). */
    void emit(String topic, String eventId, Map<String, Object> body) {
        events.accept(new ShopEvent(this, topic, eventId, now(), body));
    }
}
