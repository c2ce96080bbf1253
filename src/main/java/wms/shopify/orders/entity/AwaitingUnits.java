package wms.shopify.orders.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * Units of an order at the WMS's own fulfillment service location that the merchant has not requested of the service
 * (fulfillment-service mode): Shopify took them off sale, the WMS has not been given them. Demand, not lines to ship.
 */
@Embeddable
public class AwaitingUnits {

    @Column(name = "inventory_item_id", nullable = false)
    private String inventoryItemId;

    @Column(name = "location_id", nullable = false)
    private String locationId;

    @Column(name = "quantity", nullable = false)
    private int quantity;

    protected AwaitingUnits() {
        // for JPA
    }

    public AwaitingUnits(String inventoryItemId, String locationId, int quantity) {
        this.inventoryItemId = Objects.requireNonNull(inventoryItemId, "inventoryItemId");
        this.locationId = Objects.requireNonNull(locationId, "locationId");
        if (quantity <= 0) {
            throw new IllegalArgumentException("quantity must be positive: " + quantity);
        }
        this.quantity = quantity;
    }

    public String inventoryItemId() {
        return this.inventoryItemId;
    }

    public String locationId() {
        return this.locationId;
    }

    public int quantity() {
        return this.quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AwaitingUnits that
                && this.quantity == that.quantity
                && this.inventoryItemId.equals(that.inventoryItemId)
                && this.locationId.equals(that.locationId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.inventoryItemId, this.locationId, this.quantity);
    }

    @Override
    public String toString() {
        return this.quantity + " × " + this.inventoryItemId + " at " + this.locationId;
    }
}
