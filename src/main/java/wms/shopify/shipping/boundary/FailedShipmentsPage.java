package wms.shopify.shipping.boundary;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import wms.shopify.shipping.control.ShipmentRecords;
import wms.shopify.shipping.entity.Shipment;

/**
 * The failed shipments on the Orders page (dead letters): each with its order, store and the reason it is parked,
 * and a button that tries it again.
 */
@Named
@ViewScoped
public class FailedShipmentsPage implements Serializable {

    private static final long serialVersionUID = 1L;
    static final int MOST_SHOWN = 100;

    @Inject
    ShipmentRecords records;

    @Inject
    FacesContext faces;

    private transient List<Shipment> shown;

    public List<Shipment> getFailed() {
        if (this.shown == null) {
            this.shown = this.records.failed(MOST_SHOWN);
        }
        return this.shown;
    }

    public String retry(String shipmentKey) {
        Optional<Boolean> retried =
                this.records.retry(shipmentKey, this.faces.getExternalContext().getRemoteUser());
        this.faces.addMessage(
                null,
                new FacesMessage(
                        retried.orElse(false) ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                        retried.orElse(false)
                                ? "Shipment " + shipmentKey + " queued again."
                                : "Shipment " + shipmentKey + " is not failed (any more).",
                        null));
        this.shown = null;
        return null;
    }
}
