package wms.shopify.console.boundary;

import jakarta.annotation.PostConstruct;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.component.UISelectMany;
import jakarta.faces.component.visit.VisitContext;
import jakarta.faces.component.visit.VisitResult;
import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import wms.shopify.console.control.StoreSettings;
import wms.shopify.orders.control.FilterPreviews;
import wms.shopify.orders.control.FulfillmentServiceMode;
import wms.shopify.orders.control.IntakePolicies;
import wms.shopify.orders.control.SeenOrderValues;
import wms.shopify.orders.entity.AssignedFulfillmentOrder;
import wms.shopify.orders.entity.FulfillmentScope;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.orders.entity.OrderChoices;
import wms.shopify.orders.entity.RiskHold;
import wms.shopify.returns.entity.ReturnPolicy;
import wms.shopify.shipping.entity.ShippingPolicy;
import wms.shopify.stock.entity.StockPolicy;
import wms.shopify.stock.entity.StockSyncMode;
import wms.shopify.stores.control.LocationMapping;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.stores.entity.StoreLocation;
import wms.shopify.warehouses.entity.ShippingProcess;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * Backing bean of Store Settings: the store's locations with their warehouse and shipping process, the default
 * location for new orders, and the stock, order and return settings, saved all at once. It composes what the
 * stores, stock, orders and returns components publish ({@link StoreSettings}); no component depends on it.
 */
@Named
@ViewScoped
public class StoreSettingsPage implements Serializable {

    private static final long serialVersionUID = 1L;

    @Inject
    Stores stores;

    @Inject
    LocationMapping mapping;

    @Inject
    StoreSettings settings;

    @Inject
    FacesContext faces;

    @Inject
    FulfillmentServiceMode fulfillmentMode;

    @Inject
    IntakePolicies intakePolicies;

    @Inject
    SeenOrderValues seenValues;

    @Inject
    FilterPreviews previews;

    private Long storeId;
    private FulfillmentScope scope = FulfillmentScope.ONE_FOR_ALL;
    private boolean scopeChangePending;
    private String domain;
    private List<StoreLocation> locations;
    private final Map<Long, Long> warehouseOf = new HashMap<>();
    private final Map<Long, Long> processOf = new HashMap<>();
    private Long defaultLocation;
    private boolean stockSyncEnabled;
    private StockSyncMode stockSyncMode;
    private int coalescingWindowSeconds;
    private List<String> orderStatuses = new ArrayList<>();
    private List<String> financialStatuses = new ArrayList<>();
    private List<String> fulfillmentStatuses = new ArrayList<>();
    /** What the filters as they stand on the page would filter out of the store's recent orders. */
    private String preview;

    private boolean importTestOrders;
    private RiskHold riskHold = RiskHold.OFF;
    private List<String> tagsIncluded = new ArrayList<>();
    private List<String> tagsExcluded = new ArrayList<>();
    private List<String> salesChannels = new ArrayList<>();
    private List<String> shippingMethods = new ArrayList<>();
    private List<String> countries = new ArrayList<>();
    private String newTagsIncluded;
    private String newTagsExcluded;

    /** The most seen values a picker offers (the store's most common are among them in practice). */
    private static final int OFFERED = 500;

    private boolean returnSyncEnabled;
    private boolean returnAutoClose;
    private boolean refundOnProcess;
    private boolean notifyCustomer;
    private boolean fulfillmentPerParcel;
    private FulfillmentSetup fulfillment;
    /** Where the service location's stock and open fulfillment orders go on switching back (a Shopify id), or null. */
    private String destinationLocation;
    /** The fulfillment orders open at the service's location, shown before switching back is confirmed. */
    private List<AssignedFulfillmentOrder> openFulfillmentOrders = List.of();

    private int cancellationAnswerMinutes;

