package wms.shopify.platform.api;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a registration call: counts, whether anything changed, and each item's outcome.
 *
 * @param created how many codes were new
 * @param updated how many existing items changed
 * @param unchanged how many were already as sent
 * @param changed false when the call changed nothing (it repeated an earlier one)
 * @param items each code with its outcome, in the order of the request
 */
@Schema(name = "RegistrationReport", description = "What a registration call did.")
public record RegistrationReport(long created, long updated, long unchanged, boolean changed, List<Item> items) {

    /**
     * One registered item.
     *
     * @param code its code
     * @param outcome created, updated or unchanged
     */
    @Schema(name = "RegistrationItem")
    public record Item(
            String code,

            @Schema(enumeration = {"created", "updated", "unchanged"})
            String outcome) {}

    public static RegistrationReport of(RegistrationResult result) {
        return new RegistrationReport(
                result.count(RegistrationResult.Outcome.CREATED),
                result.count(RegistrationResult.Outcome.UPDATED),
                result.count(RegistrationResult.Outcome.UNCHANGED),
                result.changed(),
                result.items().stream()
                        .map(item -> new Item(item.code(), item.outcome().name().toLowerCase(java.util.Locale.ROOT)))
                        .toList());
    }
}
