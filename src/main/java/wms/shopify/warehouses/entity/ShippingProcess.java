package wms.shopify.warehouses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A shipping process of the WMS (how a warehouse ships: carrier service, packing line), known by the WMS's
 * own code. Each Shopify location is mapped to a warehouse and a shipping process; a process may belong to one
 * warehouse. The WMS registers them and keeps them current; a process the WMS no longer uses is deactivated,
 * never deleted, so that mappings that point to it stay readable.
 */
@Entity
@Table(name = "shipping_process")
@NamedQuery(name = ShippingProcess.ALL, query = "select p from ShippingProcess p order by p.code")
@NamedQuery(name = ShippingProcess.BY_CODE, query = "select p from ShippingProcess p where p.code = :code")
@NamedQuery(name = ShippingProcess.BY_CODES, query = "select p from ShippingProcess p where p.code in :codes")
public class ShippingProcess {

    public static final String ALL = "ShippingProcess.all";
    public static final String BY_CODE = "ShippingProcess.byCode";
    public static final String BY_CODES = "ShippingProcess.byCodes";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    /** The warehouse the process ships from, or null for a process the WMS runs in any warehouse. */
    @ManyToOne
    @JoinColumn(name = "warehouse_id")
    private Warehouse warehouse;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected ShippingProcess() {
        // for JPA
    }

    public ShippingProcess(String code, String name, Warehouse warehouse, boolean active, Instant at) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.warehouse = warehouse;
        this.active = active;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /**
     * Takes the name and state the WMS reports now.
     *
     * @return true when something changed (so a repeated registration is recognisably a no-op)
     */
    public boolean update(String name, Warehouse warehouse, boolean active, Instant at) {
        if (this.name.equals(name) && this.active == active && Objects.equals(id(this.warehouse), id(warehouse))) {
            return false;
        }
        this.name = name;
        this.warehouse = warehouse;
        this.active = active;
        this.updatedAt = at;
        return true;
    }

    public Long id() {
        return this.id;
    }

    public String code() {
        return this.code;
    }

    public String name() {
        return this.name;
    }

    private static Long id(Warehouse warehouse) {
        return warehouse == null ? null : warehouse.id();
    }

    public Warehouse warehouse() {
        return this.warehouse;
    }

    public boolean active() {
        return this.active;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }
}
