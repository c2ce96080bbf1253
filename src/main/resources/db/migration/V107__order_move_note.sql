-- Fulfillment orders moved to another location on Shopify after the WMS took the order (issue 19): reported on the
-- order (Orders page), not re-routed; before the WMS took it, the move re-routes the order through the feed instead.
alter table shop_order add column move_note varchar(1000);
