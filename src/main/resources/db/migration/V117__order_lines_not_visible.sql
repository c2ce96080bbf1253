-- Issue #17: a store whose token lacks read_third_party_fulfillment_orders does not see another app's fulfillment
-- orders; the units no visible fulfillment order covers are still kept apart from the WMS order, but Shopify did not
-- say where or by whom they are fulfilled: such a line has no location and no service.
alter table shop_order_another_app_line alter column location_id drop not null;
alter table shop_order_another_app_line alter column service_name drop not null;
alter table shop_order_another_app_line add constraint shop_order_another_app_line_located
    check ((location_id is null) = (service_name is null));
