package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import java.util.List;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Plan;
import wms.shopify.sandbox.ProductVariant;
import wms.shopify.sandbox.Shop;

/**
 * A store of one test's own for the stock ITs: a sandbox shop whose one location is mapped to a warehouse, installed,
 * every variant mapped by Sync Products to the WMS product "W-" + its SKU, and stock sync on in one mode. Each test
 * opens its own, under a domain and a warehouse no other test of its class uses, so that what it asserts on is what
 * it sent (a movement goes to every store of its warehouse), never what another test left.
 *
 * @param shop the sandbox shop
 * @param location its one location, mapped to the warehouse
 * @param id the store's id in the connector
 * @param warehouse the WMS warehouse code its location is mapped to
 */
record SyncedStore(Shop shop, Location location, long id, String warehouse) {

    /** A new sandbox shop with one location (named after the shop): give it products and stock, then connect it. */
    static Shop newShop(SandboxConnector connector, String domain) {
        Shop shop = connector.sandbox().createShop(domain, Plan.STANDARD);
        shop.addLocation(domain.substring(0, domain.indexOf('.')) + " warehouse");
        return shop;
    }

    /**
     * Installs the shop with its location mapped to the warehouse (created when new), registers a WMS product for
     * each of its variants, maps them with Sync Products and switches stock sync on.
     *
     * @param mode "DELTA" or "ABSOLUTE"
     * @param forOrders whether the location is also the default for orders (as {@link WmsFixture#installForOrders})
     */
    static SyncedStore connect(
            WmsFixture wms, Shop shop, String warehouse, String mode, int windowSeconds, boolean forOrders)
            throws Exception {
        Location location = shop.locations().get(0);
        long id = forOrders
                ? wms.installForOrders(shop, location, warehouse, null)
                : wms.install(shop, location, warehouse);
        wms.registerProducts(
                shop.productVariants().stream().map(ProductVariant::sku).toList());
        JsonObject sync = wms.syncProducts(shop.domain());
        assertEquals("succeeded", sync.getString("state"), sync.toString());
        wms.stockSync(id, mode, windowSeconds);
        return new SyncedStore(shop, location, id, warehouse);
    }

    String domain() {
        return this.shop.domain();
    }

    /** What Shopify shows as available of the SKU at the store's location. */
    int available(String sku) {
        return this.shop.quantity(sku, this.location, "available");
    }

    /**
     * Two stores of one test selling the same products from locations mapped to one warehouse of the test's own, one
     * in Delta mode and one in Absolute mode.
     *
     * @param delta the store in Delta mode
     * @param absolute the store in Absolute mode
     */
    record Pair(SyncedStore delta, SyncedStore absolute) {

        /** Both stores, after both shops were given their products and stock. */
        static Pair connect(WmsFixture wms, Shop delta, Shop absolute, String warehouse, int windowSeconds)
                throws Exception {
            return new Pair(
                    SyncedStore.connect(wms, delta, warehouse, "DELTA", windowSeconds, false),
                    SyncedStore.connect(wms, absolute, warehouse, "ABSOLUTE", windowSeconds, false));
        }

        /** The WMS warehouse code both locations are mapped to. */
        String warehouse() {
            return this.delta.warehouse();
        }

        List<SyncedStore> both() {
            return List.of(this.delta, this.absolute);
        }
    }
}
