package wms.shopify.orders.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.orders.control.FilterPreviews;
import wms.shopify.orders.control.FulfillmentServiceMode;
import wms.shopify.orders.control.IntakePolicies;
import wms.shopify.orders.control.OrderFilterSettings;
import wms.shopify.orders.control.OrderSweeps;
import wms.shopify.orders.control.SeenOrderValues;
import wms.shopify.orders.entity.AssignedFulfillmentOrder;
import wms.shopify.orders.entity.FilterPreview;
import wms.shopify.orders.entity.FulfillmentMode;
import wms.shopify.orders.entity.FulfillmentScope;
import wms.shopify.orders.entity.FulfillmentSetup;
import wms.shopify.orders.entity.IntakePolicy;
import wms.shopify.orders.entity.OrderChoices;
import wms.shopify.orders.entity.OrderFilters;
import wms.shopify.orders.entity.OrderSweep;
import wms.shopify.orders.entity.RiskHold;
import wms.shopify.orders.entity.WarehouseService;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.api.WholeNumber;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/** A store's order filters, its fulfillment mode, and its reconciliation sweep over a date range. */
@Path("v1/stores/{store}")
@RequestScoped
@Tag(name = "Orders")
@Produces(MediaType.APPLICATION_JSON)
public class StoreOrdersResource {

    @Inject
    Stores stores;

    @Inject
    OrderFilterSettings filterSettings;

    @Inject
    IntakePolicies intakePolicies;

    @Inject
    SeenOrderValues seenValues;

    @Inject
    OrderSweeps sweeps;

    @Inject
    FilterPreviews previews;

    @Inject
    FulfillmentServiceMode fulfillmentMode;

    @Context
    SecurityContext security;

