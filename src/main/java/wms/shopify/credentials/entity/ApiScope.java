package wms.shopify.credentials.entity;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a WMS API credential may do: read only, or read and write; every store, or only some (by shop domain). A
 * credential without limits (every one created before scopes existed) reaches everything. Checked for every call by
 * the API's scope check, against what the route declares it reaches.
 *
 * @param readOnly whether only reads (GET) are allowed
 * @param stores the shop domains reached, sorted; empty: every store
 */
public record ApiScope(boolean readOnly, Set<String> stores) {

    /** Everything: what a credential without limits may do. */
    public static final ApiScope FULL = new ApiScope(false, Set.of());

    public ApiScope {
        stores = Set.copyOf(new TreeSet<>(stores));
    }

    /** Whether the credential is limited to some stores. */
    public boolean limitedToStores() {
        return !this.stores.isEmpty();
    }

    /** Whether calls about this store (its shop domain, as the path gives it) are allowed. */
    public boolean reaches(String shopDomain) {
        return !limitedToStores() || (shopDomain != null
                && this.stores.contains(shopDomain.strip().toLowerCase(java.util.Locale.ROOT)));
    }

    /** How the WMS API page shows it. */
    public String describe() {
        return (this.readOnly ? "read only" : "read and write") + " · "
                + (limitedToStores() ? "stores " + String.join(", ", new TreeSet<>(this.stores)) : "every store");
    }

    /** The stores as the column keeps them: comma separated, or null for every store. */
    String storesColumn() {
        return limitedToStores() ? String.join(",", new TreeSet<>(this.stores)) : null;
    }

    static ApiScope of(boolean readOnly, String storesColumn) {
        return new ApiScope(readOnly, storesColumn == null ? Set.of()
                : Arrays.stream(storesColumn.split(",")).map(String::strip).filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()));
    }
}
