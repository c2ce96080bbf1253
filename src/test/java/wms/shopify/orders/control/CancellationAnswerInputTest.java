package wms.shopify.orders.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.util.List;
import org.junit.jupiter.api.Test;
import wms.shopify.orders.entity.CancellationAnswer;
import wms.shopify.orders.entity.ShippedUnits;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;

/** The WMS's answer to a cancellation as it sends it: every wrong field named, nothing guessed. */
class CancellationAnswerInputTest {

    private static JsonObject body(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private static List<String> fieldsRefused(String json) {
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> CancellationAnswerInput.read(body(json)));
        return refused.errors().stream().map(FieldError::field).toList();
    }

    @Test
    void cancelledAndTooLateAreRead() {
        CancellationAnswerInput cancelled =
                CancellationAnswerInput.read(body("{\"revision\":7,\"outcome\":\"CANCELLED\"}"));
        assertEquals(new CancellationAnswerInput(7, CancellationAnswer.CANCELLED, List.of(), null), cancelled);
        CancellationAnswerInput late = CancellationAnswerInput.read(body("{\"revision\":7,\"outcome\":\"TOO_LATE\","
                + "\"shipped\":[{\"product\":\"W-MUG\",\"quantity\":2.0}],\"reason\":\" left at 10:02 \"}"));
        assertEquals(
                new CancellationAnswerInput(
                        7, CancellationAnswer.TOO_LATE, List.of(new ShippedUnits("W-MUG", 2)), "left at 10:02"),
                late);
    }

    @Test
    void eachWrongFieldIsNamed() {
        assertEquals(List.of("outcome"), fieldsRefused("{\"revision\":7}"));
        assertEquals(List.of("outcome"), fieldsRefused("{\"revision\":7,\"outcome\":\"cancelled\"}"));
        assertEquals(List.of("revision"), fieldsRefused("{\"revision\":\"7\",\"outcome\":\"CANCELLED\"}"));
        assertEquals(List.of("shipped", "reason"), fieldsRefused("{\"revision\":7,\"outcome\":\"TOO_LATE\"}"));
        assertEquals(
                List.of("shipped"),
                fieldsRefused("{\"revision\":7,\"outcome\":\"CANCELLED\",\"shipped\":[{\"product\":\"A\","
                        + "\"quantity\":1}]}"));
        assertEquals(
                List.of("shipped[0].quantity", "shipped[1].product"),
                fieldsRefused("{\"revision\":7,\"outcome\":\"TOO_LATE\",\"reason\":\"r\",\"shipped\":["
                        + "{\"product\":\"A\",\"quantity\":0},{\"product\":\"\",\"quantity\":1}]}"));
        assertEquals(
                List.of("shipped[1].product"),
                fieldsRefused("{\"revision\":7,\"outcome\":\"TOO_LATE\",\"reason\":\"r\",\"shipped\":["
                        + "{\"product\":\"A\",\"quantity\":1},{\"product\":\"A\",\"quantity\":1}]}"));
        assertEquals(List.of("reason"), fieldsRefused("{\"revision\":7,\"outcome\":\"CANCELLED\",\"reason\":\" \"}"));
        assertEquals(List.of("note"), fieldsRefused("{\"revision\":7,\"outcome\":\"CANCELLED\",\"note\":\"x\"}"));
        assertEquals(List.of("revision", "outcome"), fieldsRefused("{}"));
        assertEquals(
                List.of("body"),
                assertThrows(InvalidRequestException.class, () -> CancellationAnswerInput.read(null)).errors().stream()
                        .map(FieldError::field)
                        .toList());
    }
}
