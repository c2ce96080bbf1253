package wms.shopify.stores.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import wms.shopify.platform.crypto.TokenCipher;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.stores.control.InstallRefusedException;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.control.TokenResealing;
import wms.shopify.stores.entity.Store;
import wms.shopify.webhooks.control.LastDeliveries;

/**
 * Backing bean of the Stores page: every store with its status and when it last heard from Shopify, and the token
 * key the stores' tokens are sealed with, with the button that re-seals them after a key change.
 */
@Named
@RequestScoped
public class StoresPage {

    @Inject
    Stores stores;

    @Inject
    FacesContext faces;

    @Inject
    LastDeliveries webhooks;

    @Inject
    TokenCipher cipher;

    @Inject
    TokenResealing resealing;

    @Inject
    wms.shopify.stores.control.Installation installation;

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
        return getStores().stream()
                .filter(s -> s.domain().value().equals(domain) && s.isConnected())
                .findFirst()
                .map(s -> "Store " + s.domain() + " is connected. Map its locations under Settings.")
                .orElse(null);
    }

    /** When the store last received a webhook, or "never". */
    public String lastWebhook(Store store) {
        if (this.lastWebhooks == null) {
            this.lastWebhooks = this.webhooks.perStore();
        }
        return format(this.lastWebhooks.get(store.id()));
    }

    public String format(Instant instant) {
        return instant == null ? "never" : AdminFormat.dateTime(instant);
    }

    /** The id of the key tokens are sealed with now, or null when no usable key is configured. */
    public String getTokenKeyId() {
        return this.cipher.currentKeyId().orElse(null);
    }

    /** Why no token can be sealed, or null. */
    public String getTokenKeyProblem() {
        return this.cipher.problem().orElse(null);
    }

    /** How many stores hold a token sealed with another key than the current one. */
    public long getStoresToReseal() {
        return this.resealing.storesToReseal();
    }

    /**
     * "Authorise again" of a store that needs re-authorisation: runs OAuth for it as Add Store does, asking for the
     * connector's scopes; the merchant's approval replaces the token and clears the mark.
     */
    public String reauthorise(long storeId) throws java.io.IOException {
        jakarta.faces.context.ExternalContext external = this.faces.getExternalContext();
        try {
            Store store = this.stores
                    .find(storeId)
                    .orElseThrow(() -> new InstallRefusedException("This store does not exist (any more)."));
            jakarta.servlet.http.HttpServletRequest request =
                    (jakarta.servlet.http.HttpServletRequest) external.getRequest();
            java.net.URI authorize =
                    this.installation.begin(store.domain(), InstallSession.of(request.getSession(true)));
            external.redirect(authorize.toString());
            this.faces.responseComplete();
        } catch (InstallRefusedException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        return null;
    }

    /** What the Stores page says of a store that needs re-authorisation, or null. */
    public String reauthorisationNote(Store store) {
        if (!store.needsReauthorisation()) {
            return null;
        }
        String note = "Needs re-authorisation: the app lacks the " + store.missingAccess()
                + " access scope on this store. Everything else keeps working.";
        // "a or b" (any one of them, as Shopify's refusal names them) or "a, b" (each, from the grant).
        boolean asked = java.util.Arrays.stream(store.missingAccess().split(" or |, "))
                .anyMatch(scope -> java.util.Arrays.asList(
                                this.installation.scopesAskedFor().split(","))
                        .contains(scope.trim()));
        return asked ? note : note + " Add it to SHOPIFY_SCOPES first: the connector does not ask for it.";
    }

    /** Seals every store's tokens again with the current key, and says what it did. */
    @Transactional
    public String resealTokens() {
        try {
            TokenResealing.Result result =
                    this.resealing.resealAll(this.faces.getExternalContext().getRemoteUser());
            this.faces.addMessage(
                    null,
                    new FacesMessage(
                            result.unreadable().isEmpty() ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                            result.summary(),
                            null));
        } catch (IllegalStateException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        return null;
    }
}
