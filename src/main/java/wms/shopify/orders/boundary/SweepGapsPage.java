package wms.shopify.orders.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Instant;
import java.util.List;
import wms.shopify.orders.control.SweepRecords;
import wms.shopify.orders.entity.OrderSweep;
import wms.shopify.platform.web.AdminFormat;

/** The gaps in webhook delivery the order sweeps had to fill, for the Activity page's webhook health. */
@Named
@RequestScoped
public class SweepGapsPage {

    static final int SHOWN = 20;

    @Inject
    SweepRecords sweeps;

    private List<OrderSweep> gaps;

    public List<OrderSweep> getGaps() {
        if (this.gaps == null) {
            this.gaps = this.sweeps.withGaps(SHOWN);
        }
        return this.gaps;
    }

    public String format(Instant instant) {
        return AdminFormat.dateTime(instant);
    }
}
