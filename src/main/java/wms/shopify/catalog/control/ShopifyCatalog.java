package wms.shopify.catalog.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import wms.shopify.adminapi.control.AdminApi;
import wms.shopify.adminapi.control.AdminOperation;
import wms.shopify.catalog.entity.ShopifyVariant;
import wms.shopify.stores.control.StoreAccess;
import wms.shopify.stores.entity.Store;

/**
 * A store's catalog as Shopify has it, read through the {@link AdminApi} (so every call waits for the store's
 * cost budget): how many variants it has; the variants in cursor pages of 250 with, read apart, the inventory items
 * stocked at a location (for small catalogs); or, for large ones, the variants together with the locations each is
 * stocked at through a Bulk Operation whose JSONL result is streamed. Variants are handed on a page at a time and
 * never collected, so memory does not grow with the catalog.
 */
@ApplicationScoped
public class ShopifyCatalog {

    /** Variants handed on at a time, by either way of reading: as Shopify's largest page. */
    static final int PAGE = 250;
    /** Between status polls of a Bulk Operation: each costs one point, and a large one takes seconds. */
    private static final long POLL_MILLIS = 500;

    @Inject
    AdminApi api;

    @Inject
    StoreAccess access;

    /**
     * How many variants the store has, counted by Shopify up to {@code limit}: a larger catalog answers
     * {@code limit} (Shopify's count is then AT_LEAST), which is all the choice of the way to read needs.
     */
    public int variantCount(Store store, int limit) {
        JsonObject count = this.access
                .call(
                        store,
                        token -> this.api.run(
                                store.domain(),
                                token,
                                AdminOperation.PRODUCT_VARIANTS_COUNT,
                                Json.createObjectBuilder().add("limit", limit).build()))
                .getJsonObject("productVariantsCount");
        return count == null ? 0 : count.getInt("count");
    }

