package wms.shopify.platform.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/**
 * Decides how an error of the API is told to the caller: which status and which problem details. The one place
 * where errors become HTTP for the whole API, used by {@link ProblemMapper}; free of the server so it can be
 * tested alone.
 */
public final class Problems {

    static final String INVALID_REQUEST = "urn:wms-shopify:problem:invalid-request";
    static final String MALFORMED_BODY = "urn:wms-shopify:problem:malformed-body";
    static final String CONCURRENT_CHANGE = "urn:wms-shopify:problem:concurrent-change";
    /** PostgreSQL's SQLSTATE for a unique constraint that refused a row. */
    private static final String UNIQUE_VIOLATION = "23505";

    private Problems() {}

    /** The problem details that answer this error of a request to the given path. */
    public static Problem of(Throwable error, String path) {
        Optional<PayloadTooLargeException> tooLarge = cause(error, PayloadTooLargeException.class);
        if (tooLarge.isPresent()) {
            return Problem.of(
                    Status.REQUEST_ENTITY_TOO_LARGE,
                    "The body is larger than the limit of " + tooLarge.get().limit()
                            + " bytes; send fewer items per call.",
                    path);
        }
        Optional<OutOfScopeException> outOfScope = cause(error, OutOfScopeException.class);
        if (outOfScope.isPresent()) {
            return Problem.of(Status.FORBIDDEN, outOfScope.get().getMessage(), path);
        }
        Optional<InvalidRequestException> invalid = cause(error, InvalidRequestException.class);
        if (invalid.isPresent()) {
            return new Problem(
                    INVALID_REQUEST,
                    "The request is not valid",
                    400,
                    invalid.get().getMessage(),
                    path,
                    invalid.get().errors());
        }
        // Looked for before a wrapping WebApplicationException: the JSON error says more than "Bad Request".
        if (cause(error, JsonbException.class).isPresent()
                || cause(error, JsonException.class).isPresent()) {
            return new Problem(
                    MALFORMED_BODY,
                    "The body is not valid JSON",
                    400,
                    "The body is not well-formed JSON or does not have the shape this resource takes (see /openapi).",
                    path,
                    List.of());
        }
        Optional<WebApplicationException> http = cause(error, WebApplicationException.class);
        if (http.isPresent()) {
            return ofStatus(http.get().getResponse().getStatusInfo(), path);
        }
        boolean uniqueViolation = cause(error, SQLException.class)
                .map(SQLException::getSQLState)
                .filter(UNIQUE_VIOLATION::equals)
                .isPresent();
        if (uniqueViolation) {
            return new Problem(
                    CONCURRENT_CHANGE,
                    "Concurrent change",
                    409,
                    "Another request registered the same "
                            + "codes at the same time; nothing of this one was changed. Send it again.",
                    path,
                    List.of());
        }
        return Problem.of(
                Status.INTERNAL_SERVER_ERROR,
                "The connector failed to answer this request; nothing was " + "changed. It is logged; try again later.",
                path);
    }

    /** The problem details of an HTTP error that the runtime raised with only its status. */
    static Problem ofStatus(Response.StatusType status, String path) {
        return Problem.of(
                status,
                switch (status.getStatusCode()) {
                    case 404 -> "There is no resource at this path (see /openapi for the API's resources).";
                    case 405 -> "This resource does not take this method (see /openapi).";
                    case 406 -> "This resource answers application/json only.";
                    case 415 -> "Send the body as application/json.";
                    default -> "The request could not be handled as sent.";
                },
                path);
    }

    /** The first throwable of the given type in the chain of causes, the error itself included. */
    static <T extends Throwable> Optional<T> cause(Throwable error, Class<T> type) {
        for (Throwable t = error; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
            // JDBC batches report the statement that failed as the "next" exception, not as the cause.
            if (t instanceof SQLException sql && type.isInstance(sql.getNextException())) {
                return Optional.of(type.cast(sql.getNextException()));
            }
        }
        return Optional.empty();
    }
}
