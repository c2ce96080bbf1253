package wms.shopify.orders.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import wms.shopify.orders.entity.OrderDemand;
import wms.shopify.orders.entity.OrderState;

/**
 * The one query for the units Shopify took off sale that the WMS has not allocated yet: the lines of a store's orders
 * that are held or in the feed unacknowledged, summed per inventory item and location. It is what the
 * {@link OrderDemand} events add up to at any moment, for a consumer that needs the whole picture at once (stock
 * sync after a restart, a drift check).
 */
@ApplicationScoped
public class UnallocatedDemand {

    @PersistenceContext(unitName = "wms")
    EntityManager entityManager;

    /** The unallocated units of a store per (inventory item, location), by inventory item then location. */
    public List<OrderDemand.Line> of(long storeId) {
        List<Object[]> rows = this.entityManager
                .createQuery(
                        "select l.inventoryItemId, l.locationId, sum(l.quantity) "
                                + "from ImportedOrder o join o.lines l where o.store.id = :store and o.state in :states "
                                + "and l.inventoryItemId is not null and l.locationId is not null "
                                + "group by l.inventoryItemId, l.locationId order by l.inventoryItemId, l.locationId",
                        Object[].class)
                .setParameter("store", storeId)
                .setParameter("states", List.of(OrderState.HELD, OrderState.READY))
                .getResultList();
        return rows.stream()
                .map(r -> new OrderDemand.Line((String) r[0], (String) r[1], ((Number) r[2]).longValue()))
                .toList();
    }
}
