-- Issue #18, availability rules (owned by stock). A store's rules on top of the WMS's sellable quantity: buffer,
-- share of stock, maximum shown, out of stock below. Each rule has a scope: every location of the store or one
-- Shopify location, and every product, a product group (a WMS product code prefix: the catalog has no product type,
-- vendor or tags) or one WMS product (its code). The most specific rule that matches a level is the one applied, all
-- of it (see stock_rule_of). The arithmetic is stock_may_sell's, the one availability calculation.

create table stock_rule (
    id                 bigserial    primary key,
    store_id           bigint       not null references store (id) on delete cascade,
    location_id        varchar(255),
    product_code       varchar(64),
    product_prefix     varchar(64),
    buffer             bigint,
    share_percent      integer,
    maximum            bigint,
    out_of_stock_below bigint,
    constraint stock_rule_one_product_scope check (product_code is null or product_prefix is null),
    constraint stock_rule_prefix_present check (product_prefix is null or length(product_prefix) > 0),
    constraint stock_rule_buffer_range check (buffer between 0 and 1000000000),
    constraint stock_rule_share_range check (share_percent between 0 and 100),
    constraint stock_rule_maximum_range check (maximum between 0 and 1000000000),
    constraint stock_rule_out_of_stock_below_range check (out_of_stock_below between 0 and 1000000000),
    constraint stock_rule_says_something check (buffer is not null or share_percent is not null
        or maximum is not null or out_of_stock_below is not null)
);

-- One rule per scope.
create unique index stock_rule_scope on stock_rule (store_id, coalesce(location_id, ''), coalesce(product_code, ''),
    coalesce(product_prefix, ''));

-- The rule that applies to a level (store, WMS product, Shopify location): the most specific that matches. The
-- product scope decides first (one product over the longest matching group over every product), then the location
-- (one location over every location). Null when the store has none that matches.
create function stock_rule_of(p_store_id bigint, p_product_id bigint, p_location_id varchar)
    returns stock_rule language sql stable as $$
    select r.* from stock_rule r
    where r.store_id = p_store_id
        and (r.location_id is null or r.location_id = p_location_id)
        and (r.product_code is null and r.product_prefix is null
            or r.product_code = (select p.code from product_code p where p.product_id = p_product_id)
            or starts_with((select p.code from product_code p where p.product_id = p_product_id), r.product_prefix))
    order by (r.product_code is not null) desc, coalesce(length(r.product_prefix), 0) desc,
        (r.location_id is not null) desc
    limit 1
$$;

-- What Shopify may sell at a level, the rule applied, in this order:
--   1. share:   ⌊sellable × P / 100⌋ (the store's part of the warehouse)
--   2. demand:  less the store's unallocated order units and the drops no known order explains yet
--   3. buffer:  less N units, never below 0
--   4. out of stock below N: 0 when fewer than N remain
--   5. maximum: never more than M
-- Without a rule (null): sellable − demand + unexplained, never below 0, as before.
create function stock_may_sell(p_sellable bigint, p_demand bigint, p_unexplained bigint, p_rule stock_rule)
    returns bigint language sql immutable as $$
    select least(coalesce(p_rule.maximum, x.shown), case when x.shown < coalesce(p_rule.out_of_stock_below, 0)
        then 0 else x.shown end)
    from (select greatest(0, case when p_rule.share_percent is null then p_sellable
        else greatest(0, p_sellable) * p_rule.share_percent / 100 end
        - p_demand + least(0, p_unexplained) - coalesce(p_rule.buffer, 0)) as shown) x
$$;

-- The calculation without a rule is the same function (one body).
create or replace function stock_may_sell(p_sellable bigint, p_demand bigint, p_unexplained bigint)
    returns bigint language sql immutable as $$
    select stock_may_sell(p_sellable, p_demand, p_unexplained, null::stock_rule)
$$;

-- Delta mode: the part of the WMS quantity the store is shown (Shopify subtracts its own sales). Without a rule, the
-- quantity itself, so that Delta mode adds the WMS's deltas as it always did; with one, the calculation above
-- without demand. A movement from a to b adds stock_shown(b) − stock_shown(a) to what Shopify holds.
create function stock_shown(p_sellable bigint, p_rule stock_rule)
    returns bigint language sql immutable as $$
    select case when p_rule.id is null then p_sellable else stock_may_sell(p_sellable, 0, 0, p_rule) end
$$;