    /** Loads the store named by the {@code store} parameter; the view keeps it across the form's postbacks. */
    @PostConstruct
    void load() {
        this.storeId =
                parseId(this.faces.getExternalContext().getRequestParameterMap().get("store"));
        Store store =
                this.storeId == null ? null : this.stores.find(this.storeId).orElse(null);
        if (store == null) {
            return;
        }
        this.domain = store.domain().value();
        this.locations = this.mapping.locations(this.storeId);
        for (StoreLocation location : this.locations) {
            this.warehouseOf.put(
                    location.id(),
                    location.warehouse() == null ? null : location.warehouse().id());
            this.processOf.put(
                    location.id(),
                    location.shippingProcess() == null
                            ? null
                            : location.shippingProcess().id());
            if (location.isDefaultForOrders()) {
                this.defaultLocation = location.id();
            }
        }
        StoreSettings.Policies policies = this.settings.of(this.storeId);
        StockPolicy stock = policies.stock();
        this.stockSyncEnabled = stock.syncEnabled();
        this.stockSyncMode = stock.mode();
        this.coalescingWindowSeconds = stock.coalescingWindowSeconds();
        IntakePolicy intake = policies.intake();
        this.orderStatuses = new ArrayList<>(intake.filters().orderStatuses());
        this.financialStatuses = new ArrayList<>(intake.filters().financialStatuses());
        this.fulfillmentStatuses = new ArrayList<>(intake.filters().fulfillmentStatuses());
        this.importTestOrders = intake.importTestOrders();
        this.riskHold = intake.riskHold();
        OrderChoices choices = intake.choices();
        this.tagsIncluded = new ArrayList<>(new TreeSet<>(choices.tagsIncluded()));
        this.tagsExcluded = new ArrayList<>(new TreeSet<>(choices.tagsExcluded()));
        this.salesChannels = new ArrayList<>(new TreeSet<>(choices.salesChannels()));
        this.shippingMethods = new ArrayList<>(new TreeSet<>(choices.shippingMethods()));
        this.countries = new ArrayList<>(new TreeSet<>(choices.countries()));
        this.notifyCustomer = policies.shipping().notifyCustomer();
        this.fulfillmentPerParcel = policies.shipping().fulfillmentPerParcel();
        ReturnPolicy returns = policies.returns();
        this.returnSyncEnabled = returns.syncEnabled();
        this.returnAutoClose = returns.autoClose();
        this.refundOnProcess = returns.refundOnProcess();
        this.fulfillment = this.fulfillmentMode.of(store);
        this.scope = this.fulfillment.scope();
        this.cancellationAnswerMinutes = this.intakePolicies.cancellationAnswerMinutes(this.storeId);
        updatePreview();
    }

    /**
     * Decides the store's recent orders again with the filters as they stand on the page (an ajax request of the
     * pickers, nothing saved): "These filters would filter out 3 of the last 12 orders: 2 more than now."; what is
     * wrong with them instead, when something is.
     */
    public void updatePreview() {
        IntakePolicy policy = intakePolicy();
        List<String> problems = policy.unknownValues();
        this.preview = problems.isEmpty()
                ? this.previews.preview(this.storeId, policy.filters()).text()
                : String.join(" ", problems);
    }

    public String getPreview() {
        return this.preview;
    }

    /** The order filters as they stand on the page. */
    private IntakePolicy intakePolicy() {
        return new IntakePolicy(
                String.join(",", this.orderStatuses),
                String.join(",", this.financialStatuses),
                String.join(",", this.fulfillmentStatuses),
                this.importTestOrders,
                this.riskHold,
                new OrderChoices(
                        withTyped(this.tagsIncluded, this.newTagsIncluded),
                        withTyped(this.tagsExcluded, this.newTagsExcluded),
                        new LinkedHashSet<>(this.salesChannels),
                        new LinkedHashSet<>(this.shippingMethods),
                        new LinkedHashSet<>(this.countries)));
    }

