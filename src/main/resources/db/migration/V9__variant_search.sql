-- The Product Mapping page's search (Mappings.page) stays fast at 50 000 variants per store. A term matches a
-- variant whose SKU or barcode is exactly the term, or whose product title contains it, ignoring case.
--  * SKU and barcode: a btree per store each, so the exact comparisons are index lookups.
--  * Title: pg_trgm's GIN index on lower(product_title) serves "lower(product_title) like '%term%'" for terms of
--    three characters or more (shorter terms have no trigram to look up and read the index whole, still without
--    touching the table's rows that do not match).
-- pg_trgm ships with PostgreSQL (contrib; in the embedded PostgreSQL and the official Docker image) and is a trusted
-- extension since PostgreSQL 13: the database's owner may create it. On a database where the connector's user may
-- not, an administrator runs "create extension pg_trgm" in it once before upgrading (docs/operations.md).
create extension if not exists pg_trgm;

create index store_variant_title_search on store_variant using gin (lower(product_title) gin_trgm_ops);
create index store_variant_sku on store_variant (store_id, sku);
create index store_variant_barcode on store_variant (store_id, barcode);
