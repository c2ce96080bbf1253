-- Filters as the merchant thinks (issue 19): order tags to include and to exclude, sales channels (sourceName),
-- shipping methods (the shipping line's title) and destination countries (ISO 3166), each a set of values chosen
-- from what Shopify offers, kept one a line (a shipping method's title may hold a comma); empty lets every order
-- through, so nothing changes for a store until the merchant chooses.
alter table intake_policy
    add column tags_included    text not null default '',
    add column tags_excluded    text not null default '',
    add column sales_channels   text not null default '',
    add column shipping_methods text not null default '',
    add column countries        text not null default '';
