package wms.shopify.platform.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.bind.JsonbException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.SQLException;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProblemsTest {

    static final String PATH = "/api/v1/warehouses";

    @Test
    void invalidContentIs400WithEveryField() {
        Problem problem =
                Problems.of(new InvalidRequestException(List.of(new FieldError("[0].code", "is required"))), PATH);
        assertEquals(400, problem.status());
        assertEquals(Problems.INVALID_REQUEST, problem.type());
        assertEquals(List.of(new FieldError("[0].code", "is required")), problem.errors());
        assertEquals(PATH, problem.instance());
    }

    @Test
    void malformedJsonIs400EvenWhenTheRuntimeWrapsIt() {
        for (Throwable error : List.of(
                new JsonbException("Unexpected char"),
                new ProcessingException(new IllegalStateException(new JsonbException("Unexpected char"))))) {
            Problem problem = Problems.of(error, PATH);
            assertEquals(400, problem.status());
            assertEquals(Problems.MALFORMED_BODY, problem.type());
            assertFalse(problem.detail().contains("Unexpected char"), "no parser internals in the answer");
        }
    }

    @Test
    void aBodyOverTheLimitIs413EvenWhenHitInsideTheJsonParser() {
        Problem problem = Problems.of(new JsonbException("read failed", new PayloadTooLargeException(1024)), PATH);
        assertEquals(413, problem.status());
        assertTrue(problem.detail().contains("1024"));
    }

    @Test
    void httpErrorsKeepTheirStatus() {
        assertEquals(404, Problems.ofStatus(Response.Status.NOT_FOUND, PATH).status());
        Problem unsupported = Problems.ofStatus(Response.Status.UNSUPPORTED_MEDIA_TYPE, PATH);
        assertEquals(415, unsupported.status());
        assertEquals("Send the body as application/json.", unsupported.detail());
        assertEquals(Problem.BLANK, unsupported.type());
    }

    @Test
    void aUniqueViolationFromAConcurrentCallIs409() {
        PersistenceException clash = new PersistenceException(new SQLException("duplicate key", "23505"));
        assertEquals(409, Problems.of(clash, PATH).status());
    }

    @Test
    void anythingElseIs500WithoutItsMessage() {
        Problem problem = Problems.of(new IllegalStateException("secret internals"), PATH);
        assertEquals(500, problem.status());
        assertFalse(problem.detail().contains("secret internals"));
    }

    @Test
    void theJsonFormHasTheRfc9457Members() {
        String json = new Problem(
                        Problems.INVALID_REQUEST,
                        "The request is not valid",
                        400,
                        "1 error",
                        PATH,
                        List.of(new FieldError("[0].name", "has \"quotes\"")))
                .toJson();
        assertEquals(
                "{\"type\":\"urn:wms-shopify:problem:invalid-request\",\"title\":\"The request is not valid\","
                        + "\"status\":400,\"detail\":\"1 error\",\"instance\":\"/api/v1/warehouses\",\"errors\":"
                        + "[{\"field\":\"[0].name\",\"message\":\"has \\\"quotes\\\"\"}]}",
                json);
    }

    @Test
    void theSizeLimitCountsWhatIsReadWithoutALength() throws IOException {
        try (var within = new RequestSizeLimit.LimitedStream(new ByteArrayInputStream(new byte[10]), 10)) {
            assertEquals(10, within.readAllBytes().length);
        }
        try (var over = new RequestSizeLimit.LimitedStream(new ByteArrayInputStream(new byte[11]), 10)) {
            PayloadTooLargeException tooLarge = assertThrows(PayloadTooLargeException.class, over::readAllBytes);
            assertEquals(10, tooLarge.limit());
        }
    }
}
