-- The fulfillment service that operates a Shopify location (issue #17): Shopify's handle and the name the merchant
-- knows it by; both null for a merchant-managed location. Such a location is another app's (a 3PL's): it is never
-- mapped to a warehouse, and the fulfillment orders Shopify assigns to it are not handed to the WMS.
alter table store_location
    add column fulfillment_service_handle varchar(255),
    add column fulfillment_service_name   varchar(255);
