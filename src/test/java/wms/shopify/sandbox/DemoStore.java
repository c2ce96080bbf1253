package wms.shopify.sandbox;

/** The store the standalone sandbox starts with: two locations, a few products, stock at both. */
final class DemoStore {

    private DemoStore() {}

    static void seed(Shop shop) {
        Location main = shop.addLocation("Main warehouse");
        Location outlet = shop.addLocation("City outlet");
        shop.addProduct("Classic T-shirt", "TSHIRT-S", "TSHIRT-M", "TSHIRT-L");
        shop.addProduct("Canvas tote bag", "TOTE-001");
        shop.addProduct("Enamel mug", "MUG-001");
        String[] skus = {"TSHIRT-S", "TSHIRT-M", "TSHIRT-L", "TOTE-001", "MUG-001"};
        for (int i = 0; i < skus.length; i++) {
            shop.stock(skus[i], main, 20 + 5 * i);
            shop.stock(skus[i], outlet, 3 + i);
        }
    }
}
