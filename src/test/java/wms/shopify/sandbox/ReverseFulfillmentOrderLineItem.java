package wms.shopify.sandbox;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One expected line of a reverse fulfillment order and its dispositions (RESTOCKED at a location, NOT_RESTOCKED...). */
public final class ReverseFulfillmentOrderLineItem extends ShopifyObject {

    private final ReverseFulfillmentOrder reverseFulfillmentOrder;
    private final ReturnLineItem returnLineItem;
    private final List<Map<String, Object>> dispositions = new ArrayList<>();

    ReverseFulfillmentOrderLineItem(
            long id, ReverseFulfillmentOrder reverseFulfillmentOrder, ReturnLineItem returnLineItem, Instant at) {
        super("ReverseFulfillmentOrderLineItem", id, at);
        this.reverseFulfillmentOrder = reverseFulfillmentOrder;
        this.returnLineItem = returnLineItem;
    }

    public ReverseFulfillmentOrder reverseFulfillmentOrder() {
        return reverseFulfillmentOrder;
    }

    public ReturnLineItem returnLineItem() {
        return returnLineItem;
    }

    public FulfillmentLineItem fulfillmentLineItem() {
        return returnLineItem.fulfillmentLineItem();
    }

    public int totalQuantity() {
        return returnLineItem.quantity();
    }

    public int disposedQuantity() {
        return dispositions.stream().mapToInt(d -> (Integer) d.get("quantity")).sum();
    }

    public List<Map<String, Object>> dispositions() {
        return List.copyOf(dispositions);
    }

    void dispose(long dispositionId, int quantity, String type, Location location, Instant at) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", Gid.of("ReverseFulfillmentOrderDisposition", dispositionId));
        d.put("quantity", quantity);
        d.put("type", type);
        d.put("location", location);
        d.put("createdAt", at);
        dispositions.add(d);
        touch(at);
    }
}
