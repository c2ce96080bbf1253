-- Optional scopes of a WMS API credential (security review #15, item 8): read-only, and limited to some stores.
-- Every credential that exists keeps full access: not read-only, every store (stores is null).

alter table api_credential add column read_only boolean not null default false;
-- The shop domains the credential reaches, comma separated, in the spelling of store.domain; null: every store.
alter table api_credential add column stores varchar(2000);
alter table api_credential add constraint api_credential_stores_present check (stores is null or length(stores) > 0);
