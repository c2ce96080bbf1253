package wms.shopify.warehouses.control;

import java.util.List;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.RegistrationRules;

/**
 * The rules a registration of warehouses or shipping processes follows: those of every registration (a body, the
 * item limit, each code valid and once per call) and, per item, a name and a boolean {@code active}; a shipping
 * process's warehouse, when given, is a valid code (whether it is registered is {@link Warehouses}' to check).
 */
public final class WarehouseRules {

    private final RegistrationRules rules;

    public WarehouseRules(int maxItems) {
        this.rules = new RegistrationRules(maxItems);
    }

    public List<FieldError> checkWarehouses(List<WarehouseRegistration> items) {
        return this.rules.check(items, WarehouseRegistration::code, (item, at, errors) -> {
            RegistrationRules.checkName(item.name(), at, errors);
            RegistrationRules.checkActive(item.active(), at, errors);
        });
    }

    public List<FieldError> checkShippingProcesses(List<ShippingProcessRegistration> items) {
        return this.rules.check(items, ShippingProcessRegistration::code, (item, at, errors) -> {
            RegistrationRules.checkName(item.name(), at, errors);
            RegistrationRules.checkActive(item.active(), at, errors);
            if (item.warehouse() != null) {
                RegistrationRules.checkCode(item.warehouse(), at + ".warehouse", errors);
            }
        });
    }
}
