-- A WMS API credential may also be limited to some warehouses (security review #15, item 8): their WMS codes,
-- comma separated; null: every warehouse, as for every credential that exists.

alter table api_credential add column warehouses varchar(2000);
alter table api_credential add constraint api_credential_warehouses_present
    check (warehouses is null or length(warehouses) > 0);
