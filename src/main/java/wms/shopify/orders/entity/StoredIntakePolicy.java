package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/**
 * The stored row of a store's {@link IntakePolicy} ({@code intake_policy}, one per store, made with the store with the
 * columns' defaults). Only the component's published policy interface loads and changes it.
 */
@Entity
@Table(name = "intake_policy")
public class StoredIntakePolicy {

    @Id
    @Column(name = "store_id")
    private long storeId;

    @Column(name = "order_statuses", nullable = false)
    private String orderStatuses;

    @Column(name = "financial_statuses", nullable = false)
    private String financialStatuses;

    @Column(name = "fulfillment_statuses", nullable = false)
    private String fulfillmentStatuses;

    @Column(name = "import_test_orders", nullable = false)
    private boolean importTestOrders;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "risk_hold", nullable = false)
    private RiskHold riskHold = RiskHold.OFF;

    /** The chosen values one a line (a shipping method's title may hold a comma). */
    @Column(name = "tags_included", nullable = false)
    private String tagsIncluded = "";

    @Column(name = "tags_excluded", nullable = false)
    private String tagsExcluded = "";

    @Column(name = "sales_channels", nullable = false)
    private String salesChannels = "";

    @Column(name = "shipping_methods", nullable = false)
    private String shippingMethods = "";

    @Column(name = "countries", nullable = false)
    private String countries = "";

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "fulfillment_mode", nullable = false)
    private FulfillmentMode fulfillmentMode = FulfillmentMode.MERCHANT_MANAGED;

    @Column(name = "fulfillment_service_id")
    private String fulfillmentServiceId;

    @Column(name = "fulfillment_service_location_id")
    private String fulfillmentServiceLocationId;

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "fulfillment_service_scope", nullable = false)
    private FulfillmentScope fulfillmentScope = FulfillmentScope.ONE_FOR_ALL;

    @Column(name = "cancellation_answer_minutes", nullable = false)
    private int cancellationAnswerMinutes = 60;

    protected StoredIntakePolicy() {
        // for JPA
    }

    /** The policy this row holds. */
    public IntakePolicy policy() {
        return new IntakePolicy(
                this.orderStatuses,
                this.financialStatuses,
                this.fulfillmentStatuses,
                this.importTestOrders,
                this.riskHold,
                new OrderChoices(
                        lines(this.tagsIncluded),
                        lines(this.tagsExcluded),
                        lines(this.salesChannels),
                        lines(this.shippingMethods),
                        lines(this.countries)));
    }

    /** Takes the values of a policy (validated when it was made). */
    public void take(IntakePolicy policy) {
        this.orderStatuses = policy.orderStatuses();
        this.financialStatuses = policy.financialStatuses();
        this.fulfillmentStatuses = policy.fulfillmentStatuses();
        this.importTestOrders = policy.importTestOrders();
        this.riskHold = policy.riskHold();
        OrderChoices choices = policy.choices();
        this.tagsIncluded = String.join("\n", choices.tagsIncluded());
        this.tagsExcluded = String.join("\n", choices.tagsExcluded());
        this.salesChannels = String.join("\n", choices.salesChannels());
        this.shippingMethods = String.join("\n", choices.shippingMethods());
        this.countries = String.join("\n", choices.countries());
    }

    private static java.util.Set<String> lines(String text) {
        return text == null || text.isEmpty()
                ? java.util.Set.of()
                : new java.util.LinkedHashSet<>(java.util.Arrays.asList(text.split("\n")));
    }

    /**
     * The store's fulfillment mode and its registered service (the services per warehouse are rows of their own:
     * {@code fulfillment_service_warehouse}).
     */
    public FulfillmentSetup fulfillmentSetup(java.util.List<WarehouseService> warehouseServices) {
        return new FulfillmentSetup(
                this.fulfillmentMode,
                this.fulfillmentServiceId,
                this.fulfillmentServiceLocationId,
                this.fulfillmentScope,
                warehouseServices);
    }

    /** Takes a fulfillment setup (the mode changed, or the service was registered or removed). */
    public void take(FulfillmentSetup setup) {
        this.fulfillmentMode = setup.mode();
        this.fulfillmentServiceId = setup.serviceId();
        this.fulfillmentServiceLocationId = setup.locationId();
        this.fulfillmentScope = setup.scope();
    }

    /** How long a cancellation request may wait for the WMS's answer before the Orders page shows it as waiting. */
    public int cancellationAnswerMinutes() {
        return this.cancellationAnswerMinutes;
    }

    public void cancellationAnswerMinutes(int minutes) {
        this.cancellationAnswerMinutes = minutes;
    }
}
