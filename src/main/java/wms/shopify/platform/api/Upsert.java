package wms.shopify.platform.api;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiPredicate;
import java.util.function.Consumer;
import java.util.function.Function;
import wms.shopify.platform.api.RegistrationResult.Item;
import wms.shopify.platform.api.RegistrationResult.Outcome;

/**
 * The upsert by code that every WMS API registration shares (warehouses, shipping processes, the catalog's
 * products): an item whose code is new is created, one whose code exists updates it, and an update that finds
 * nothing different is recognised as unchanged (the entity says so), which is what makes a repeated call a no-op.
 */
public final class Upsert {

    private Upsert() {}

    /**
     * Applies validated items (codes unique) to the existing entities.
     *
     * @param existing the entities with the items' codes that exist, by code
     * @param create makes the entity of a new item
     * @param update applies an item to its entity, true when that changed it
     * @param persist stores a created entity
     */
    public static <I, E> RegistrationResult apply(
            List<I> items,
            Function<I, String> code,
            Map<String, E> existing,
            Function<I, E> create,
            BiPredicate<E, I> update,
            Consumer<E> persist) {
        List<Item> outcomes = new ArrayList<>(items.size());
        for (I item : items) {
            E entity = existing.get(code.apply(item));
            Outcome outcome;
            if (entity == null) {
                persist.accept(create.apply(item));
                outcome = Outcome.CREATED;
            } else {
                outcome = update.test(entity, item) ? Outcome.UPDATED : Outcome.UNCHANGED;
            }
            outcomes.add(new Item(code.apply(item), outcome));
        }
        return new RegistrationResult(outcomes);
    }
}
