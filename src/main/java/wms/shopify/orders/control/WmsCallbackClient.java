package wms.shopify.orders.control;

import jakarta.json.JsonObject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * The WMS's callback address (WMS_ORDER_CALLBACK_URL) as a MicroProfile Rest Client whose base address is the whole
 * configured URL: {@link WmsCallback} posts to it and judges the status itself.
 */
public interface WmsCallbackClient {

    /** Posts a notification that the order feed has a new entry. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    Response entryAdded(JsonObject notification);
}
