-- The store filter "hold orders whose risk is high" (issue 19): which of Shopify's risk recommendations
-- (Order.risk.recommendation) hold an order back from the WMS, per store; OFF by default, so nothing changes for a
-- store until the merchant turns it on.
alter table intake_policy
    add column risk_hold varchar(32) not null default 'OFF',
    add constraint intake_policy_risk_hold_known check (risk_hold in ('OFF', 'CANCEL', 'CANCEL_OR_INVESTIGATE'));

-- Shopify's recommendation as the order was last read (CANCEL, INVESTIGATE, ACCEPT, NONE; null before it was read),
-- and when the merchant released an order held for it: a released order is not held for risk again.
alter table shop_order
    add column risk_recommendation varchar(16),
    add column risk_released_at timestamp with time zone,
    add column risk_released_by varchar(128);

alter table shop_order drop constraint shop_order_hold_reason_known;
alter table shop_order add constraint shop_order_hold_reason_known
    check (hold_reason in ('UNMAPPED_LINE', 'INACTIVE_PRODUCT', 'NO_WAREHOUSE', 'TOO_LARGE', 'ON_HOLD_AT_SHOPIFY',
                           'HIGH_RISK'));
