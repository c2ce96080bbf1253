package wms.shopify.warehouses.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Objects;

/**
 * A warehouse of the WMS, known by the WMS's own code. Shopify locations are mapped to warehouses; stock
 * movements and orders name them. The WMS registers them and keeps them current; a warehouse the WMS no longer
 * uses is deactivated, never deleted, so that mappings that point to it stay readable.
 */
@Entity
@Table(name = "warehouse")
@NamedQuery(name = Warehouse.ALL, query = "select w from Warehouse w order by w.code")
@NamedQuery(name = Warehouse.BY_CODE, query = "select w from Warehouse w where w.code = :code")
@NamedQuery(name = Warehouse.BY_CODES, query = "select w from Warehouse w where w.code in :codes")
public class Warehouse {

    public static final String ALL = "Warehouse.all";
    public static final String BY_CODE = "Warehouse.byCode";
    public static final String BY_CODES = "Warehouse.byCodes";

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    @Column(name = "id")
    private Long id;

    @Column(name = "code", nullable = false, length = 64)
    private String code;

    @Column(name = "name", nullable = false, length = 255)
    private String name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected Warehouse() {
        // for JPA
    }

    public Warehouse(String code, String name, boolean active, Instant at) {
        this.code = Objects.requireNonNull(code, "code");
        this.name = Objects.requireNonNull(name, "name");
        this.active = active;
        this.updatedAt = Objects.requireNonNull(at, "at");
    }

    /**
     * Takes the name and state the WMS reports now.
     *
     * @return true when something changed (so a repeated registration is recognisably a no-op)
     */
    public boolean update(String name, boolean active, Instant at) {
        if (this.name.equals(name) && this.active == active) {
            return false;
        }
        this.name = name;
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

    public boolean active() {
        return this.active;
    }

    public Instant updatedAt() {
        return this.updatedAt;
    }
}
