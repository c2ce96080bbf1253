package wms.shopify.adminapi.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * How the Admin API client reads each answer of Shopify's that is not plain data: every top-level
 * {@code errors[].extensions.code} in an HTTP 200 (in the shapes Shopify documents), partial data next to errors, the
 * idempotency codes among a mutation's {@code userErrors}, and the HTTP statuses; each becomes a transient
 * {@link ShopifyUnavailableException} or a permanent {@link ShopifyRequestException} carrying Shopify's code and words.
 */
class ShopifyErrorCodeTest {

    private static final ShopDomain SHOP = ShopDomain.parse("errors.myshopify.com");
    private static final String COST = "\"extensions\":{\"cost\":{\"requestedQueryCost\":10,\"actualQueryCost\":null,"
            + "\"throttleStatus\":{\"maximumAvailable\":2000.0,\"currentlyAvailable\":1990,\"restoreRate\":100.0}}}";

    private final AdminApi api = new AdminApi();

    ShopifyErrorCodeTest() {
        this.api.clock = Clock.fixed(Instant.parse("2026-12-01T00:00:00Z"), ZoneOffset.UTC);
    }

    private JsonObject read(int status, String body) {
        JsonObject json = Json.createReader(new StringReader(body)).readObject();
        return this.api
                .data(
                        SHOP,
                        AdminOperation.INVENTORY_SET,
                        this.api.budget(SHOP),
                        new ShopifyHttp.Answer(status, json, "1.5"))
                .data();
    }

    @Test
    void withheldCustomerFieldsAreDataNotAFailureAndAreNamed() {
        String body = "{\"data\":{\"order\":{\"id\":\"gid://shopify/Order/1\",\"email\":null,"
                + "\"shippingAddress\":{\"address1\":null,\"countryCodeV2\":\"DE\"}}},\"errors\":["
                + "{\"message\":\"This app is not approved to access the Customer object. See https://partners.shopify"
                + ".com/1/apps/2/customer_data for more details.\",\"path\":[\"order\",\"email\"]},"
                + "{\"message\":\"This app is not approved to access the Customer object. See https://partners.shopify"
                + ".com/1/apps/2/customer_data for more details.\",\"path\":[\"order\",\"shippingAddress\","
                + "\"address1\"]}]," + COST + "}";
        AdminApi.Read read = this.api.data(
                SHOP,
                AdminOperation.ORDER,
                this.api.budget(SHOP),
                new ShopifyHttp.Answer(
                        200, Json.createReader(new StringReader(body)).readObject(), null));
        assertEquals(
                "DE",
                read.data()
                        .getJsonObject("order")
                        .getJsonObject("shippingAddress")
                        .getString("countryCodeV2"));
        assertEquals(
                java.util.List.of(
                        java.util.List.of("order", "email"), java.util.List.of("order", "shippingAddress", "address1")),
                read.withheld());
        ShopifyRequestException strict = assertThrows(
                ShopifyRequestException.class,
                () -> AdminApi.complete(SHOP, AdminOperation.ORDER, new AdminApi.Read(read.data(), read.withheld())));
        assertEquals(ShopifyErrorCode.CUSTOMER_DATA_WITHHELD, strict.code(), "run takes no withheld field");
        String mixed = body.replace(
                "\"path\":[\"order\",\"email\"]}",
                "\"path\":[\"order\",\"email\"]}," + "{\"message\":\"Timeout\",\"extensions\":{\"code\":\"TIMEOUT\"}}");
        assertEquals(ShopifyErrorCode.TIMEOUT, ((ShopifyUnavailableException) failure(200, mixed)).code());
    }

    private RuntimeException failure(int status, String body) {
        return assertThrows(RuntimeException.class, () -> read(status, body));
    }

    private static String error(String code, String message) {
        return "{\"errors\":[{\"message\":\"" + message + "\",\"extensions\":{\"code\":\"" + code + "\"}}]," + COST
                + "}";
    }

    @Test
    void theTransientCodesInA200AreRetriedWithTheirCode() {
        for (String code : new String[] {"THROTTLED", "INTERNAL_SERVER_ERROR", "TIMEOUT"}) {
            ShopifyUnavailableException e = (ShopifyUnavailableException) failure(200, error(code, "Shopify's words"));
            assertEquals(ShopifyErrorCode.valueOf(code), e.code());
            assertEquals("InventorySet on errors.myshopify.com: Shopify's words (" + code + ")", e.getMessage());
            assertEquals(code.equals("THROTTLED"), e.throttled());
        }
    }

