-- Issue #17: a store may have the connector issue the refund when it processes a return on Shopify (returnProcess with
-- a financial transfer, the amount Shopify suggests for the returned lines, shipping not refunded). Off by default:
-- the merchant refunds in Shopify's admin, as before.
alter table return_policy add column refund_on_process boolean not null default false;
