package wms.shopify.warehouses.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import wms.shopify.platform.api.RegistrationResult;
import wms.shopify.platform.api.RegistrationResult.Item;
import wms.shopify.platform.api.RegistrationResult.Outcome;
import wms.shopify.platform.api.Upsert;
import wms.shopify.warehouses.entity.Warehouse;

class UpsertTest {

    static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");
    static final Instant T1 = T0.plusSeconds(3600);

    final List<Warehouse> table = new ArrayList<>();

    @Test
    void newCodesAreCreatedThenTheSameCallIsANoOp() {
        List<WarehouseRegistration> call = List.of(
                new WarehouseRegistration("MAIN", "Main", null),
                new WarehouseRegistration("EAST", "East", JsonValue.FALSE));

        RegistrationResult first = register(call, T0);
        assertEquals(List.of(new Item("MAIN", Outcome.CREATED), new Item("EAST", Outcome.CREATED)), first.items());
        assertTrue(first.changed());
        assertEquals(2, this.table.size());
        assertTrue(this.table.get(0).active(), "active unless the WMS says otherwise");
        assertFalse(this.table.get(1).active());

        RegistrationResult again = register(call, T1);
        assertFalse(again.changed());
        assertEquals(2, again.count(Outcome.UNCHANGED));
        assertEquals("0 created, 0 updated, 2 unchanged", again.summary());
        assertEquals(2, this.table.size(), "nothing created the second time");
        assertEquals(T0, this.table.get(0).updatedAt(), "an unchanged item keeps its time of change");
    }

    @Test
    void aChangedNameOrStateIsAnUpdateAndOthersStayUnchanged() {
        register(
                List.of(
                        new WarehouseRegistration("MAIN", "Main", JsonValue.TRUE),
                        new WarehouseRegistration("EAST", "East", JsonValue.TRUE)),
                T0);

        RegistrationResult result = register(
                List.of(
                        new WarehouseRegistration("MAIN", "Main", JsonValue.FALSE),
                        new WarehouseRegistration("EAST", "East", JsonValue.TRUE),
                        new WarehouseRegistration("WEST", "West", JsonValue.TRUE)),
                T1);

        assertEquals(
                List.of(
                        new Item("MAIN", Outcome.UPDATED),
                        new Item("EAST", Outcome.UNCHANGED),
                        new Item("WEST", Outcome.CREATED)),
                result.items());
        assertEquals("1 created, 1 updated, 1 unchanged", result.summary());
        assertFalse(this.table.get(0).active(), "deactivated, not deleted");
        assertEquals(T1, this.table.get(0).updatedAt());
    }

    private RegistrationResult register(List<WarehouseRegistration> items, Instant at) {
        Map<String, Warehouse> existing =
                this.table.stream().collect(Collectors.toMap(Warehouse::code, Function.identity()));
        return Upsert.apply(
                items,
                WarehouseRegistration::code,
                existing,
                item -> new Warehouse(item.code(), item.name(), item.activeOrDefault(), at),
                (warehouse, item) -> warehouse.update(item.name(), item.activeOrDefault(), at),
                this.table::add);
    }
}
