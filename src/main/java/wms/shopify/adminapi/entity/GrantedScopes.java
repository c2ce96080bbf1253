package wms.shopify.adminapi.entity;

import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The access scopes Shopify granted the app on a store (the token answer's {@code scope}, an {@code app/scopes_update}
 * webhook's {@code current}), and which of the scopes the connector needs they lack. A write scope grants read access
 * to the same resource (shopify.dev/docs/api/usage/access-scopes: "Any scope that writes a resource also grants read
 * access to it").
 */
public final class GrantedScopes {

    /** The scopes as Shopify named them. */
    private final Set<String> named = new LinkedHashSet<>();

    /** The named scopes and the read scopes their write scopes imply. */
    private final Set<String> covered = new LinkedHashSet<>();

    private GrantedScopes(Collection<String> scopes) {
        for (String scope : scopes) {
            String trimmed = scope.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            this.named.add(trimmed);
            this.covered.add(trimmed);
            if (trimmed.startsWith("write_")) {
                this.covered.add("read_" + trimmed.substring("write_".length()));
            }
        }
    }

    /** The scopes of a comma-separated grant ("read_orders,write_inventory"); blank or null: none. */
    public static GrantedScopes parse(String commaSeparated) {
        return new GrantedScopes(commaSeparated == null ? List.of() : Arrays.asList(commaSeparated.split(",")));
    }

    /** The scopes of a list (a webhook's {@code current}). */
    public static GrantedScopes of(Collection<String> scopes) {
        return new GrantedScopes(scopes);
    }

    /** The scopes of the comma-separated list the connector needs that this grant does not cover, in its order. */
    public List<String> missingOf(String needed) {
        return parse(needed).named.stream()
                .filter(scope -> !this.covered.contains(scope))
                .toList();
    }

    /** Whether the grant covers this scope (named, or implied by the write scope of the same resource). */
    public boolean covers(String scope) {
        return this.covered.contains(scope);
    }

    /** The grant as Shopify named it, comma-separated. */
    public String text() {
        return String.join(",", this.named);
    }

    @Override
    public String toString() {
        return text();
    }
}
