-- Issue #18, Shopify bundles. A variant that requires components (Shopify's requiresComponents) is a bundle's parent:
-- Shopify computes its stock from its components' and refuses inventory writes to it, so stock sync never writes it.
-- Sync Products marks it; its components are ordinary variants and synced as such.
alter table store_variant add column bundle boolean not null default false;

-- Published by catalog: the store's Shopify variants whose stock the connector writes, their inventory item and the
-- WMS product each is mapped to. A bundle's parent is left out: nothing of stock fans out to it, claims it or
-- reconciles it.
create or replace view store_variant_mapping as
    select v.store_id, v.inventory_item_id, v.product_id, v.sku, v.tracked from store_variant v where not v.bundle;

-- An order line that Shopify sold as a component of a bundle names the bundle (its variant's SKU, else its title),
-- so that the warehouse sees which lines belong together.
alter table shop_order_line add column bundle varchar(1000);
