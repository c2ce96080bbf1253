package wms.shopify.sandbox;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The quantities of one inventory item at one location, by Shopify's quantity names. {@code on_hand} is not stored: as
 * in Shopify it is the sum of {@code available}, {@code committed} and the unavailable states ({@code reserved},
 * {@code damaged}, {@code safety_stock}, {@code quality_control}); {@code incoming} is outside it.
 */
public final class InventoryLevel extends ShopifyObject {

    /** The names whose sum is {@code on_hand}. */
    static final Set<String> ON_HAND_PARTS =
            Set.of("available", "committed", "reserved", "damaged", "safety_stock", "quality_control");
    /** Every name a level answers for. */
    static final Set<String> NAMES = Set.of(
            "available", "on_hand", "committed", "reserved", "damaged", "safety_stock", "quality_control", "incoming");

    private final InventoryItem item;
    private final Location location;
    private final Map<String, Integer> stored = new LinkedHashMap<>();
    private final Map<String, Instant> changedAt = new LinkedHashMap<>();

    InventoryLevel(long id, InventoryItem item, Location location, Instant at) {
        super("InventoryLevel", id, at);
        this.item = item;
        this.location = location;
    }

    /** Shopify's level ids carry the item: {@code gid://shopify/InventoryLevel/1?inventory_item_id=2}. */
    @Override
    public String id() {
        return super.id() + "?inventory_item_id=" + item.legacyResourceId();
    }

    public InventoryItem item() {
        return item;
    }

    public Location location() {
        return location;
    }

    public boolean isActive() {
        return true;
    }

    public boolean canDeactivate() {
        return quantity("committed") == 0;
    }

    /**
     * The quantity of one name; 0 for names never written, as in Shopify. A bundle parent's {@code available} and
     * {@code on_hand} are computed from its components at the same location: the whole bundles they make up, the
     * minimum over the components of ⌊component quantity ÷ units per bundle⌋.
     */
    public int quantity(String name) {
        if (item.bundleParent()) {
            return bundleQuantity(name);
        }
        if ("on_hand".equals(name)) {
            return ON_HAND_PARTS.stream()
                    .mapToInt(n -> stored.getOrDefault(n, 0))
                    .sum();
        }
        return stored.getOrDefault(name, 0);
    }

    private int bundleQuantity(String name) {
        if (!"available".equals(name) && !"on_hand".equals(name)) {
            return 0;
        }
        int bundles = Integer.MAX_VALUE;
        for (ProductVariantComponent component : item.variant().productVariantComponents()) {
            InventoryLevel level = component.productVariant().inventoryItem().inventoryLevel(location);
            int units = level == null ? 0 : Math.max(0, level.quantity(name));
            bundles = Math.min(bundles, units / component.quantity());
        }
        return bundles == Integer.MAX_VALUE ? 0 : bundles;
    }

    /** The GraphQL {@code quantities(names:)} answer. */
    public List<Map<String, Object>> quantities(List<String> names) {
        return names.stream()
                .filter(NAMES::contains)
                .map(n -> {
                    Map<String, Object> q = new LinkedHashMap<>();
                    q.put(
                            "id",
                            "gid://shopify/InventoryQuantity/" + legacyResourceId() + "?inventory_item_id="
                                    + item.legacyResourceId() + "&name=" + n);
                    q.put("name", n);
                    q.put("quantity", quantity(n));
                    q.put("updatedAt", changedAt.get(n));
                    return q;
                })
                .toList();
    }

    /**
     * Changes one name by a delta, keeping {@code on_hand} consistent: writing {@code on_hand} moves {@code available},
     * writing a part of {@code on_hand} moves {@code on_hand} with it. Returns the names that changed with their deltas.
     */
    Map<String, Integer> change(String name, int delta, Instant at) {
        if (item.bundleParent()) {
            throw new IllegalStateException(
                    "Shopify computes the stock of bundle " + item.sku() + "; nothing writes it");
        }
        Map<String, Integer> deltas = new LinkedHashMap<>();
        if (delta == 0) {
            return deltas;
        }
        String storedName = "on_hand".equals(name) ? "available" : name;
        stored.merge(storedName, delta, Integer::sum);
        deltas.put(storedName, delta);
        changedAt.put(storedName, at);
        if (ON_HAND_PARTS.contains(storedName)) {
            deltas.put("on_hand", delta);
            changedAt.put("on_hand", at);
        }
        touch(at);
        return deltas;
    }
}
