package wms.shopify.orders.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A page of the WMS feed.
 *
 * @param entries the unacknowledged entries after the cursor, in feed order
 * @param cursor pass it as {@code after} to read on; equals the request's when nothing new is there
 */
@Schema(name = "OrderFeed", description = "A page of the order feed.")
public record OrderFeedView(List<OrderEntryView> entries, long cursor) {}
