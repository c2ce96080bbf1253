package wms.shopify.stock.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
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
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.stock.control.RulesChangeView;
import wms.shopify.stock.control.StockRules;
import wms.shopify.stock.control.StockRulesInput;
import wms.shopify.stock.entity.StockRule;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/**
 * A store's availability rules (buffer, share, maximum shown, out of stock below): read, replaced, and previewed.
 * Its own root path, as every resource under {@code v1/stores/{store}} has (JAX-RS matches one root class).
 */
@Path("v1/stores/{store}/stock-rules")
@RequestScoped
@Tag(name = "Stock")
@Produces(MediaType.APPLICATION_JSON)
public class StockRulesResource {

    @Inject
    StockRules rules;

    @Inject
    Stores stores;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "The store's availability rules",
            description = "Each rule has a scope (location: a Shopify location id, or every location; product: a WMS "
                    + "product code, productGroup: a code prefix, or every product) and sets any of buffer, "
                    + "sharePercent, maximum, outOfStockBelow; bufferShownAs \"safety_stock\" shows the buffer's "
                    + "units in Shopify's safety_stock state instead of hiding them (\"hidden\", the default). The "
                    + "most specific rule that matches a level applies.")
    @APIResponse(responseCode = "200", description = "The rules")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject rules(@PathParam("store") String domain) {
        return Json.createObjectBuilder()
                .add("rules", json(this.rules.of(store(domain).id())))
                .build();
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Replaces the store's availability rules",
            description = "The whole set: a rule left out is removed, an empty list removes all. The levels whose "
                    + "published quantity changes are pushed again like any stock change. Refused, with nothing "
                    + "changed, when a field is wrong or the shares of the stores selling one warehouse would add "
                    + "up to more than 100 %.")
    @APIResponse(responseCode = "200", description = "The rules as saved, and what changed")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject replace(@PathParam("store") String domain, JsonObject body) {
        Store store = store(domain);
        List<StockRule> read = StockRulesInput.read(body);
        return json(this.rules.save(
                store.id(),
                store.domain().value(),
                read,
                this.security.getUserPrincipal().getName()));
    }

    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "What replacing the store's availability rules would change",
            description = "The same body as PUT, checked the same way; nothing is saved. Answers how many of the "
                    + "store's levels would be published lower (and at zero) or higher, with the first ones.")
    @APIResponse(responseCode = "200", description = "What would change")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject preview(@PathParam("store") String domain, JsonObject body) {
        Store store = store(domain);
        return json(this.rules.preview(store.id(), StockRulesInput.read(body)));
    }

    private Store store(String domain) {
        return this.stores.find(domain).orElseThrow(NotFoundException::new);
    }

    private static JsonObject json(RulesChangeView change) {
        JsonArrayBuilder examples = Json.createArrayBuilder();
        for (RulesChangeView.Level level : change.examples()) {
            examples.add(Json.createObjectBuilder()
                    .add("product", level.product())
                    .add("location", level.locationId())
                    .add("wms", level.wms())
                    .add("before", level.before())
                    .add("after", level.after()));
        }
        return Json.createObjectBuilder()
                .add("summary", change.summary())
                .add("levels", change.levels())
                .add("down", change.down())
                .add("toZero", change.toZero())
                .add("up", change.up())
                .add("changes", examples)
                .add("rules", json(change.rules()))
                .build();
    }

    private static JsonArrayBuilder json(List<StockRule> rules) {
        JsonArrayBuilder array = Json.createArrayBuilder();
        for (StockRule rule : rules) {
            JsonObjectBuilder json = Json.createObjectBuilder();
            optional(json, "location", rule.locationId());
            optional(json, "product", rule.productCode());
            optional(json, "productGroup", rule.productPrefix());
            if (rule.buffer() != null) {
                json.add("buffer", rule.buffer());
                json.add(
                        "bufferShownAs",
                        rule.bufferAsSafetyStock() ? StockRulesInput.SAFETY_STOCK : StockRulesInput.HIDDEN);
            }
            if (rule.sharePercent() != null) {
                json.add("sharePercent", rule.sharePercent());
            }
            if (rule.maximum() != null) {
                json.add("maximum", rule.maximum());
            }
            if (rule.outOfStockBelow() != null) {
                json.add("outOfStockBelow", rule.outOfStockBelow());
            }
            array.add(json);
        }
        return array;
    }

    private static void optional(JsonObjectBuilder json, String field, String value) {
        if (value != null) {
            json.add(field, value);
        }
    }
}
