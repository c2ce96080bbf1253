package wms.shopify.platform.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * An error answer of the WMS API as RFC 9457 problem details ({@code application/problem+json}): what every
 * error of the API looks like, whoever raises it.
 *
 * @param type a URI naming the kind of problem ({@code about:blank} when the status says it all)
 * @param title the short, fixed summary of that kind
 * @param status the HTTP status
 * @param detail what went wrong with this request
 * @param instance the path that was called
 * @param errors for a request with invalid content, each offending field; empty otherwise
 */
@Schema(name = "Problem", description = "RFC 9457 problem details, sent as application/problem+json.")
public record Problem(
        @Schema(example = "urn:wms-shopify:problem:invalid-request")
        String type,

        @Schema(example = "The request is not valid") String title,
        @Schema(example = "400") int status,

        @Schema(example = "2 error(s) in the request; nothing was changed")
        String detail,

        @Schema(example = "/api/v1/warehouses") String instance,
        List<FieldError> errors) {

    /** The media type of every error answer of the API. */
    public static final String MEDIA_TYPE = "application/problem+json";
    /** The type of a problem that the HTTP status describes fully. */
    public static final String BLANK = "about:blank";

    public Problem {
        errors = errors == null ? List.of() : List.copyOf(errors);
    }

    /** A problem that its status describes fully, with a detail for this request. */
    public static Problem of(Response.StatusType status, String detail, String instance) {
        return new Problem(BLANK, status.getReasonPhrase(), status.getStatusCode(), detail, instance, List.of());
    }

    /** The HTTP answer carrying this problem. */
    public Response.ResponseBuilder response() {
        return Response.status(this.status).type(MEDIA_TYPE).entity(toJson());
    }

    String toJson() {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("type", this.type)
                .add("title", this.title)
                .add("status", this.status);
        if (this.detail != null) {
            json.add("detail", this.detail);
        }
        if (this.instance != null) {
            json.add("instance", this.instance);
        }
        if (!this.errors.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            this.errors.forEach(e ->
                    list.add(Json.createObjectBuilder().add("field", e.field()).add("message", e.message())));
            json.add("errors", list);
        }
        return json.build().toString();
    }
}
