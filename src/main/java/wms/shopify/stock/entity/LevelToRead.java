package wms.shopify.stock.entity;

/**
 * A pending Absolute change whose Shopify quantity must be read before it can be written with compare-and-set.
 *
 * @param owed the drops its known orders still owed when the read was decided ({@code explained_ahead}): those
 *     orders' sales all came before the read, so the read finds them
 */
public record LevelToRead(long changeId, String inventoryItemId, String locationId, long owed) {}
