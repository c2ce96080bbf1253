-- Feed positions are no longer taken under a global advisory lock held until commit (that serialised every import's
-- commit across the cluster). A writer takes its position holding the feed's advisory lock shared; a reader notes the
-- sequence's last value, waits for the writers in flight (the lock exclusive for an instant) and reads up to that value
-- (FeedPositions). That reading of last_value is exact only with no per-session cache: make it explicit.
alter sequence shop_order_feed_seq cache 1;
alter sequence shop_return_feed_seq cache 1;
comment on sequence shop_order_feed_seq is 'Order feed positions: cache 1 is required, readers read last_value as the highest position given (FeedPositions).';
comment on sequence shop_return_feed_seq is 'Return feed positions: cache 1 is required, readers read last_value as the highest position given (FeedPositions).';
