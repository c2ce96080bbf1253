package wms.shopify.sandbox;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** A Shopify location: a place that stocks inventory and fulfils orders (a warehouse, in the WMS's words). */
public final class Location extends ShopifyObject {

    private final Shop shop;
    private String name;
    private final Map<String, Object> address;
    private boolean active = true;
    private FulfillmentService fulfillmentService;

    Location(Shop shop, long id, String name, Instant at) {
        super("Location", id, at);
        this.shop = shop;
        this.name = name;
        this.address = Map.of(
                "address1",
                "1 Warehouse Way",
                "city",
                "Springfield",
                "zip",
                "40202",
                "country",
                "United States",
                "countryCode",
                "US",
                "province",
                "Kentucky",
                "provinceCode",
                "KY",
                "formatted",
                List.of("1 Warehouse Way", "Springfield KY 40202", "United States"));
    }

    public String name() {
        return name;
    }

    public boolean isActive() {
        return active;
    }

    public boolean fulfillsOnlineOrders() {
        return active;
    }

    public boolean shipsInventory() {
        return active;
    }

    public boolean isFulfillmentService() {
        return fulfillmentService != null;
    }

    /** The fulfillment service that operates this location, or null for a merchant-managed one. */
    public FulfillmentService fulfillmentService() {
        return fulfillmentService;
    }

    void operatedBy(FulfillmentService service) {
        this.fulfillmentService = service;
    }

    public boolean hasActiveInventory() {
        return !inventoryLevels().isEmpty();
    }

    public Map<String, Object> address() {
        return address;
    }

    public List<InventoryLevel> inventoryLevels() {
        return shop.levelsAt(this);
    }

    /** A fulfillment service renamed: its location carries the service's name. */
    void rename(String newName) {
        this.name = newName;
    }

    void deactivate() {
        active = false;
    }

    @Override
    Object searchValue(String field) {
        return "name".equals(field) ? name : super.searchValue(field);
    }
}
