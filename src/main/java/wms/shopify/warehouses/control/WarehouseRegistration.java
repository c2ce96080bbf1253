package wms.shopify.warehouses.control;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.platform.api.RegistrationRules;

/**
 * A warehouse as the WMS registers it: the full current state of one warehouse, keyed by the WMS's code.
 *
 * @param code the WMS's identifier of the warehouse
 * @param name what the warehouse is called
 * @param active false deactivates it (warehouses are never deleted); absent means true; kept as the JSON value sent, so that
 *     anything but true or false (a string "yes", a number) is refused by {@link RegistrationRules}, never guessed
 */
@Schema(name = "WarehouseRegistration", description = "The full current state of one WMS warehouse.")
public record WarehouseRegistration(
        @Schema(required = true, maxLength = RegistrationRules.CODE_LIMIT, example = "MAIN")
        String code,

        @Schema(required = true, maxLength = RegistrationRules.NAME_LIMIT, example = "Main warehouse")
        String name,

        @Schema(
                type = SchemaType.BOOLEAN,
                description = "false deactivates the warehouse; absent means true",
                defaultValue = "true")
        JsonValue active) {

    /** Whether the warehouse is active: the WMS says so, or says nothing. */
    public boolean activeOrDefault() {
        return RegistrationRules.isActive(this.active);
    }
}
