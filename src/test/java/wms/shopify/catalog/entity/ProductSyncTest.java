package wms.shopify.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.stores.entity.SealedTokens;
import wms.shopify.stores.entity.Store;

/** A sync adds up its pages while running, ends once, and keeps its counts when it fails. */
class ProductSyncTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private final Store store = new Store(
            new ShopDomain("acme.myshopify.com"),
            new SealedTokens("v1:a", null, null, null, "read_products"),
            T0,
            null);

    @Test
    void pagesAddUpAndTheResultStays() {
        ProductSync sync = new ProductSync(this.store, "admin", T0);
        assertTrue(sync.running());
        sync.progressed(new SyncCounts(250, 200, 40, 10, 3));
        sync.progressed(new SyncCounts(5, 5, 0, 0, 1));
        sync.succeeded(T0.plusSeconds(2));
        assertEquals(ProductSync.State.SUCCEEDED, sync.state());
        assertEquals(255, sync.variantsRead());
        assertEquals(205, sync.matched());
        assertEquals(40, sync.unmapped());
        assertEquals(10, sync.ambiguous());
        assertEquals(4, sync.problems());
        assertThrows(IllegalStateException.class, () -> sync.progressed(new SyncCounts(1, 1, 0, 0, 0)));
    }

    @Test
    void aFailureKeepsWhatWasReadAndSaysWhy() {
        ProductSync sync = new ProductSync(this.store, "admin", T0);
        sync.progressed(new SyncCounts(250, 250, 0, 0, 0));
        sync.failed("x".repeat(2000), T0.plusSeconds(1));
        assertFalse(sync.running());
        assertEquals(250, sync.variantsRead());
        assertEquals(1000, sync.message().length());
        assertThrows(IllegalStateException.class, () -> sync.succeeded(T0));
    }
}
