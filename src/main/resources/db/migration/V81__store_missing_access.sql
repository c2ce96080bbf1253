-- The access scope Shopify said a store's token lacks (ACCESS_DENIED with requiredAccess, issue #17): the store needs
-- re-authorisation (Stores page, "Authorise again"); cleared when the merchant grants the app's scopes again.
alter table store add column missing_access varchar(500);
