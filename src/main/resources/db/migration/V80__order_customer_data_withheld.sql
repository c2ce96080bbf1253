-- The protected customer fields (NAME, ADDRESS, EMAIL, PHONE) Shopify withheld when the order was last read, because
-- the app is not approved for them (issue #17): the order is imported without them and says so (Orders page, feed).
alter table shop_order add column customer_data_withheld varchar(64);
