-- Fulfillment-service mode (issue #19) beside "fulfilled by another app" (issue #17): the location of the WMS's own
-- fulfillment service is operated by a service too, but it is the connector's, so it is mapped to a warehouse and its
-- requested fulfillment orders go to the WMS. Marked when the connector registers the service.
alter table store_location add column own_service boolean not null default false;
