package wms.shopify.sandbox;

import java.time.Instant;

/**
 * A resource of the sandbox store that Shopify addresses by a global id ({@code gid://shopify/Type/123}) and, in REST
 * webhook bodies, by its numeric id. Every resource also answers the search syntax of Shopify's {@code query:}
 * arguments through {@link #searchValue(String)}.
 */
public abstract class ShopifyObject {

    private final String type;
    private final long legacyId;
    private final Instant createdAt;
    private Instant updatedAt;

    protected ShopifyObject(String type, long legacyId, Instant createdAt) {
        this.type = type;
        this.legacyId = legacyId;
        this.createdAt = createdAt;
        this.updatedAt = createdAt;
    }

    /** The GraphQL global id. */
    public String id() {
        return Gid.of(type, legacyId);
    }

    /** The numeric id that REST bodies and {@code legacyResourceId} carry. */
    public long legacyResourceId() {
        return legacyId;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant updatedAt() {
        return updatedAt;
    }

    void touch(Instant at) {
        updatedAt = at;
    }

    /**
     * The value of a search field (e.g. {@code sku}, {@code updated_at}) as Shopify's query syntax sees it, or null when
     * the resource has no such field. Subclasses add their own fields.
     */
    Object searchValue(String field) {
        return switch (field) {
            case "id" -> legacyId;
            case "created_at" -> createdAt;
            case "updated_at" -> updatedAt;
            default -> null;
        };
    }
}