    @GET
    @Path("order-filters")
    @Operation(
            summary = "The store's order filters",
            description = "orderStatuses (open, closed, cancelled), financialStatuses (displayFinancialStatus values "
                    + "in lower case), fulfillmentStatuses (displayFulfillmentStatus values in lower case), "
                    + "testOrders, riskHold (off, cancel, cancel_or_investigate: which of Shopify's risk "
                    + "recommendations hold an order back), tagsIncluded, tagsExcluded, salesChannels, "
                    + "shippingMethods, countries (GET .../order-filters/values lists what to choose from). An empty "
                    + "list lets every value through.")
    @APIResponse(responseCode = "200", description = "The filters")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject filters(@PathParam("store") String domain) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        return json(this.intakePolicies.of(store.id()).filters());
    }

    @GET
    @Path("order-filters/values")
    @Operation(
            summary = "The values the store's order filters may choose",
            description = "countries (ISO 3166 codes), and the tags, salesChannels and shippingMethods seen on the "
                    + "store's orders so far (in lower case, at most 1000 of each); a tag not seen yet may be chosen "
                    + "all the same.")
    @APIResponse(responseCode = "200", description = "The values")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject filterValues(@PathParam("store") String domain) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        return Json.createObjectBuilder()
                .add("countries", Json.createArrayBuilder(sorted(OrderChoices.COUNTRIES)))
                .add(
                        "tags",
                        Json.createArrayBuilder(
                                List.copyOf(this.seenValues.all(store.id(), SeenOrderValues.Kind.TAG, 1000))))
                .add(
                        "salesChannels",
                        Json.createArrayBuilder(
                                List.copyOf(this.seenValues.all(store.id(), SeenOrderValues.Kind.SALES_CHANNEL, 1000))))
                .add(
                        "shippingMethods",
                        Json.createArrayBuilder(List.copyOf(
                                this.seenValues.all(store.id(), SeenOrderValues.Kind.SHIPPING_METHOD, 1000))))
                .build();
    }

    @PUT
    @Path("order-filters")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Changes the store's order filters",
            description = "The same settings as on Store Settings. When they change, the store's orders filtered "
                    + "out so far are decided again right away, in the background (read again from Shopify): one "
                    + "that passes now enters the order feed once; Activity says how many were re-checked.")
    @APIResponse(responseCode = "200", description = "The filters as saved")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject change(@PathParam("store") String domain, JsonObject body) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        OrderFilters filters = filtersOf(store, body);
        try {
            return json(this.filterSettings.change(
                    store.id(), filters, this.security.getUserPrincipal().getName()));
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("body", e.getMessage())));
        }
    }

    @POST
    @Path("order-filters/preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What a change of the store's order filters would filter out",
            description = "The same body as PUT .../order-filters; nothing is changed. Decides the store's last "
                    + FilterPreviews.RECENT + " orders the connector read (newest first, as it kept them from their "
                    + "last read; Shopify is not asked) with these filters and with the current ones, by the same "
                    + "rule that decides every order: orders (how many were decided), filteredOut (by these "
                    + "filters), filteredOutNow (by the current ones), moreThanNow (filteredOut - filteredOutNow, "
                    + "negative when fewer), notCounted (recent orders read before the connector kept their tags "
                    + "and channel, or erased for privacy: left out), summary (the sentence Store Settings shows). "
                    + "It previews the filters only: an order they let through may still be held.")
    @APIResponse(responseCode = "200", description = "The preview")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject preview(@PathParam("store") String domain, JsonObject body) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        OrderFilters filters = filtersOf(store, body);
        try {
            IntakePolicy.of(filters).requireKnownValues();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError("body", e.getMessage())));
        }
        FilterPreview preview = this.previews.preview(store.id(), filters);
        return Json.createObjectBuilder()
                .add("orders", preview.orders())
                .add("filteredOut", preview.filteredOut())
                .add("filteredOutNow", preview.filteredOutNow())
                .add("moreThanNow", preview.moreThanNow())
                .add("notCounted", preview.notCounted())
                .add("summary", preview.text())
                .build();
    }

    /**
     * The filters a PUT or preview body sets: testOrders left out or null is false, riskHold and each choice left out
     * or null keep the store's; a field of the wrong kind is a 400 naming it. Values Shopify does not have are
     * refused later, by the policy's own check ({@link IntakePolicy#requireKnownValues}).
     */
    private OrderFilters filtersOf(Store store, JsonObject body) {
        List<FieldError> errors = new ArrayList<>();
        // Left out or null: test orders are not imported; anything but a JSON boolean is refused, never guessed.
        JsonValue testOrders = body == null ? null : body.get("testOrders");
        if (testOrders != null
                && testOrders != JsonValue.NULL
                && testOrders != JsonValue.TRUE
                && testOrders != JsonValue.FALSE) {
            errors.add(new FieldError("testOrders", "must be true or false"));
        }
        // Left out or null: the store's risk hold stays as it is (a WMS that does not know it cannot turn it off).
        JsonValue riskHoldValue = body == null ? null : body.get("riskHold");
        RiskHold riskHold = this.intakePolicies.of(store.id()).riskHold();
        if (riskHoldValue != null && riskHoldValue != JsonValue.NULL) {
            Optional<RiskHold> named =
                    riskHoldValue instanceof JsonString word ? RiskHold.ofWord(word.getString()) : Optional.empty();
            if (named.isEmpty()) {
                errors.add(new FieldError("riskHold", "must be one of off, cancel, cancel_or_investigate"));
            } else {
                riskHold = named.get();
            }
        }
        // The choices, each left out or null: kept as it is (the JSON of before them stays valid, changing none).
        OrderChoices now = this.intakePolicies.of(store.id()).choices();
        OrderChoices choices = new OrderChoices(
                chosen(body, "tagsIncluded", now.tagsIncluded(), errors),
                chosen(body, "tagsExcluded", now.tagsExcluded(), errors),
                chosen(body, "salesChannels", now.salesChannels(), errors),
                chosen(body, "shippingMethods", now.shippingMethods(), errors),
                chosen(body, "countries", now.countries(), errors));
        for (String problem : choices.problems()) {
            errors.add(new FieldError(
                    problem.substring(0, problem.indexOf(':')), problem.substring(problem.indexOf(':') + 2)));
        }
        OrderFilters filters = new OrderFilters(
                list(body, "orderStatuses", errors),
                list(body, "financialStatuses", errors),
                list(body, "fulfillmentStatuses", errors),
                testOrders == JsonValue.TRUE,
                riskHold,
                choices);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return filters;
    }

    @GET
    @Path("fulfillment-mode")
    @Operation(
            summary = "The store's fulfillment mode",
            description = "mode: MERCHANT_MANAGED (the default) or FULFILLMENT_SERVICE; in fulfillment-service mode "
                    + "also the service's id and its location's id (map it to a warehouse) and the callback URL "
                    + "Shopify sends fulfillment requests to.")
    @APIResponse(responseCode = "200", description = "The mode")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject fulfillmentMode(@PathParam("store") String domain) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        return json(store.id(), this.fulfillmentMode.of(store), List.of(), true).build();
    }

    @PUT
    @Path("fulfillment-mode")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Switches the store's fulfillment mode",
            description = "Body {\"mode\": \"FULFILLMENT_SERVICE\" | \"MERCHANT_MANAGED\", \"scope\": "
                    + "\"ONE_FOR_ALL\" (default) | \"PER_WAREHOUSE\", "
                    + "\"destinationLocationId\": optional, \"confirm\": false, \"cancellationAnswerMinutes\": optional, 1-10080}. FULFILLMENT_SERVICE registers the "
                    + "WMS as the store's fulfillment service: one for all warehouses (its location then appears in the "
                    + "location mapping, for the merchant to map), or with scope PER_WAREHOUSE one per warehouse mapped "
                    + "to the store's locations (warehouseServices; each location mapped to its warehouse at once). "
                    + "Services of the other scope are removed as on switching back (listed first while fulfillment "
                    + "orders are open there). MERCHANT_MANAGED removes the services: while fulfillment orders are open at "
                    + "its location they are listed (openFulfillmentOrders, switched false) and nothing changes until "
                    + "the call is repeated with confirm true. With destinationLocationId (a merchant's location) "
                    + "the service location's stock and open fulfillment orders move there; without, the location "
                    + "stays on Shopify as the merchant's. Repeating a switch already made changes nothing.")
    @APIResponse(responseCode = "200", description = "The mode as it is now")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No connected store has this domain")
    public JsonObject switchFulfillmentMode(@PathParam("store") String domain, JsonObject body) {
        Store store = this.stores.find(domain).filter(Store::isConnected).orElseThrow(NotFoundException::new);
        List<FieldError> errors = new ArrayList<>();
        FulfillmentMode mode = null;
        if (body == null || !(body.get("mode") instanceof JsonString text)) {
            errors.add(new FieldError("mode", "is required: FULFILLMENT_SERVICE or MERCHANT_MANAGED"));
        } else {
            try {
                mode = FulfillmentMode.valueOf(text.getString());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("mode", "must be FULFILLMENT_SERVICE or MERCHANT_MANAGED"));
            }
        }
        FulfillmentScope scope = FulfillmentScope.ONE_FOR_ALL;
        JsonValue scopeValue = body == null ? null : body.get("scope");
        if (scopeValue != null && scopeValue != JsonValue.NULL) {
            try {
                scope = FulfillmentScope.valueOf(((JsonString) scopeValue).getString());
            } catch (ClassCastException | IllegalArgumentException e) {
                errors.add(new FieldError("scope", "must be ONE_FOR_ALL or PER_WAREHOUSE"));
            }
        }
        JsonValue destination = body == null ? null : body.get("destinationLocationId");
        if (destination != null && destination != JsonValue.NULL && !(destination instanceof JsonString)) {
            errors.add(new FieldError("destinationLocationId", "must be a location's id (text)"));
        }
        JsonValue waiting = body == null ? null : body.get("cancellationAnswerMinutes");
        Long minutes = waiting == null || waiting == JsonValue.NULL
                ? null
                : WholeNumber.required(
                        waiting,
                        "cancellationAnswerMinutes",
                        1,
                        IntakePolicies.MOST_CANCELLATION_ANSWER_MINUTES,
                        errors);
        JsonValue confirm = body == null ? null : body.get("confirm");
        if (confirm != null && confirm != JsonValue.NULL && confirm != JsonValue.TRUE && confirm != JsonValue.FALSE) {
            errors.add(new FieldError("confirm", "must be true or false"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        String by = this.security.getUserPrincipal().getName();
        if (minutes != null) {
            this.intakePolicies.saveCancellationAnswerMinutes(store.id(), minutes.intValue());
        }
        try {
            if (mode == FulfillmentMode.FULFILLMENT_SERVICE) {
                FulfillmentServiceMode.SwitchBack on = this.fulfillmentMode.switchOn(
                        store,
                        scope,
                        destination instanceof JsonString id ? id.getString() : null,
                        confirm == JsonValue.TRUE,
                        by);
                return json(store.id(), this.fulfillmentMode.of(store), on.open(), on.switched())
                        .build();
            }
            FulfillmentServiceMode.SwitchBack back = this.fulfillmentMode.switchBack(
                    store, destination instanceof JsonString id ? id.getString() : null, confirm == JsonValue.TRUE, by);
            return json(store.id(), this.fulfillmentMode.of(store), back.open(), back.switched())
                    .build();
        } catch (IllegalArgumentException e) {
            throw new InvalidRequestException(List.of(new FieldError(
                    mode == FulfillmentMode.FULFILLMENT_SERVICE ? "mode" : "destinationLocationId", e.getMessage())));
        }
    }

    private JsonObjectBuilder json(
            long storeId, FulfillmentSetup setup, List<AssignedFulfillmentOrder> open, boolean switched) {
        JsonObjectBuilder json = Json.createObjectBuilder()
                .add("mode", setup.mode().name())
                .add("switched", switched)
                .add("cancellationAnswerMinutes", this.intakePolicies.cancellationAnswerMinutes(storeId));
        if (setup.isFulfillmentService()) {
            json.add("scope", setup.scope().name());
            if (setup.serviceId() != null) {
                json.add("serviceId", setup.serviceId())
                        .add("locationId", setup.locationId())
                        .add("callbackUrl", this.fulfillmentMode.callbackUrl());
            }
        }
        var services = Json.createArrayBuilder();
        for (WarehouseService service : setup.warehouseServices()) {
            services.add(Json.createObjectBuilder()
                    .add("warehouse", service.warehouseCode())
                    .add("serviceId", service.serviceId())
                    .add("locationId", service.locationId())
                    .add("callbackUrl", this.fulfillmentMode.callbackUrl(service.warehouseCode())));
        }
        json.add("warehouseServices", services);
        var list = Json.createArrayBuilder();
        for (AssignedFulfillmentOrder fo : open) {
            list.add(Json.createObjectBuilder()
                    .add("fulfillmentOrderId", fo.id())
                    .add("status", String.valueOf(fo.status()))
                    .add("requestStatus", String.valueOf(fo.requestStatus()))
                    .add("order", fo.orderName() == null ? String.valueOf(fo.orderId()) : fo.orderName()));
        }
        return json.add("openFulfillmentOrders", list);
    }

    @POST
    @Path("order-sweep")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Sweeps the store's orders updated in a date range",
            description = "Body {\"from\": ISO instant, \"until\": ISO instant (default now)}. Lists the orders "
                    + "updated in the range and imports those the connector does not know in their current state "
                    + "(idempotent). Answers when done, with the orders read and the gaps filled.")
    @APIResponse(responseCode = "200", description = "The sweep's result")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No connected store has this domain")
    public JsonObject sweep(@PathParam("store") String domain, JsonObject body) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        if (!store.isConnected()) {
            throw new NotFoundException();
        }
        Instant from = instant(body, "from", null);
        Instant until = instant(body, "until", Instant.now());
        if (from == null || !from.isBefore(until)) {
            throw new InvalidRequestException(
                    List.of(new FieldError("from", "is required, an ISO-8601 instant before until")));
        }
        OrderSweep sweep = this.sweeps.sweep(
                store, from, until, this.security.getUserPrincipal().getName());
        return Json.createObjectBuilder()
                .add("state", sweep.state().toLowerCase())
                .add("from", sweep.windowFrom().toString())
                .add("until", sweep.windowUntil().toString())
                .add("ordersRead", sweep.ordersRead())
                .add("gapsFilled", sweep.gapsFilled())
                .add("gapOrders", sweep.gapOrders() == null ? "" : sweep.gapOrders())
                .add("message", sweep.message() == null ? "" : sweep.message())
                .build();
    }

    private static Instant instant(JsonObject body, String field, Instant otherwise) {
        if (body == null || !(body.get(field) instanceof JsonString text)) {
            return otherwise;
        }
        try {
            return Instant.parse(text.getString());
        } catch (DateTimeParseException e) {
            throw new InvalidRequestException(List.of(new FieldError(field, "is not an ISO-8601 instant")));
        }
    }

    /** An optional list of the choices: left out or null, the current values; not a list of strings, an error. */
    private static Set<String> chosen(JsonObject body, String field, Set<String> current, List<FieldError> errors) {
        JsonValue value = body == null ? null : body.get(field);
        if (value == null || value == JsonValue.NULL) {
            return current;
        }
        Set<String> values = new LinkedHashSet<>();
        if (!(value instanceof JsonArray array)) {
            errors.add(new FieldError(field, "must be a list of values (empty lets every order through)"));
            return values;
        }
        for (JsonValue item : array) {
            if (item instanceof JsonString text) {
                values.add(text.getString());
            } else {
                errors.add(new FieldError(field, "holds a value that is not a string"));
            }
        }
        return values;
    }

    private static Set<String> list(JsonObject body, String field, List<FieldError> errors) {
        Set<String> values = new LinkedHashSet<>();
        if (body == null || !(body.get(field) instanceof JsonArray array)) {
            errors.add(new FieldError(field, "is required: a list of values (empty lets every value through)"));
            return values;
        }
        for (JsonValue value : array) {
            if (value instanceof JsonString text) {
                values.add(text.getString().trim().toLowerCase(java.util.Locale.ROOT));
            } else {
                errors.add(new FieldError(field, "holds a value that is not a string"));
            }
        }
        return values;
    }

    private static JsonObject json(OrderFilters filters) {
        return Json.createObjectBuilder()
                .add("orderStatuses", Json.createArrayBuilder(sorted(filters.orderStatuses())))
                .add("financialStatuses", Json.createArrayBuilder(sorted(filters.financialStatuses())))
                .add("fulfillmentStatuses", Json.createArrayBuilder(sorted(filters.fulfillmentStatuses())))
                .add("testOrders", filters.includeTestOrders())
                .add("riskHold", filters.riskHold().word())
                .add(
                        "tagsIncluded",
                        Json.createArrayBuilder(sorted(filters.choices().tagsIncluded())))
                .add(
                        "tagsExcluded",
                        Json.createArrayBuilder(sorted(filters.choices().tagsExcluded())))
                .add(
                        "salesChannels",
                        Json.createArrayBuilder(sorted(filters.choices().salesChannels())))
                .add(
                        "shippingMethods",
                        Json.createArrayBuilder(sorted(filters.choices().shippingMethods())))
                .add(
                        "countries",
                        Json.createArrayBuilder(sorted(filters.choices().countries())))
                .build();
    }

    private static List<String> sorted(Set<String> values) {
        return values.stream().sorted().toList();
    }
}
