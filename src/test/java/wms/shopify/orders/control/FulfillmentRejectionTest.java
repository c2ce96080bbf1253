package wms.shopify.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import wms.shopify.orders.entity.FulfillmentRejectionReason;
import wms.shopify.platform.api.InvalidRequestException;

/** The WMS's rejection body: Shopify's reasons only, the message optional and bounded, each error naming its field. */
class FulfillmentRejectionTest {

    private static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    @Test
    void aReasonOfShopifysAndAMessageAreTaken() {
        FulfillmentRejection rejection =
                FulfillmentRejection.of(body("{\"reason\":\"INCORRECT_ADDRESS\",\"message\":\" No such street \"}"));
        assertEquals(FulfillmentRejectionReason.INCORRECT_ADDRESS, rejection.reason());
        assertEquals("No such street", rejection.message());
        assertNull(FulfillmentRejection.of(body("{\"reason\":\"OTHER\"}")).message());
    }

    @Test
    void aMissingOrUnknownReasonAndABadMessageAreRefusedNamingTheField() {
        InvalidRequestException missing =
                assertThrows(InvalidRequestException.class, () -> FulfillmentRejection.of(body("{}")));
        assertEquals("reason", missing.errors().get(0).field());
        InvalidRequestException unknown = assertThrows(
                InvalidRequestException.class, () -> FulfillmentRejection.of(body("{\"reason\":\"out_of_stock\"}")));
        assertTrue(unknown.errors().get(0).message().contains("INVENTORY_OUT_OF_STOCK"));
        InvalidRequestException message = assertThrows(
                InvalidRequestException.class,
                () -> FulfillmentRejection.of(body("{\"reason\":\"OTHER\",\"message\":\"" + "x".repeat(1001) + "\"}")));
        assertEquals("message", message.errors().get(0).field());
        assertThrows(
                InvalidRequestException.class,
                () -> FulfillmentRejection.of(body("{\"reason\":\"OTHER\",\"message\":5}")));
    }

    @Test
    void aChangeRejectionGivesShopifyTheReasonNamedElseTheWmsReasonMapped() {
        ChangeRejectionInput named = ChangeRejectionInput.read(body(
                "{\"revision\":7,\"reason\":\"No mugs until Friday\",\"rejectionReason\":\"INVENTORY_OUT_OF_STOCK\"}"));
        assertEquals(
                new FulfillmentRejection(FulfillmentRejectionReason.INVENTORY_OUT_OF_STOCK, "No mugs until Friday"),
                named.shopifyRejection());
        ChangeRejectionInput withMessage = ChangeRejectionInput.read(
                body("{\"revision\":7,\"reason\":\"incorrect address\",\"message\":\" Street unknown \"}"));
        assertEquals(
                new FulfillmentRejection(FulfillmentRejectionReason.INCORRECT_ADDRESS, "Street unknown"),
                withMessage.shopifyRejection(),
                "a reason naming one of Shopify's is taken as it");
        assertEquals(
                new FulfillmentRejection(FulfillmentRejectionReason.OTHER, "3 shirts shipped already"),
                ChangeRejectionInput.read(body("{\"revision\":7,\"reason\":\"3 shirts shipped already\"}"))
                        .shopifyRejection(),
                "other words go as OTHER with the words as the merchant's message");
    }

    @Test
    void aChangeRejectionNamingAnUnknownShopifyReasonOrABadMessageIsRefusedNamingTheField() {
        InvalidRequestException unknown = assertThrows(
                InvalidRequestException.class,
                () -> ChangeRejectionInput.read(
                        body("{\"revision\":7,\"reason\":\"x\",\"rejectionReason\":\"NO_MUGS\"}")));
        assertEquals("rejectionReason", unknown.errors().get(0).field());
        InvalidRequestException message = assertThrows(
                InvalidRequestException.class,
                () -> ChangeRejectionInput.read(body("{\"revision\":7,\"reason\":\"x\",\"message\":[]}")));
        assertEquals("message", message.errors().get(0).field());
    }
}
