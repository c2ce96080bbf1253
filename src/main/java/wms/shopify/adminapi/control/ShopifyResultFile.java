package wms.shopify.adminapi.control;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.core.Response;

/**
 * A Bulk Operation's result file as a MicroProfile Rest Client whose base address is the file's whole signed URL
 * (path and query exactly as Shopify gave them: no path is added): built for one download and closed with its stream
 * by {@link ShopifyHttp#open}. Components call {@link AdminApi#bulkResult}, never this.
 */
public interface ShopifyResultFile {

    /** Asks for the file; its body is read as a stream, never held whole (a result is tens of megabytes). */
    @GET
    Response download();
}
