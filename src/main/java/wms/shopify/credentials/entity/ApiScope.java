package wms.shopify.credentials.entity;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a WMS API credential may do: read only, or read and write; every store, or only some (by shop domain); every
 * warehouse, or only some (by WMS code). A
 * credential without limits (every one created before scopes existed) reaches everything. Checked for every call by
 * the API's scope check, against what the route declares it reaches.
 *
 * @param readOnly whether only reads (GET) are allowed
 * @param stores the shop domains reached; empty: every store
 * @param warehouses the WMS warehouse codes reached; empty: every warehouse
 */
public record ApiScope(boolean readOnly, Set<String> stores, Set<String> warehouses) {

    /** Everything: what a credential without limits may do. */
    public static final ApiScope FULL = new ApiScope(false, Set.of(), Set.of());

    public ApiScope {
        stores = Set.copyOf(stores);
        warehouses = Set.copyOf(warehouses);
    }

    /** Whether the credential is limited to some warehouses. */
    public boolean limitedToWarehouses() {
        return !this.warehouses.isEmpty();
    }

    /** Whether calls about this warehouse (its WMS code, exactly) are allowed. */
    public boolean reachesWarehouse(String code) {
        return !limitedToWarehouses() || this.warehouses.contains(code);
    }

    /** Whether the credential is limited to some stores. */
    public boolean limitedToStores() {
        return !this.stores.isEmpty();
    }

    /** Whether calls about this store (its shop domain, as the path gives it) are allowed. */
    public boolean reaches(String shopDomain) {
        return !limitedToStores()
                || (shopDomain != null
                        && this.stores.contains(shopDomain.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** How the WMS API page shows it. */
    public String describe() {
        return (this.readOnly ? "read only" : "read and write") + " · "
                + (limitedToStores() ? "stores " + String.join(", ", new TreeSet<>(this.stores)) : "every store")
                + (limitedToWarehouses() ? " · warehouses " + String.join(", ", new TreeSet<>(this.warehouses)) : "");
    }

    /** The stores as the column keeps them: comma separated, or null for every store. */
    String storesColumn() {
        return limitedToStores() ? String.join(",", new TreeSet<>(this.stores)) : null;
    }

    /** The warehouses as the column keeps them: comma separated, or null for every warehouse. */
    String warehousesColumn() {
        return limitedToWarehouses() ? String.join(",", new TreeSet<>(this.warehouses)) : null;
    }

    static ApiScope of(boolean readOnly, String storesColumn, String warehousesColumn) {
        return new ApiScope(readOnly, split(storesColumn), split(warehousesColumn));
    }

    private static Set<String> split(String column) {
        return column == null
                ? Set.of()
                : Arrays.stream(column.split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet());
    }
}
