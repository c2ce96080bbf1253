-- Absolute mode: an order's demand can reach stock sync before the connector has seen the sale's drop on Shopify
-- (the drop shows only when a compare-and-set turns out stale and the level is read again). explained_ahead holds
-- the demand that rose since the connector last knew Shopify's quantity and did not explain an earlier drop, so
-- that the drop the next read finds is not counted as unexplained on top of that demand. Any read or successful
-- write of the level resets it: what Shopify holds then already includes those sales.
alter table stock_change
    add column explained_ahead bigint not null default 0,
    add constraint stock_change_explained_ahead_not_negative check (explained_ahead >= 0);
