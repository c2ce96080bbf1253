package wms.shopify.catalog.entity;

/**
 * Counts of variants handled by a sync (one page, or all of it). "Matched" counts every variant that is mapped
 * after the page, whether it was mapped now or before; unmapped and ambiguous the ones that are not.
 *
 * @param read variants read from Shopify
 * @param matched variants mapped to a WMS product
 * @param unmapped variants nothing matched
 * @param ambiguous variants several products matched
 * @param problems variants stock sync will not be able to write (not tracked, or not stocked at a mapped location)
 */
public record SyncCounts(int read, int matched, int unmapped, int ambiguous, int problems) {}
