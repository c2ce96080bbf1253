package wms.shopify.sandbox;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code fulfillmentServiceCreate}, {@code ...Update} and {@code ...Delete}: the app registers a fulfillment service,
 * and Shopify creates a location for it (named as the service, {@code isFulfillmentService}, its
 * {@code fulfillmentService} set) whose fulfillment orders the service is asked to fulfil. The callback URL must be an
 * address Shopify would call (as for webhooks, {@link CallbackAddresses}); the name must be unique on the store.
 * Deleting the service: with {@code inventoryAction: TRANSFER} (the default) its stock goes to
 * {@code destinationLocationId} (an active merchant-managed location, which TRANSFER needs) and its location is
 * deactivated; DELETE deactivates it with its stock; KEEP makes it a merchant-managed location. With a destination,
 * the open fulfillment orders ("commitments") of the service's location move there, back to the merchant.
 */
final class FulfillmentServiceDesk {

    private final Shop shop;
    private final boolean localDemo;

    FulfillmentServiceDesk(Shop shop, boolean localDemo) {
        this.shop = shop;
        this.localDemo = localDemo;
    }

    Map<String, Object> create(Map<String, Object> arguments) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentService", null);
        String name = (String) arguments.get("name");
        String callbackUrl = (String) arguments.get("callbackUrl");
        List<UserError> errors = problems(name, true, callbackUrl, null);
        if (!errors.isEmpty()) {
            payload.put("userErrors", errors);
            return payload;
        }
        Location location = shop.newLocation(name);
        FulfillmentService service = shop.register(new FulfillmentService(
                shop.nextId(),
                name,
                callbackUrl,
                Boolean.TRUE.equals(arguments.get("trackingSupport")),
                Boolean.TRUE.equals(arguments.get("inventoryManagement")),
                !Boolean.FALSE.equals(arguments.get("requiresShippingMethod")),
                location,
                shop.now()));
        location.operatedBy(service);
        shop.add(service);
        payload.put("fulfillmentService", service);
        payload.put("userErrors", List.of());
        return payload;
    }

    Map<String, Object> update(Map<String, Object> arguments) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("fulfillmentService", null);
        FulfillmentService service = shop.find((String) arguments.get("id"), FulfillmentService.class);
        if (service == null) {
            return notFound(payload);
        }
        String name = (String) arguments.get("name");
        String callbackUrl = (String) arguments.get("callbackUrl");
        List<UserError> errors = problems(name, arguments.containsKey("name"), callbackUrl, service);
        if (!errors.isEmpty()) {
            payload.put("userErrors", errors);
            return payload;
        }
        if (name != null) {
            service.name(name);
            service.location().rename(name);
        }
        if (arguments.containsKey("callbackUrl")) {
            service.callbackUrl(callbackUrl);
        }
        if (arguments.get("trackingSupport") != null) {
            service.trackingSupport((Boolean) arguments.get("trackingSupport"));
        }
        if (arguments.get("inventoryManagement") != null) {
            service.inventoryManagement((Boolean) arguments.get("inventoryManagement"));
        }
        if (arguments.get("requiresShippingMethod") != null) {
            service.requiresShippingMethod((Boolean) arguments.get("requiresShippingMethod"));
        }
        service.touch(shop.now());
        payload.put("fulfillmentService", service);
        payload.put("userErrors", List.of());
        return payload;
    }

    /**
     * The user errors for a name (when given) and a callback URL: blank, taken by another service or location, or an
     * address Shopify would not call.
     */
    private List<UserError> problems(String name, boolean named, String callbackUrl, FulfillmentService self) {
        List<UserError> errors = new ArrayList<>();
        if (named && (name == null || name.isBlank())) {
            errors.add(new UserError(List.of("name"), "Name can't be blank", null));
        } else if (named
                && (shop.fulfillmentServices().stream()
                                .anyMatch(s -> s != self && s.serviceName().equalsIgnoreCase(name))
                        || shop.locations().stream()
                                .anyMatch(l -> (self == null || l != self.location())
                                        && l.name().equalsIgnoreCase(name)))) {
            errors.add(new UserError(List.of("name"), "Name has already been taken", null));
        }
        if (callbackUrl != null) {
            CallbackAddresses.problems(callbackUrl, localDemo)
                    .forEach(m -> errors.add(new UserError(List.of("callbackUrl"), "Callback url " + m, null)));
        }
        return errors;
    }

    private static Map<String, Object> notFound(Map<String, Object> payload) {
        payload.put(
                "userErrors", List.of(new UserError(List.of("id"), "Fulfillment service could not be found.", null)));
        return payload;
    }

    Map<String, Object> delete(Map<String, Object> arguments) {
        Map<String, Object> payload = new LinkedHashMap<>();
        payload.put("deletedId", null);
        FulfillmentService service = shop.find((String) arguments.get("id"), FulfillmentService.class);
        if (service == null) {
            return notFound(payload);
        }
        String action =
                arguments.get("inventoryAction") == null ? "TRANSFER" : (String) arguments.get("inventoryAction");
        String destinationId = (String) arguments.get("destinationLocationId");
        Location destination = shop.find(destinationId, Location.class);
        boolean usable = destination != null && destination.isActive() && !destination.isFulfillmentService();
        if ((action.equals("TRANSFER") || destinationId != null) && !usable) {
            payload.put(
                    "userErrors",
                    List.of(new UserError(
                            List.of("destinationLocationId"),
                            "The destination must be an active merchant-managed location to take the inventory and"
                                    + " commitments of the fulfillment service.",
                            null)));
            return payload;
        }
        Location own = service.location();
        java.time.Instant at = shop.now();
        String eventId = shop.newEventId();
        List<InventoryLevel> changed = new ArrayList<>();
        if (action.equals("TRANSFER")) {
            for (InventoryLevel level : own.inventoryLevels()) {
                int available = level.quantity("available");
                if (available != 0) {
                    InventoryLevel to = shop.activate(level.item(), destination);
                    to.change("available", available, at);
                    level.change("available", -available, at);
                    changed.add(to);
                }
            }
        }
        if (destination != null && !action.equals("KEEP")) {
            // The commitments go with the work: every open fulfillment order of the service's location moves,
            // back to the merchant (UNSUBMITTED).
            for (FulfillmentOrder fo : shop.fulfillmentOrders()) {
                if (fo.location() != own || fo.finished()) {
                    continue;
                }
                for (FulfillmentOrderLineItem li : fo.lineItems()) {
                    InventoryItem item = li.variant().inventoryItem();
                    if (item.tracked() && li.remainingQuantity() > 0) {
                        InventoryLevel from = shop.activate(item, own);
                        InventoryLevel to = shop.activate(item, destination);
                        from.change("committed", -li.remainingQuantity(), at);
                        to.change("committed", li.remainingQuantity(), at);
                        if (!action.equals("TRANSFER")) {
                            to.change("available", -li.remainingQuantity(), at);
                        }
                        changed.add(to);
                    }
                }
                fo.location(destination, at);
                fo.requestStatus("UNSUBMITTED", at);
            }
        }
        changed.stream()
                .distinct()
                .forEach(level -> shop.emit("INVENTORY_LEVELS_UPDATE", eventId, RestPayloads.inventoryLevel(level)));
        if (action.equals("KEEP")) {
            // KEEP: "convert the Fulfillment Service's location to be merchant managed".
            shop.removeKeepingLocation(service);
            payload.put("deletedId", service.id());
            payload.put("userErrors", List.of());
            return payload;
        }
        String id = service.id();
        shop.remove(service);
        payload.put("deletedId", id);
        payload.put("userErrors", List.of());
        return payload;
    }
}