    /** Shopify's order statuses as the filters name them (closed: archived in Shopify's admin), to tick. */
    public List<SelectItem> getOrderStatusItems() {
        return items(IntakePolicy.ORDER_STATUSES);
    }

    /** Shopify's financial statuses ({@code OrderDisplayFinancialStatus}), to tick. */
    public List<SelectItem> getFinancialStatusItems() {
        return items(IntakePolicy.FINANCIAL_STATUSES);
    }

    /** Shopify's fulfillment statuses ({@code OrderDisplayFulfillmentStatus}), to tick. */
    public List<SelectItem> getFulfillmentStatusItems() {
        return items(IntakePolicy.FULFILLMENT_STATUSES);
    }

    private static List<SelectItem> items(java.util.Set<String> values) {
        return values.stream().map(v -> new SelectItem(v, label(v))).toList();
    }

    /** A status as the merchant reads it: "partially_paid" is "Partially paid". */
    static String label(String status) {
        String words = status.replace('_', ' ');
        return words.isEmpty() ? words : Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }

    /** Saves how long a cancellation request may wait for the WMS before the Orders page shows it as waiting. */
    public String saveCancellationAnswerMinutes() {
        try {
            this.intakePolicies.saveCancellationAnswerMinutes(this.storeId, this.cancellationAnswerMinutes);
        } catch (IllegalArgumentException e) {
            return refused(e.getMessage());
        }
        return "/admin/store-settings?faces-redirect=true&saved=true&store=" + this.storeId;
    }

    public int getCancellationAnswerMinutes() {
        return this.cancellationAnswerMinutes;
    }

    public void setCancellationAnswerMinutes(int cancellationAnswerMinutes) {
        this.cancellationAnswerMinutes = cancellationAnswerMinutes;
    }

    /**
     * Registers the WMS as the store's fulfillment service (fulfillment-service mode): one for all warehouses or one
     * per warehouse, as chosen.
     */
    public String registerFulfillmentService() {
        return switchScope(false);
    }

    /** Changes between one service for all warehouses and one per warehouse (listing what is open first). */
    public String changeScope() {
        return switchScope(false);
    }

    /** Changes the scope although fulfillment orders are open at the services removed (the merchant saw them). */
    public String confirmChangeScope() {
        return switchScope(true);
    }

    private String switchScope(boolean confirmed) {
        FulfillmentServiceMode.SwitchBack on;
        try {
            on = this.fulfillmentMode.switchOn(
                    store(),
                    this.scope,
                    this.destinationLocation == null || this.destinationLocation.isBlank()
                            ? null
                            : this.destinationLocation,
                    confirmed,
                    this.faces.getExternalContext().getRemoteUser());
        } catch (RuntimeException e) {
            return refused("The WMS could not be registered as fulfillment service: " + e.getMessage());
        }
        if (!on.switched()) {
            this.openFulfillmentOrders = on.open();
            this.scopeChangePending = true;
            return null;
        }
        return "/admin/store-settings?faces-redirect=true&saved=true&store=" + this.storeId;
    }

    public FulfillmentScope getScope() {
        return this.scope;
    }

    public void setScope(FulfillmentScope scope) {
        this.scope = scope;
    }

    public FulfillmentScope[] getScopes() {
        return FulfillmentScope.values();
    }

    /** Whether the open fulfillment orders listed are those of a change of scope (not of switching back). */
    public boolean isScopeChangePending() {
        return this.scopeChangePending;
    }

    /** The services per warehouse, each with its location's name as listed in the mapping above. */
    public List<String> getWarehouseServices() {
        if (this.fulfillment == null) {
            return List.of();
        }
        return this.fulfillment.warehouseServices().stream()
                .map(s -> s.warehouseCode() + ": location “" + locationName(s.locationId()) + "”")
                .toList();
    }

    private String locationName(String shopifyLocationId) {
        return this.locations.stream()
                .filter(l -> l.shopifyLocationId().equals(shopifyLocationId))
                .map(StoreLocation::name)
                .findFirst()
                .orElse(shopifyLocationId);
    }

