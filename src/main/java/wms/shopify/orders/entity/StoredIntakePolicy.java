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

    @jakarta.persistence.Enumerated(jakarta.persistence.EnumType.STRING)
    @Column(name = "fulfillment_mode", nullable = false)
    private FulfillmentMode fulfillmentMode = FulfillmentMode.MERCHANT_MANAGED;

    @Column(name = "fulfillment_service_id")
    private String fulfillmentServiceId;

    @Column(name = "fulfillment_service_location_id")
    private String fulfillmentServiceLocationId;

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
                this.riskHold);
    }

    /** Takes the values of a policy (validated when it was made). */
    public void take(IntakePolicy policy) {
        this.orderStatuses = policy.orderStatuses();
        this.financialStatuses = policy.financialStatuses();
        this.fulfillmentStatuses = policy.fulfillmentStatuses();
        this.importTestOrders = policy.importTestOrders();
        this.riskHold = policy.riskHold();
    }

    /** The store's fulfillment mode and its registered service. */
    public FulfillmentSetup fulfillmentSetup() {
        return new FulfillmentSetup(this.fulfillmentMode, this.fulfillmentServiceId, this.fulfillmentServiceLocationId);
    }

    /** Takes a fulfillment setup (the mode changed, or the service was registered or removed). */
    public void take(FulfillmentSetup setup) {
        this.fulfillmentMode = setup.mode();
        this.fulfillmentServiceId = setup.serviceId();
        this.fulfillmentServiceLocationId = setup.locationId();
    }

    /** How long a cancellation request may wait for the WMS's answer before the Orders page shows it as waiting. */
    public int cancellationAnswerMinutes() {
        return this.cancellationAnswerMinutes;
    }

    public void cancellationAnswerMinutes(int minutes) {
        this.cancellationAnswerMinutes = minutes;
    }
}
