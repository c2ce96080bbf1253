package wms.shopify.catalog.control;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.platform.api.RegistrationRules;

/**
 * One component of a kit as the WMS registers it. The quantity is kept as the JSON value sent, so that a fraction,
 * a string or a number beyond range is refused naming the field rather than rounded or wrapped.
 *
 * @param product the component's WMS product code: registered before, or in the same call; never a kit itself
 * @param quantity how many units of it one kit takes, a whole number from 1
 */
@Schema(name = "KitComponent", description = "A product one kit is made of, and how many units of it a kit takes.")
public record KitComponentInput(
        @Schema(required = true, maxLength = RegistrationRules.CODE_LIMIT, example = "MUG-01")
        String product,

        @Schema(
                required = true,
                type = SchemaType.INTEGER,
                format = "int64",
                minimum = "1",
                maximum = "1000000",
                example = "2")
        JsonValue quantity) {}
