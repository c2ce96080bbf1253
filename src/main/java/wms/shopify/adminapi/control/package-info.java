/**
 * The Admin API client every component's Shopify gateway uses (requests, pacing, the app's settings, OAuth, signatures
 * and the errors a call ends in): published as a whole, since calling Shopify through it is what it is for.
 */
@Published
package wms.shopify.adminapi.control;

import wms.shopify.platform.Published;
