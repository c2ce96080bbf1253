package wms.shopify.stores.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.webhooks.control.WebhookProcessing;

/** Backing bean of the Stores page: every store with its status and when it last heard from Shopify. */
@Named
@RequestScoped
public class StoresPage {

    @Inject
    Stores stores;

    @Inject
    FacesContext faces;

    @Inject
    WebhookProcessing webhooks;

    private java.util.Map<Long, Instant> lastWebhooks;

    private List<Store> all;

    public List<Store> getStores() {
        if (this.all == null) {
            this.all = this.stores.all();
        }
        return this.all;
    }

    /** After an install the page says which store was connected (read from the store itself, not the link). */
    public String getConnectedNotice() {
        String domain = this.faces.getExternalContext().getRequestParameterMap().get("connected");
        if (domain == null) {
            return null;
        }
        return getStores().stream().filter(s -> s.domain().value().equals(domain) && s.isConnected()).findFirst()
                .map(s -> "Store " + s.domain() + " is connected. Map its locations under Settings.").orElse(null);
    }

    /** When the store last received a webhook, or "never". */
    public String lastWebhook(Store store) {
        if (this.lastWebhooks == null) {
            this.lastWebhooks = this.webhooks.lastReceived();
        }
        return format(this.lastWebhooks.get(store.id()));
    }

    public String format(Instant instant) {
        return instant == null ? "never" : AdminFormat.dateTime(instant);
    }
}
