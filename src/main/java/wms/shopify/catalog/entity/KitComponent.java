package wms.shopify.catalog.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.util.Objects;

/**
 * One component of a WMS kit: which product, and how many of it one kit takes. Kept with the kit
 * ({@link WmsProduct#components()}); a component is never itself a kit, so a kit's components are plain products.
 */
@Embeddable
public class KitComponent {

    @Column(name = "component_product_id", nullable = false)
    private Long productId;

    @Column(name = "quantity", nullable = false)
    private long quantity;

    protected KitComponent() {
        // for JPA
    }

    public KitComponent(long productId, long quantity) {
        if (quantity < 1) {
            throw new IllegalArgumentException("A kit takes at least one unit of each component: " + quantity);
        }
        this.productId = productId;
        this.quantity = quantity;
    }

    public long productId() {
        return this.productId;
    }

    public long quantity() {
        return this.quantity;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof KitComponent that
                && Objects.equals(this.productId, that.productId)
                && this.quantity == that.quantity;
    }

    @Override
    public int hashCode() {
        return Objects.hash(this.productId, this.quantity);
    }
}
