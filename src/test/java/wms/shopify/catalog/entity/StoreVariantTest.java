package wms.shopify.catalog.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.stores.entity.SealedTokens;
import wms.shopify.stores.entity.Store;

/** A variant's mapping rules: a sync maps only what is open, never what is mapped or decided by hand. */
class StoreVariantTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private static final Instant T1 = T0.plusSeconds(60);
    private final Store store = new Store(
            new ShopDomain("acme.myshopify.com"),
            new SealedTokens("v1:a", null, null, null, "read_products"),
            T0,
            null);
    private final WmsProduct shirt = new WmsProduct("P1", "SHIRT", "123", "Shirt", true, T0);
    private final WmsProduct cap = new WmsProduct("P2", "CAP", null, "Cap", true, T0);

    private static ShopifyVariant seen(String sku, boolean tracked, boolean stocked) {
        return new ShopifyVariant(
                "gid://shopify/ProductVariant/1",
                "gid://shopify/InventoryItem/1",
                "Shirt",
                "M",
                sku,
                "123",
                tracked,
                stocked,
                false);
    }

    private StoreVariant variant() {
        return new StoreVariant(this.store, seen("SHIRT", true, true), T0);
    }

    @Test
    void aNewVariantIsUnmappedAndOpenToMatching() {
        StoreVariant variant = variant();
        assertEquals(VariantStatus.UNMAPPED, variant.status());
        assertTrue(variant.openToMatching());
        assertNull(variant.problem());
    }

    @Test
    void aSyncMapsAnOpenVariantOnceAndNeverChangesItAfterwards() {
        StoreVariant variant = variant();
        assertTrue(variant.matched(Match.bySku(1), this.shirt, T0));
        assertEquals(VariantStatus.SKU, variant.status());
        assertSame(this.shirt, variant.product());
        assertEquals("Sync Products", variant.mappedBy());

        // The SKU changes on Shopify and now matches the cap: the mapping stays, the SKU shown follows Shopify.
        variant.seenOnShopify(seen("CAP", true, true), T1);
        assertFalse(variant.matched(Match.bySku(2), this.cap, T1));
        assertSame(this.shirt, variant.product());
        assertEquals("CAP", variant.sku());
        assertEquals(T0, variant.mappedAt());
    }

    @Test
    void anAmbiguousOrUnmatchedVariantStaysOpenForTheNextSync() {
        StoreVariant variant = variant();
        assertTrue(variant.matched(Match.ambiguous("SKU 'SHIRT' is on 2 WMS products"), null, T0));
        assertEquals(VariantStatus.AMBIGUOUS, variant.status());
        assertTrue(variant.openToMatching());
        assertTrue(variant.matched(Match.byBarcode(1), this.shirt, T1));
        assertEquals(VariantStatus.BARCODE, variant.status());
        assertNull(variant.statusNote());
    }

    @Test
    void aManualMappingOrUnmappingSurvivesEverySync() {
        StoreVariant variant = variant();
        variant.matched(Match.bySku(1), this.shirt, T0);
        variant.mapByHand(this.cap, "admin", T1);
        assertEquals(VariantStatus.MANUAL, variant.status());
        assertFalse(variant.matched(Match.bySku(1), this.shirt, T1));
        assertSame(this.cap, variant.product());

        variant.unmapByHand("admin", T1);
        assertEquals(VariantStatus.UNMAPPED, variant.status());
        assertNull(variant.product());
        assertFalse(variant.openToMatching(), "unmapped by hand is the merchant's decision too");
        assertFalse(variant.matched(Match.bySku(1), this.shirt, T1));
    }

    @Test
    void problemsSayWhyStockSyncCannotWrite() {
        assertEquals(
                "inventory not tracked on Shopify",
                new StoreVariant(this.store, seen("SHIRT", false, true), T0).problem());
        assertEquals(
                "not stocked at every mapped location",
                new StoreVariant(this.store, seen("SHIRT", true, false), T0).problem());
    }

    @Test
    void aBundleParentIsMarkedAndNotAProblemWhateverItsLevels() {
        StoreVariant bundle = new StoreVariant(
                this.store,
                new ShopifyVariant(
                        "gid://shopify/ProductVariant/1",
                        "gid://shopify/InventoryItem/1",
                        "Gift set",
                        "Default Title",
                        "GIFT",
                        null,
                        true,
                        false,
                        true),
                T0);
        assertTrue(bundle.bundle());
        assertNull(bundle.problem(), "Shopify computes its stock: nothing for stock sync to write");
        bundle.seenOnShopify(seen("GIFT", true, true), T1);
        assertFalse(bundle.bundle(), "a merchant who takes the components off makes it an ordinary variant again");
    }

    @Test
    void aDeactivatedProductKeepsItsMappingFlagged() {
        StoreVariant variant = variant();
        variant.matched(Match.bySku(1), this.shirt, T0);
        assertFalse(variant.mappedToInactiveProduct());
        this.shirt.update("SHIRT", "123", "Shirt", false, T1);
        assertSame(this.shirt, variant.product());
        assertTrue(variant.mappedToInactiveProduct());
    }

    @Test
    void aMatchAndItsProductMustAgree() {
        assertThrows(IllegalArgumentException.class, () -> variant().matched(Match.bySku(1), null, T0));
        assertThrows(IllegalArgumentException.class, () -> variant().matched(Match.none(), this.shirt, T0));
        assertThrows(IllegalArgumentException.class, () -> new Match(VariantStatus.MANUAL, 1L, null));
        assertThrows(
                IllegalArgumentException.class,
                () -> variant()
                        .seenOnShopify(
                                new ShopifyVariant(
                                        "gid://shopify/ProductVariant/2",
                                        null,
                                        "X",
                                        null,
                                        null,
                                        null,
                                        true,
                                        true,
                                        false),
                                T1));
    }

    @Test
    void overlongShopifyTextIsBoundedNotRefused() {
        StoreVariant variant = new StoreVariant(
                this.store,
                new ShopifyVariant(
                        "gid://shopify/ProductVariant/1",
                        null,
                        "t".repeat(5000),
                        null,
                        "s".repeat(300),
                        null,
                        true,
                        true,
                        false),
                T0);
        assertEquals(1000, variant.productTitle().length());
        assertEquals(255, variant.sku().length());
    }
}