    /**
     * The ids of the inventory items stocked at one location of the store: 1 page of 250 per call, so meant for
     * small catalogs (the bulk read learns the same from the variants' own inventory levels).
     */
    public Set<String> stockedAt(Store store, String locationId) {
        Set<String> items = new HashSet<>();
        String after = null;
        do {
            JsonObjectBuilder variables = Json.createObjectBuilder().add("location", locationId);
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject location = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(), token, AdminOperation.LOCATION_INVENTORY_LEVELS, variables.build()))
                    .getJsonObject("location");
            if (location == null || location.isNull("inventoryLevels")) {
                return items; // the location is gone: nothing is stocked there
            }
            JsonObject levels = location.getJsonObject("inventoryLevels");
            for (JsonValue node : levels.getJsonArray("nodes")) {
                items.add(node.asJsonObject().getJsonObject("item").getString("id"));
            }
            after = nextCursor(levels);
        } while (after != null);
        return items;
    }

    /**
     * Reads every variant of the store, page by page.
     *
     * @param stocked whether an inventory item is stocked at every mapped location
     * @param page called with each page of variants, in Shopify's id order
     */
    public void eachPage(Store store, Predicate<String> stocked, Consumer<List<ShopifyVariant>> page) {
        String after = null;
        do {
            JsonObjectBuilder variables = Json.createObjectBuilder();
            if (after != null) {
                variables.add("after", after);
            }
            JsonObject variants = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(), token, AdminOperation.PRODUCT_VARIANTS, variables.build()))
                    .getJsonObject("productVariants");
            List<ShopifyVariant> read = new ArrayList<>();
            for (JsonValue node : variants.getJsonArray("nodes")) {
                read.add(variant(node.asJsonObject(), stocked));
            }
            page.accept(read);
            after = nextCursor(variants);
        } while (after != null);
    }

    /**
     * Reads every variant of the store through a Bulk Operation, for large catalogs: one mutation, a status poll
     * every half second, then the JSONL result streamed line by line and handed on in pages of 250, never held
     * whole. Each variant's inventory levels come in the same result, on the lines right after it (the operation
     * asks Shopify to group them), so whether it is stocked at every mapped location is known once the next
     * variant's line starts, without reading any location apart.
     *
     * @param mappedLocations the Shopify ids of the store's locations mapped to a warehouse
     * @param page called with each page of variants
     * @param longest how long the operation may take on Shopify's side
     */
    public void eachPageInBulk(
            Store store, Set<String> mappedLocations, Consumer<List<ShopifyVariant>> page, Duration longest) {
        JsonObject started = this.access
                .call(store, token -> this.api.run(store.domain(), token, AdminOperation.BULK_VARIANTS, null))
                .getJsonObject("bulkOperationRunQuery");
        if (!started.getJsonArray("userErrors").isEmpty() || started.isNull("bulkOperation")) {
            throw new IllegalStateException(
                    "Shopify refused the bulk read of variants: " + started.getJsonArray("userErrors"));
        }
        String id = started.getJsonObject("bulkOperation").getString("id");
        String url = awaitResult(store, id, Instant.now().plus(longest));
        if (url == null) {
            return; // completed without a single variant
        }
        try (BufferedReader lines =
                new BufferedReader(new InputStreamReader(this.api.bulkResult(url), StandardCharsets.UTF_8))) {
            BulkLines variants = new BulkLines(mappedLocations, page);
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                if (line.isBlank()) {
                    continue;
                }
                try (JsonReader reader = Json.createReader(new StringReader(line))) {
                    variants.line(reader.readObject());
                }
            }
            variants.end();
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "reading the bulk result of " + store.domain().value(), e);
        }
    }

    /**
     * The lines of the BulkVariants result turned into variants, in pages: a line without {@code __parentId} is a
     * variant; the lines after it with its id (or its inventory item's) as {@code __parentId} are its inventory
     * levels. Holds one variant and the mapped locations it is stocked at, and one page, never more.
     */
    static final class BulkLines {

        private final Set<String> mappedLocations;
        private final Consumer<List<ShopifyVariant>> page;
        private List<ShopifyVariant> read = new ArrayList<>(PAGE);
        private JsonObject variant;
        private Set<String> stockedAt = new HashSet<>();

        BulkLines(Set<String> mappedLocations, Consumer<List<ShopifyVariant>> page) {
            this.mappedLocations = Set.copyOf(mappedLocations);
            this.page = page;
        }

        void line(JsonObject line) {
            if (!line.containsKey("__parentId")) {
                finishVariant();
                this.variant = line;
                return;
            }
            String parent = line.getString("__parentId");
            if (this.variant == null
                    || !(parent.equals(this.variant.getString("id")) || parent.equals(itemId(this.variant)))) {
                throw new IllegalStateException("the bulk result lists an inventory level of " + parent
                        + " away from its variant: its lines are not grouped as the operation asked");
            }
            JsonObject location = line.isNull("location") ? null : line.getJsonObject("location");
            if (location != null && this.mappedLocations.contains(location.getString("id"))) {
                this.stockedAt.add(location.getString("id"));
            }
        }

        void end() {
            finishVariant();
            if (!this.read.isEmpty()) {
                this.page.accept(this.read);
                this.read = new ArrayList<>(PAGE);
            }
        }

        private void finishVariant() {
            if (this.variant == null) {
                return;
            }
            boolean stocked = this.stockedAt.containsAll(this.mappedLocations);
            this.read.add(variant(this.variant, item -> stocked));
            this.variant = null;
            this.stockedAt = new HashSet<>();
            if (this.read.size() == PAGE) {
                this.page.accept(this.read);
                this.read = new ArrayList<>(PAGE);
            }
        }

        private static String itemId(JsonObject variant) {
            return variant.isNull("inventoryItem")
                    ? null
                    : variant.getJsonObject("inventoryItem").getString("id");
        }
    }

    /** Polls the operation until it completed (its result's address) or ended otherwise (an exception). */
    private String awaitResult(Store store, String id, Instant giveUpAt) {
        while (Instant.now().isBefore(giveUpAt)) {
            JsonObject operation = this.access
                    .call(
                            store,
                            token -> this.api.run(
                                    store.domain(),
                                    token,
                                    AdminOperation.BULK_OPERATION_STATUS,
                                    Json.createObjectBuilder().add("id", id).build()))
                    .getJsonObject("bulkOperation");
            String status = operation.getString("status");
            switch (status) {
                case "COMPLETED" -> {
                    return operation.isNull("url") ? null : operation.getString("url");
                }
                case "CREATED", "RUNNING" -> pause();
                default ->
                    throw new IllegalStateException("the bulk read of variants ended " + status
                            + (operation.isNull("errorCode") ? "" : " (" + operation.getString("errorCode") + ")"));
            }
        }
        throw new IllegalStateException("the bulk read of variants did not complete in time");
    }

    private static void pause() {
        try {
            Thread.sleep(POLL_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the bulk read", e);
        }
    }

    static ShopifyVariant variant(JsonObject node, Predicate<String> stocked) {
        JsonObject item = node.isNull("inventoryItem") ? null : node.getJsonObject("inventoryItem");
        String itemId = item == null ? null : item.getString("id");
        JsonObject product = node.isNull("product") ? null : node.getJsonObject("product");
        return new ShopifyVariant(
                node.getString("id"),
                itemId,
                product == null ? "" : product.getString("title", ""),
                text(node, "title"),
                text(node, "sku"),
                text(node, "barcode"),
                item != null && item.getBoolean("tracked", false),
                itemId != null && stocked.test(itemId),
                node.getBoolean("requiresComponents", false));
    }

    private static String text(JsonObject node, String field) {
        return node.containsKey(field) && !node.isNull(field) ? node.getString(field) : null;
    }

    private static String nextCursor(JsonObject connection) {
        JsonObject pageInfo = connection.getJsonObject("pageInfo");
        return pageInfo.getBoolean("hasNextPage", false) ? pageInfo.getString("endCursor") : null;
    }
}
