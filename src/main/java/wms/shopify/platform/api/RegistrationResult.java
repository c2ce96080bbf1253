package wms.shopify.platform.api;

import java.util.List;

/**
 * What a registration call did, item by item and in counts. A call that changed nothing (the same body sent
 * again) has only unchanged items.
 *
 * @param items each item's code and what happened to it, in the order of the request
 */
public record RegistrationResult(List<Item> items) {

    /** What happened to one registered item. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /**
     * One item of the call.
     *
     * @param code the item's code
     * @param outcome what happened to it
     */
    public record Item(String code, Outcome outcome) {}

    public RegistrationResult {
        items = List.copyOf(items);
    }

    public long count(Outcome outcome) {
        return this.items.stream().filter(item -> item.outcome() == outcome).count();
    }

    /** Whether the call changed anything at all. */
    public boolean changed() {
        return count(Outcome.CREATED) + count(Outcome.UPDATED) > 0;
    }

    /** The counts in words, for the activity log. */
    public String summary() {
        return count(Outcome.CREATED) + " created, " + count(Outcome.UPDATED) + " updated, " + count(Outcome.UNCHANGED)
                + " unchanged";
    }
}
