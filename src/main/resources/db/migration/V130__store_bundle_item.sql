-- Issue #18, Shopify bundles: a change parked (or pending) for a variant that Sync Products has since found to be a
-- bundle's parent is not sent again. Published by catalog: the store's bundle parents by inventory item (the view
-- store_variant_mapping leaves them out, so stock could not tell "now a bundle" from "not mapped"). Served by the
-- index store_variant_inventory_item (V118).
create or replace view store_bundle_item as
    select v.store_id, v.inventory_item_id, v.sku, v.product_title from store_variant v where v.bundle;
