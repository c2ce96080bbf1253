package wms.shopify.shipping.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.shipping.control.ShipmentRequest;
import wms.shopify.shipping.entity.ParcelLine;

/** The form of a reported shipment: parcels' lines that add up to the shipment, the customer notification. */
class ShipmentsResourceTest {

    private static final String BASE = "{\"shipmentId\":\"S-1\",\"orderId\":7,\"carrier\":\"UPS\","
            + "\"shippedAt\":\"2026-12-07T10:00:00Z\",\"lines\":[{\"product\":\"A\",\"quantity\":3},"
            + "{\"product\":\"B\",\"quantity\":1}]";

    private static JsonObject body(String rest) {
        return Json.createReader(new java.io.StringReader(BASE + rest + "}")).readObject();
    }

    private static Set<String> fieldsRefused(String rest) {
        InvalidRequestException refused =
                assertThrows(InvalidRequestException.class, () -> ShipmentsResource.parse(body(rest)));
        return refused.errors().stream().map(e -> e.field()).collect(Collectors.toSet());
    }

    @Test
    void parcelsThatSayTheirLinesAddUpToTheShipment() {
        ShipmentRequest request = ShipmentsResource.parse(body(",\"parcels\":["
                + "{\"trackingNumber\":\"1\",\"lines\":[{\"product\":\"A\",\"quantity\":2}]},"
                + "{\"trackingNumber\":\"2\",\"lines\":[{\"product\":\"A\",\"quantity\":1},{\"product\":\"B\","
                + "\"quantity\":1}]}]"));
        assertEquals(
                List.of(new ParcelLine(0, "A", 2), new ParcelLine(1, "A", 1), new ParcelLine(1, "B", 1)),
                request.parcelLines());
        assertNull(request.notifyCustomer(), "the store's setting");
    }

    @Test
    void parcelLinesThatDoNotAddUpOrAreMissingForOneParcelAreRefusedNamingTheField() {
        assertEquals(
                Set.of("parcels"),
                fieldsRefused(
                        ",\"parcels\":[{\"trackingNumber\":\"1\",\"lines\":[{\"product\":\"A\","
                                + "\"quantity\":3}]},{\"trackingNumber\":\"2\",\"lines\":[{\"product\":\"A\",\"quantity\":1}]}]"));
        assertEquals(
                Set.of("parcels[1].lines"),
                fieldsRefused(",\"parcels\":[{\"trackingNumber\":\"1\",\"lines\":[{\"product\":\"A\","
                        + "\"quantity\":3},{\"product\":\"B\",\"quantity\":1}]},{\"trackingNumber\":\"2\"}]"));
        assertEquals(
                Set.of("parcels[0].lines[1].product", "parcels[0].lines[0].quantity"),
                fieldsRefused(",\"parcels\":[{\"trackingNumber\":\"1\",\"lines\":[{\"product\":\"A\","
                        + "\"quantity\":0},{\"product\":\"A\",\"quantity\":1}]}]"));
    }

    @Test
    void notifyCustomerIsTrueFalseOrLeftOut() {
        assertEquals(
                Boolean.FALSE,
                ShipmentsResource.parse(body(",\"notifyCustomer\":false")).notifyCustomer());
        assertEquals(
                Boolean.TRUE,
                ShipmentsResource.parse(body(",\"notifyCustomer\":true")).notifyCustomer());
        assertNull(ShipmentsResource.parse(body(",\"notifyCustomer\":null")).notifyCustomer());
        assertEquals(Set.of("notifyCustomer"), fieldsRefused(",\"notifyCustomer\":\"no\""));
    }

    @Test
    void aShipmentReportedBeforeParcelLinesAndNotifyCustomerExistedKeepsItsDigest() throws Exception {
        ShipmentRequest plain = ShipmentsResource.parse(body(",\"parcels\":[{\"trackingNumber\":\"1Z\"}]"));
        // The digest as it was computed before: a repeat of an earlier report must stay a repeat, not a conflict.
        String before =
                "7|UPS|" + java.time.Instant.parse("2026-12-07T10:00:00Z").toEpochMilli() + "|LA=3|LB=1|P1Z@null";
        assertEquals(
                HexFormat.of()
                        .formatHex(
                                MessageDigest.getInstance("SHA-256").digest(before.getBytes(StandardCharsets.UTF_8))),
                plain.fingerprint());
        assertNotEquals(
                plain.fingerprint(),
                ShipmentsResource.parse(body(",\"parcels\":[{\"trackingNumber\":\"1Z\"}],\"notifyCustomer\":false"))
                        .fingerprint(),
                "another choice is other content");
        assertTrue(plain.parcelLines().isEmpty());
    }
}
