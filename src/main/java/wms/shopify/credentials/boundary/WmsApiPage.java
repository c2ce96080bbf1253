package wms.shopify.credentials.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import wms.shopify.credentials.control.ApiCredentials;
import wms.shopify.credentials.control.IssuedCredential;
import wms.shopify.credentials.control.UnknownCredentialException;
import wms.shopify.credentials.entity.ApiCredential;
import wms.shopify.credentials.entity.ApiScope;
import wms.shopify.platform.web.AdminFormat;
import wms.shopify.warehouses.control.Warehouses;
import wms.shopify.warehouses.entity.ShippingProcess;
import wms.shopify.warehouses.entity.Warehouse;

/**
 * Backing bean of the WMS API page: the credentials the WMS calls the API with (create with an optional scope:
 * read-only, limited to some stores or warehouses; revoke) and what the WMS has registered through the API so far.
 *
 * <p>A new credential's token is shown in the answer to the create request only: the page is not redirected
 * afterwards, nothing keeps the token, and the admin pages are sent with {@code Cache-Control: no-store}.
 */
@Named
@RequestScoped
public class WmsApiPage {

    private static final String REVOKED = "/admin/wms-api?faces-redirect=true&revoked=";

    @Inject
    ApiCredentials credentials;

    @Inject
    Warehouses warehouses;

    @Inject
    FacesContext faces;

    private String name;
    private boolean readOnly;
    private String stores;
    private String warehouseCodes;
    private IssuedCredential issued;
    private List<ApiCredential> all;

    @Transactional
    public String create() {
        try {
            ApiScope scope = new ApiScope(
                    this.readOnly,
                    ApiCredentials.checkStores(this.stores),
                    ApiCredentials.checkWarehouses(this.warehouseCodes));
            this.issued = this.credentials.create(this.name, scope, actor());
            this.name = null;
            this.readOnly = false;
            this.stores = null;
            this.warehouseCodes = null;
            this.all = null;
        } catch (IllegalArgumentException e) {
            this.faces.addMessage("create:name", new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
        }
        return null;
    }

    @Transactional
    public String revoke(String keyId) {
        try {
            return REVOKED + this.credentials.revoke(keyId, actor()).keyId();
        } catch (UnknownCredentialException e) {
            this.faces.addMessage(null, new FacesMessage(FacesMessage.SEVERITY_ERROR, e.getMessage(), null));
            return null;
        }
    }

    /** After a revocation, what the page says, read from the credential's state now. */
    public String getRevokedNotice() {
        String keyId = this.faces.getExternalContext().getRequestParameterMap().get("revoked");
        return keyId == null
                ? null
                : getCredentials().stream()
                        .filter(c -> c.keyId().equals(keyId) && c.revoked())
                        .findFirst()
                        .map(c -> "Credential '" + c.name() + "' (" + c.keyId() + ") is revoked: the API refuses it.")
                        .orElse(null);
    }

    public List<ApiCredential> getCredentials() {
        if (this.all == null) {
            this.all = this.credentials.all();
        }
        return this.all;
    }

    /** The credential created by this request, with its token, if any. */
    public Optional<IssuedCredential> getIssued() {
        return Optional.ofNullable(this.issued);
    }

    public List<Warehouse> getWarehouses() {
        return this.warehouses.allWarehouses();
    }

    public List<ShippingProcess> getShippingProcesses() {
        return this.warehouses.allShippingProcesses();
    }

    public String getName() {
        return this.name;
    }

    public void setName(String name) {
        this.name = name;
    }

    public boolean isReadOnly() {
        return this.readOnly;
    }

    public void setReadOnly(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public String getStores() {
        return this.stores;
    }

    public void setStores(String stores) {
        this.stores = stores;
    }

    /** The warehouses typed for a new credential (named so as not to clash with the registered warehouses). */
    public String getWarehouseCodes() {
        return this.warehouseCodes;
    }

    public void setWarehouseCodes(String warehouseCodes) {
        this.warehouseCodes = warehouseCodes;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }

    private String actor() {
        return this.faces.getExternalContext().getRemoteUser();
    }
}
