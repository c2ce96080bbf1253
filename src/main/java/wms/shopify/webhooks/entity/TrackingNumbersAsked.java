package wms.shopify.webhooks.entity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * Shopify asks the store's fulfillment service for the tracking numbers of some of its fulfillments, by name
 * ({@code GET <callbackUrl>/fetch_tracking_numbers?order_names[]=#1001.1&shop=...}, signed), fired synchronously by the
 * webhooks component once the call is verified. The component that keeps the shipments answers: it marks the store
 * known and gives the number of each fulfillment it made and has one for; a name it did not make is left out.
 */
public final class TrackingNumbersAsked {

    private final ShopDomain shop;
    private final List<String> names;
    private final Map<String, String> numbers = new LinkedHashMap<>();
    private boolean storeKnown;

    public TrackingNumbersAsked(ShopDomain shop, List<String> names) {
        this.shop = Objects.requireNonNull(shop, "shop");
        this.names = List.copyOf(names);
    }

    public ShopDomain shop() {
        return this.shop;
    }

    /** The fulfillment names Shopify asked about ("#1001.1"), each once, in Shopify's order. */
    public List<String> names() {
        return this.names;
    }

    /** The store is one the connector serves (connected): the answer is the connector's, even when it has no number. */
    public void storeKnown() {
        this.storeKnown = true;
    }

    public boolean isStoreKnown() {
        return this.storeKnown;
    }

    /** The tracking number of a fulfillment asked about. */
    public void answer(String name, String number) {
        if (this.names.contains(name) && number != null && !number.isBlank()) {
            this.numbers.put(name, number);
        }
    }

    /** Fulfillment name → tracking number, for the names answered, in the order they were asked. */
    public Map<String, String> numbers() {
        Map<String, String> ordered = new LinkedHashMap<>();
        this.names.stream().filter(this.numbers::containsKey).forEach(n -> ordered.put(n, this.numbers.get(n)));
        return ordered;
    }
}
