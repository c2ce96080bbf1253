package wms.shopify.platform.database;

import jakarta.persistence.EntityManager;

/**
 * Rows a component keeps one per store, keyed by the store's id and made with the store (its per-store policy): the
 * one lookup they share, so that a store removed meanwhile is refused the same way everywhere.
 */
public final class PerStoreRows {

    private PerStoreRows() {}

    /**
     * The store's row of this type.
     *
     * @throws IllegalArgumentException for the merchant, when the store does not exist (any more)
     */
    public static <T> T of(EntityManager entityManager, Class<T> type, long storeId) {
        T row = entityManager.find(type, storeId);
        if (row == null) {
            throw new IllegalArgumentException("This store does not exist (any more).");
        }
        return row;
    }
}