    @Test
    void thePermanentCodesInA200AreRefusedWithShopifysWords() {
        String maxCost = "Query cost is 1002, which exceeds the single query max cost limit (1000).";
        ShopifyRequestException e = (ShopifyRequestException) failure(200, error("MAX_COST_EXCEEDED", maxCost));
        assertEquals(ShopifyErrorCode.MAX_COST_EXCEEDED, e.code());
        assertTrue(e.getMessage().contains(maxCost), e.getMessage());
        assertFalse(e.needsNewKey());
        for (String code : new String[] {"ACCESS_DENIED", "SHOP_INACTIVE", "MAX_INPUT_SIZE_EXCEEDED", "BAD_REQUEST"}) {
            assertEquals(
                    ShopifyErrorCode.valueOf(code), ((ShopifyRequestException) failure(200, error(code, "no"))).code());
        }
        ShopifyRequestException unknown = (ShopifyRequestException)
                failure(200, "{\"errors\":[{\"message\":\"Field 'nope' doesn't exist on type 'Shop'\"}]}");
        assertEquals(ShopifyErrorCode.OTHER, unknown.code(), "a validation error has no code: refused");
        assertTrue(unknown.getMessage().contains("Field 'nope' doesn't exist"));
    }

    @Test
    void partialDataNextToErrorsIsNeverSuccess() {
        String partial = "{\"data\":{\"order\":{\"id\":\"gid://shopify/Order/1\",\"lineItems\":null}},\"errors\":[{"
                + "\"message\":\"Internal error. Looks like something went wrong on our end. Request ID: r-1 (include "
                + "this in support requests).\",\"path\":[\"order\",\"lineItems\"],\"extensions\":{\"code\":"
                + "\"INTERNAL_SERVER_ERROR\",\"requestId\":\"r-1\"}}]," + COST + "}";
        ShopifyUnavailableException e = (ShopifyUnavailableException) failure(200, partial);
        assertEquals(ShopifyErrorCode.INTERNAL_SERVER_ERROR, e.code());
    }

    @Test
    void aPermanentCodeWinsOverATransientOneInTheSameAnswer() {
        String both = "{\"data\":{\"order\":null},\"errors\":[{\"message\":\"Timeout\",\"extensions\":{\"code\":"
                + "\"TIMEOUT\"}},{\"message\":\"Access denied for order field.\",\"extensions\":{\"code\":"
                + "\"ACCESS_DENIED\"}}]}";
        assertEquals(ShopifyErrorCode.ACCESS_DENIED, ((ShopifyRequestException) failure(200, both)).code());
    }

    @Test
    void idempotencyUserErrorsAreReadHereForEveryMutation() {
        String concurrent = "{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":null,\"userErrors\":"
                + "[{\"code\":\"IDEMPOTENCY_CONCURRENT_REQUEST\",\"field\":null,\"message\":\"This request is currently"
                + " in progress, please try again.\"}]}}," + COST + "}";
        ShopifyUnavailableException inFlight = (ShopifyUnavailableException) failure(200, concurrent);
        assertEquals(ShopifyErrorCode.IDEMPOTENCY_CONCURRENT_REQUEST, inFlight.code());
        assertTrue(inFlight.getMessage().contains("This request is currently in progress, please try again."));

        for (String code : new String[] {"IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED", "IDEMPOTENCY_KEY_PARAMETER_MISMATCH"}) {
            ShopifyRequestException spent = (ShopifyRequestException) failure(
                    200,
                    "{\"data\":{\"inventorySetQuantities\""
                            + ":{\"inventoryAdjustmentGroup\":null,\"userErrors\":[{\"code\":\"" + code
                            + "\",\"field\":null,"
                            + "\"message\":\"m\"}]}}}");
            assertEquals(ShopifyErrorCode.valueOf(code), spent.code());
            assertTrue(spent.needsNewKey());
        }

        JsonObject stale = read(
                200,
                "{\"data\":{\"inventorySetQuantities\":{\"inventoryAdjustmentGroup\":null,"
                        + "\"userErrors\":[{\"code\":\"CHANGE_FROM_QUANTITY_STALE\",\"field\":null,\"message\":\"m\"}]}}}");
        assertEquals(
                "CHANGE_FROM_QUANTITY_STALE",
                stale.getJsonObject("inventorySetQuantities")
                        .getJsonArray("userErrors")
                        .getJsonObject(0)
                        .getString("code"),
                "other user errors are the caller's");
    }

    @Test
    void httpStatusesKeepTheirMeaning() {
        ShopifyUnavailableException tooMany =
                (ShopifyUnavailableException) failure(429, "{\"errors\":\"Exceeded request rate limit.\"}");
        assertTrue(tooMany.throttled());
        ShopifyUnavailableException down = (ShopifyUnavailableException) failure(503, "{}");
        assertNull(down.code());
        assertTrue(down.getMessage().contains("503"));
        assertTrue(failure(401, "{}") instanceof ShopifyUnauthorizedException);
        assertEquals(ShopifyErrorCode.OTHER, ((ShopifyRequestException) failure(404, "{}")).code());
    }

    @Test
    void plainDataIsData() {
        assertEquals(
                "x",
                read(200, "{\"data\":{\"shop\":{\"name\":\"x\"}}," + COST + "}")
                        .getJsonObject("shop")
                        .getString("name"));
    }
}
