package wms.shopify.stock.entity;

/** A pending Absolute change whose Shopify quantity must be read before it can be written with compare-and-set. */
public record LevelToRead(long changeId, String inventoryItemId, String locationId) {}
