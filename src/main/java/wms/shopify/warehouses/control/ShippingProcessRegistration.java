package wms.shopify.warehouses.control;

import jakarta.json.JsonValue;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.platform.api.RegistrationRules;

/**
 * A shipping process as the WMS registers it: the full current state of one process, keyed by the WMS's code.
 *
 * @param code the WMS's identifier of the process
 * @param name what the process is called
 * @param warehouse the code of the warehouse it ships from, already registered; absent for any warehouse
 * @param active false deactivates it (processes are never deleted); absent means true; kept as the JSON value sent, so that
 *     anything but true or false (a string "yes", a number) is refused by {@link RegistrationRules}, never guessed
 */
@Schema(name = "ShippingProcessRegistration", description = "The full current state of one WMS shipping process.")
public record ShippingProcessRegistration(
        @Schema(required = true, maxLength = RegistrationRules.CODE_LIMIT, example = "DHL-PARCEL")
        String code,

        @Schema(required = true, maxLength = RegistrationRules.NAME_LIMIT, example = "DHL parcel")
        String name,

        @Schema(
                description = "code of a registered warehouse; absent when the process runs in any warehouse",
                maxLength = RegistrationRules.CODE_LIMIT,
                example = "MAIN")
        String warehouse,

        @Schema(
                type = SchemaType.BOOLEAN,
                description = "false deactivates the process; absent means true",
                defaultValue = "true")
        JsonValue active) {

    /** Whether the process is active: the WMS says so, or says nothing. */
    public boolean activeOrDefault() {
        return RegistrationRules.isActive(this.active);
    }
}
