-- Fulfillment-service mode (issue #19 §1): a store's orders fulfilled by the WMS registered as Shopify fulfillment
-- service. The mode is a setting of the orders component's per-store intake policy; the service Shopify created and
-- its location are recorded with it (one service for the store: "one in all"). Merchant-managed stays the default.
alter table intake_policy
    add column fulfillment_mode                varchar(24)  not null default 'MERCHANT_MANAGED',
    add column fulfillment_service_id          varchar(255),
    add column fulfillment_service_location_id varchar(255),
    add constraint intake_policy_fulfillment_mode_known
        check (fulfillment_mode in ('MERCHANT_MANAGED', 'FULFILLMENT_SERVICE')),
    add constraint intake_policy_fulfillment_service_recorded
        check (fulfillment_mode = 'MERCHANT_MANAGED'
               or (fulfillment_service_id is not null and fulfillment_service_location_id is not null));
