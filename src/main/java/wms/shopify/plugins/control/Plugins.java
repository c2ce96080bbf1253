package wms.shopify.plugins.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.plugins.entity.Plugin;

/**
 * The plugins the merchant can activate, and their activation. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class Plugins {

    private static final Logger LOG = Logger.getLogger(Plugins.class.getName());

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    @Inject
    ActivityLog activity;

    @Inject
    Clock clock;

    public List<Plugin> all() {
        return this.entityManager.createNamedQuery(Plugin.ALL, Plugin.class).getResultList();
    }

    public Optional<Plugin> find(String code) {
        return Optional.ofNullable(this.entityManager.find(Plugin.class, code));
    }

    /** Whether the plugin with this code exists and is active. */
    public boolean isActive(String code) {
        return find(code).map(Plugin::active).orElse(false);
    }

    /**
     * Activates or deactivates a plugin and records it in the activity log.
     *
     * @throws UnknownPluginException when no plugin has this code
     */
    public Plugin switchTo(String code, boolean active, String actor) {
        Plugin plugin = find(code).orElseThrow(() -> new UnknownPluginException(code));
        if (plugin.switchTo(active, actor, this.clock.instant())) {
            String message = plugin.name() + " plugin " + (active ? "activated" : "deactivated");
            LOG.info(() -> message + " by " + actor + ".");
            this.activity.record("plugins", message, actor);
        }
        return plugin;
    }
}