    /**
     * Switches back to merchant-managed: the first click lists the fulfillment orders open at the service's location
     * (nothing is removed then); with none open, or once confirmed, the service is removed.
     */
    public String switchBack() {
        return switchBack(false);
    }

    /** Removes the service although fulfillment orders are open at its location (the merchant saw them). */
    public String confirmSwitchBack() {
        return switchBack(true);
    }

    private String switchBack(boolean confirmed) {
        FulfillmentServiceMode.SwitchBack back;
        try {
            back = this.fulfillmentMode.switchBack(
                    store(),
                    this.destinationLocation == null || this.destinationLocation.isBlank()
                            ? null
                            : this.destinationLocation,
                    confirmed,
                    this.faces.getExternalContext().getRemoteUser());
        } catch (RuntimeException e) {
            return refused("The fulfillment service could not be removed: " + e.getMessage());
        }
        if (!back.switched()) {
            this.openFulfillmentOrders = back.open();
            return null;
        }
        return "/admin/store-settings?faces-redirect=true&saved=true&store=" + this.storeId;
    }

    private String refused(String message) {
        this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, message, null));
        return null;
    }

    private Store store() {
        return this.stores.find(this.storeId).orElseThrow(() -> new IllegalArgumentException("The store is gone."));
    }

    public FulfillmentSetup getFulfillment() {
        return this.fulfillment;
    }

    /** The name of the service's location as listed in the mapping above, or its id when not listed. */
    public String getServiceLocationName() {
        if (this.fulfillment == null || !this.fulfillment.isFulfillmentService()) {
            return null;
        }
        return this.locations.stream()
                .filter(l -> l.shopifyLocationId().equals(this.fulfillment.locationId()))
                .map(StoreLocation::name)
                .findFirst()
                .orElse(this.fulfillment.locationId());
    }

    /** The merchant's own locations, where the service location's stock may go on switching back. */
    public List<StoreLocation> getMerchantLocations() {
        return this.locations.stream()
                .filter(l -> this.fulfillment == null
                        || !this.fulfillment.locationIds().contains(l.shopifyLocationId()))
                .filter(StoreLocation::active)
                .toList();
    }

    public String getDestinationLocation() {
        return this.destinationLocation;
    }

    public void setDestinationLocation(String destinationLocation) {
        this.destinationLocation = destinationLocation;
    }

    public List<AssignedFulfillmentOrder> getOpenFulfillmentOrders() {
        return this.openFulfillmentOrders;
    }

    public boolean isNotifyCustomer() {
        return this.notifyCustomer;
    }

    public void setNotifyCustomer(boolean notifyCustomer) {
        this.notifyCustomer = notifyCustomer;
    }

    public boolean isFulfillmentPerParcel() {
        return this.fulfillmentPerParcel;
    }

    public void setFulfillmentPerParcel(boolean fulfillmentPerParcel) {
        this.fulfillmentPerParcel = fulfillmentPerParcel;
    }

    static Long parseId(String parameter) {
        try {
            return parameter == null ? null : Long.valueOf(parameter.trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    public String save() {
        Optional<String> unoffered = unofferedChoice();
        if (unoffered.isPresent()) {
            return refused(unoffered.get());
        }
        Map<Long, LocationMapping.Target> targets = new HashMap<>();
        for (StoreLocation location : this.locations) {
            targets.put(
                    location.id(),
                    new LocationMapping.Target(this.warehouseOf.get(location.id()), this.processOf.get(location.id())));
        }
        try {
            this.settings.save(
                    this.storeId,
                    new StoreSettings.Policies(
                            new StockPolicy(this.stockSyncEnabled, this.stockSyncMode, this.coalescingWindowSeconds),
                            intakePolicy(),
                            new ShippingPolicy(this.notifyCustomer, this.fulfillmentPerParcel),
                            new ReturnPolicy(this.returnSyncEnabled, this.returnAutoClose, this.refundOnProcess)),
                    targets,
                    this.defaultLocation,
                    this.faces.getExternalContext().getRemoteUser());
        } catch (IllegalArgumentException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
        return "/admin/store-settings?faces-redirect=true&saved=true&store=" + this.storeId;
    }

    /**
     * A value the post chose that no picker of the form offered ("settled" as a financial status: a forged post).
     * PrimeFaces' pickers drop such a value silently before validation, so a form naming only it would save an empty
     * choice, which lets every order through; the raw post is read here to refuse it instead.
     */
    private Optional<String> unofferedChoice() {
        Map<String, String[]> posted = this.faces.getExternalContext().getRequestParameterValuesMap();
        List<String> problems = new ArrayList<>();
        this.faces.getViewRoot().visitTree(VisitContext.createVisitContext(this.faces), (context, component) -> {
            if (component instanceof UISelectMany picker) {
                String[] sent = posted.get(picker.getClientId(this.faces));
                Object kept = picker.getValue();
                for (String value : sent == null ? new String[0] : sent) {
                    if (!(kept instanceof Collection<?> values && values.contains(value))) {
                        problems.add("\"" + value + "\" is not one of the choices of "
                                + String.valueOf(picker.getAttributes().getOrDefault("label", picker.getId()))
                                        .trim()
                                + "; nothing was saved.");
                    }
                }
            }
            return VisitResult.ACCEPT;
        });
        return problems.stream().findFirst();
    }

    public boolean isSaved() {
        return "true"
                .equals(this.faces.getExternalContext().getRequestParameterMap().get("saved"));
    }

    public List<Warehouse> getWarehouses() {
        return this.mapping.warehouses();
    }

    public List<ShippingProcess> getShippingProcesses() {
        return this.mapping.shippingProcesses();
    }

    /** The tags to choose from: those seen on the store's orders, and those chosen already. */
    public List<String> getTagItems() {
        return offered(SeenOrderValues.Kind.TAG, this.tagsIncluded, this.tagsExcluded);
    }

    public List<String> getSalesChannelItems() {
        return offered(SeenOrderValues.Kind.SALES_CHANNEL, this.salesChannels, List.of());
    }

    public List<String> getShippingMethodItems() {
        return offered(SeenOrderValues.Kind.SHIPPING_METHOD, this.shippingMethods, List.of());
    }

    private List<String> offered(SeenOrderValues.Kind kind, List<String> chosen, List<String> alsoChosen) {
        TreeSet<String> values = new TreeSet<>(this.seenValues.all(this.storeId, kind, OFFERED));
        values.addAll(chosen);
        values.addAll(alsoChosen);
        return new ArrayList<>(values);
    }

    /** Tags typed in, comma separated (Shopify's tags hold no comma): added to those chosen in the list. */
    public String getNewTagsIncluded() {
        return this.newTagsIncluded;
    }

    public void setNewTagsIncluded(String text) {
        this.newTagsIncluded = text;
    }

    public String getNewTagsExcluded() {
        return this.newTagsExcluded;
    }

    public void setNewTagsExcluded(String text) {
        this.newTagsExcluded = text;
    }

    private static LinkedHashSet<String> withTyped(List<String> chosen, String typed) {
        LinkedHashSet<String> all = new LinkedHashSet<>(chosen);
        if (typed != null) {
            for (String tag : typed.split(",")) {
                if (!tag.isBlank()) {
                    all.add(tag.trim());
                }
            }
        }
        return all;
    }

    /** Every country a destination may be: its ISO code, and its name in English. */
    public List<jakarta.faces.model.SelectItem> getCountryItems() {
        return new TreeSet<>(OrderChoices.COUNTRIES)
                .stream()
                        .map(code -> new jakarta.faces.model.SelectItem(
                                code,
                                code + " — "
                                        + new java.util.Locale.Builder()
                                                .setRegion(code)
                                                .build()
                                                .getDisplayCountry(java.util.Locale.ENGLISH)))
                        .toList();
    }

    public List<String> getTagsIncluded() {
        return this.tagsIncluded;
    }

    public void setTagsIncluded(List<String> values) {
        this.tagsIncluded = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public List<String> getTagsExcluded() {
        return this.tagsExcluded;
    }

    public void setTagsExcluded(List<String> values) {
        this.tagsExcluded = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public List<String> getSalesChannels() {
        return this.salesChannels;
    }

    public void setSalesChannels(List<String> values) {
        this.salesChannels = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public List<String> getShippingMethods() {
        return this.shippingMethods;
    }

    public void setShippingMethods(List<String> values) {
        this.shippingMethods = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public List<String> getCountries() {
        return this.countries;
    }

    public void setCountries(List<String> values) {
        this.countries = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public RiskHold[] getRiskHolds() {
        return RiskHold.values();
    }

    public RiskHold getRiskHold() {
        return this.riskHold;
    }

    public void setRiskHold(RiskHold riskHold) {
        this.riskHold = riskHold;
    }

    public StockSyncMode[] getStockSyncModes() {
        return StockSyncMode.values();
    }

    public Long getStoreId() {
        return this.storeId;
    }

    public String getDomain() {
        return this.domain;
    }

    public List<StoreLocation> getLocations() {
        return this.locations;
    }

    public Map<Long, Long> getWarehouseOf() {
        return this.warehouseOf;
    }

    public Map<Long, Long> getProcessOf() {
        return this.processOf;
    }

    public Long getDefaultLocation() {
        return this.defaultLocation;
    }

    public void setDefaultLocation(Long defaultLocation) {
        this.defaultLocation = defaultLocation;
    }

    public boolean isStockSyncEnabled() {
        return this.stockSyncEnabled;
    }

    public void setStockSyncEnabled(boolean stockSyncEnabled) {
        this.stockSyncEnabled = stockSyncEnabled;
    }

    public StockSyncMode getStockSyncMode() {
        return this.stockSyncMode;
    }

    public void setStockSyncMode(StockSyncMode stockSyncMode) {
        this.stockSyncMode = stockSyncMode;
    }

    public int getCoalescingWindowSeconds() {
        return this.coalescingWindowSeconds;
    }

    public void setCoalescingWindowSeconds(int coalescingWindowSeconds) {
        this.coalescingWindowSeconds = coalescingWindowSeconds;
    }

    public List<String> getOrderStatuses() {
        return this.orderStatuses;
    }

    public void setOrderStatuses(List<String> values) {
        this.orderStatuses = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public List<String> getFinancialStatuses() {
        return this.financialStatuses;
    }

    public void setFinancialStatuses(List<String> values) {
        this.financialStatuses = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public List<String> getFulfillmentStatuses() {
        return this.fulfillmentStatuses;
    }

    public void setFulfillmentStatuses(List<String> values) {
        this.fulfillmentStatuses = values == null ? new ArrayList<>() : new ArrayList<>(values);
    }

    public boolean isImportTestOrders() {
        return this.importTestOrders;
    }

    public void setImportTestOrders(boolean importTestOrders) {
        this.importTestOrders = importTestOrders;
    }

    public boolean isReturnSyncEnabled() {
        return this.returnSyncEnabled;
    }

    public void setReturnSyncEnabled(boolean returnSyncEnabled) {
        this.returnSyncEnabled = returnSyncEnabled;
    }

    public boolean isReturnAutoClose() {
        return this.returnAutoClose;
    }

    public void setReturnAutoClose(boolean returnAutoClose) {
        this.returnAutoClose = returnAutoClose;
    }

    public boolean isRefundOnProcess() {
        return this.refundOnProcess;
    }

    public void setRefundOnProcess(boolean refundOnProcess) {
        this.refundOnProcess = refundOnProcess;
    }
}
