/**
 * WMS API credentials: created and revoked on the WMS API page, checked on every {@code /api} call, with their
 * scope (stores, warehouses, read only). Published: {@code control.ApiCaller}, the caller a resource is called by.
 *
 * <p>Tables: {@code api_credential}. Fires no event and observes none.
 */
package wms.shopify.credentials;
