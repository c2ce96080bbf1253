package wms.shopify.catalog.boundary;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import wms.shopify.catalog.control.Catalog;
import wms.shopify.platform.api.RegistrationReport;

/**
 * The answer to a product registration: what a warehouse registration answers, plus the SKUs and barcodes of the
 * call that are now on more than one active product (reported, not merged: they match no Shopify variant).
 *
 * @param created how many codes were new
 * @param updated how many existing products changed
 * @param unchanged how many were already as sent
 * @param changed false when the call changed nothing (it repeated an earlier one)
 * @param items each code with its outcome, in the order of the request
 * @param duplicateSkus SKUs of this call that several active products share
 * @param duplicateBarcodes barcodes of this call that several active products share
 */
@Schema(name = "ProductRegistrationReport", description = "What a product registration call did.")
public record ProductRegistrationReport(
        long created,
        long updated,
        long unchanged,
        boolean changed,
        List<RegistrationReport.Item> items,
        List<String> duplicateSkus,
        List<String> duplicateBarcodes) {

    static ProductRegistrationReport of(Catalog.ProductRegistrationResult result) {
        RegistrationReport counts = RegistrationReport.of(result.result());
        return new ProductRegistrationReport(
                counts.created(),
                counts.updated(),
                counts.unchanged(),
                counts.changed(),
                counts.items(),
                result.duplicateSkus(),
                result.duplicateBarcodes());
    }
}
