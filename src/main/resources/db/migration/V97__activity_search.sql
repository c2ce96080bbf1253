-- The Activity page's lazy table (issue #21): each page one query with a limit, its count bounded, its filters
-- served by an index, so that no page reads the whole log at a million entries.
--  * Area (category) filter and sort, newest first within an area; also the list of areas, one index probe each.
create index activity_event_by_category on activity_event (category, occurred_at desc, id desc);
--  * Text and store filters ("lower(message) like '%term%'"): pg_trgm (V9) on the lower-cased message.
create index activity_event_message_search on activity_event using gin (lower(message) gin_trgm_ops);
