package wms.shopify.plugins.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.plugins.control.Plugins;
import wms.shopify.plugins.control.UnknownPluginException;
import wms.shopify.plugins.entity.Plugin;

/** Backing bean of the Plugins page: lists the plugins and switches them on and off. */
@Named
@RequestScoped
public class PluginsPage {

    /** After a switch the page is fetched again (post/redirect/get) and says what was switched. */
    private static final String SWITCHED = "/admin/plugins?faces-redirect=true&switched=";

    @Inject
    Plugins plugins;

    @Inject
    FacesContext faces;

    private List<Plugin> all;

    public List<Plugin> getPlugins() {
        if (this.all == null) {
            this.all = this.plugins.all();
        }
        return this.all;
    }

    /** Whether the Shopify plugin is active: the other admin pages warn when it is not. */
    public boolean isShopifyActive() {
        return this.plugins.isActive(Plugin.SHOPIFY);
    }

    @Transactional
    public String activate(String code) {
        return switchTo(code, true);
    }

    @Transactional
    public String deactivate(String code) {
        return switchTo(code, false);
    }

    private String switchTo(String code, boolean active) {
        String actor = this.faces.getExternalContext().getRemoteUser();
        try {
            Plugin plugin = this.plugins.switchTo(code, active, actor);
            return SWITCHED + plugin.code();
        } catch (UnknownPluginException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
    }

    /**
     * What the page says after a switch, read from the plugin's current state (not from the request that switched
     * it), or null when the page was not reached through a switch.
     */
    public String getSwitchedNotice() {
        String code = this.faces.getExternalContext().getRequestParameterMap().get("switched");
        if (code == null) {
            return null;
        }
        return this.plugins
                .find(code)
                .map(plugin -> plugin.name() + " plugin is " + (plugin.active() ? "active." : "inactive."))
                .orElse(null);
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
