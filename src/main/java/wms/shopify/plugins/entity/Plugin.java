package wms.shopify.plugins.entity;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;

/**
 * A plugin of the WMS that the merchant activates to use it, such as the Shopify marketplace plugin. While a
 * plugin is inactive its flows do not run; activation and deactivation remember who did it and when.
 */
@Entity
@Table(name = "plugin")
@NamedQuery(name = Plugin.ALL, query = "select p from Plugin p order by p.category, p.name")
public class Plugin {

    public static final String ALL = "Plugin.all";
    /** The code of the Shopify marketplace plugin. */
    public static final String SHOPIFY = "shopify";

    @Id
    @Column(name = "code", length = 64)
    private String code;

    @Column(name = "category", nullable = false, length = 64)
    private String category;

    @Column(name = "name", nullable = false, length = 128)
    private String name;

    @Column(name = "active", nullable = false)
    private boolean active;

    @Column(name = "changed_at")
    private Instant changedAt;

    @Column(name = "changed_by", length = 255)
    private String changedBy;

    @Version
    @Column(name = "version", nullable = false)
    private long version;

    protected Plugin() {
        // for JPA
    }

    public Plugin(String code, String category, String name) {
        this.code = Objects.requireNonNull(code, "code");
        this.category = Objects.requireNonNull(category, "category");
        this.name = Objects.requireNonNull(name, "name");
    }

    /**
     * Switches the plugin on or off on behalf of a person.
     *
     * @return true when this changed the plugin's state, false when it already was in that state
     */
    public boolean switchTo(boolean active, String by, Instant at) {
        if (this.active == active) {
            return false;
        }
        this.active = active;
        this.changedBy = by;
        this.changedAt = at;
        return true;
    }

    public String code() {
        return this.code;
    }

    public String category() {
        return this.category;
    }

    public String name() {
        return this.name;
    }

    public boolean active() {
        return this.active;
    }

    public Instant changedAt() {
        return this.changedAt;
    }

    public String changedBy() {
        return this.changedBy;
    }
}
