package wms.shopify.platform.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import org.eclipse.microprofile.openapi.annotations.Components;
import org.eclipse.microprofile.openapi.annotations.OpenAPIDefinition;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.enums.SecuritySchemeType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.info.Info;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.security.SecurityScheme;
import wms.shopify.platform.api.Problem;

/**
 * The connector's REST API, through which the WMS sends its catalog, stock movements, shipments and returns and
 * takes the orders to ship. Its contract is published as OpenAPI at /openapi (browsable at /openapi/ui). Every
 * call carries a bearer credential that the admin creates on the WMS API page; the error answers every resource
 * shares are declared here once.
 */
@ApplicationPath("/api")
@OpenAPIDefinition(
        info =
                @Info(
                        title = "WMS Shopify connector API",
                        version = "1",
                        description =
                                "The API between the WMS and its Shopify connector. Resources are versioned under /api/v1. "
                                        + "Every call needs Authorization: Bearer <keyId>.<secret>, created on the admin's WMS API page. "
                                        + "Errors are RFC 9457 problem details (application/problem+json). See docs/wms-api.md."),
        security = @SecurityRequirement(name = WmsApi.SECURITY_SCHEME),
        components =
                @Components(
                        responses = {
                            @APIResponse(
                                    name = WmsApi.UNAUTHORIZED,
                                    responseCode = "401",
                                    description =
                                            "No credential, a malformed one, or one that is unknown, wrong or revoked. "
                                                    + "Nothing was changed.",
                                    headers =
                                            @Header(
                                                    name = "WWW-Authenticate",
                                                    description = "Bearer realm=\"wms-api\"",
                                                    schema = @Schema(type = SchemaType.STRING)),
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = WmsApi.INVALID_REQUEST,
                                    responseCode = "400",
                                    description =
                                            "Malformed JSON, or content that breaks the rules; errors lists every offending "
                                                    + "field. Nothing was changed.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = WmsApi.CONFLICT,
                                    responseCode = "409",
                                    description =
                                            "A concurrent call registered the same codes; nothing of this call was changed. "
                                                    + "Send it again.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = WmsApi.TOO_LARGE,
                                    responseCode = "413",
                                    description = "The body is over the configured size limit. Nothing was changed.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class))),
                            @APIResponse(
                                    name = WmsApi.UNSUPPORTED_MEDIA_TYPE,
                                    responseCode = "415",
                                    description = "The body is not sent as application/json. Nothing was changed.",
                                    content =
                                            @Content(
                                                    mediaType = Problem.MEDIA_TYPE,
                                                    schema = @Schema(implementation = Problem.class)))
                        }))
@SecurityScheme(
        securitySchemeName = WmsApi.SECURITY_SCHEME,
        type = SecuritySchemeType.HTTP,
        scheme = "bearer",
        bearerFormat = "<keyId>.<secret>",
        description = "A WMS API credential created on the admin's WMS API page, sent as "
                + "Authorization: Bearer <keyId>.<secret>.")
public class WmsApi extends Application {

    /** The security scheme every resource requires. */
    public static final String SECURITY_SCHEME = "wmsApiCredential";
    /** Names of the shared error answers, for {@code @APIResponse(ref = ...)} on the resources. */
    public static final String UNAUTHORIZED = "Unauthorized";

    public static final String INVALID_REQUEST = "InvalidRequest";
    public static final String CONFLICT = "Conflict";
    public static final String TOO_LARGE = "PayloadTooLarge";
    public static final String UNSUPPORTED_MEDIA_TYPE = "UnsupportedMediaType";
}
