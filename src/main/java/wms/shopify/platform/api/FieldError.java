package wms.shopify.platform.api;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One thing wrong with a request body, named by where it is.
 *
 * @param field where the problem is, as a path into the body: {@code [2].code}, {@code body}
 * @param message what is wrong, in words the WMS integrator can act on
 */
@Schema(name = "FieldError", description = "One thing wrong with the request body.")
public record FieldError(
        @Schema(description = "Where in the body, e.g. [2].code", example = "[2].code")
        String field,

        @Schema(description = "What is wrong", example = "is longer than 64 characters")
        String message) {}
