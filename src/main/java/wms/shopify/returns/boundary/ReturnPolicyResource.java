package wms.shopify.returns.boundary;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import wms.shopify.activity.control.ActivityLog;
import wms.shopify.platform.api.FieldError;
import wms.shopify.platform.api.InvalidRequestException;
import wms.shopify.platform.web.WmsApi;
import wms.shopify.returns.control.ReturnPolicies;
import wms.shopify.returns.entity.ReturnPolicy;
import wms.shopify.stores.control.Stores;
import wms.shopify.stores.entity.Store;

/** A store's returns policy, the same settings as the Returns section of Store Settings. */
@Path("v1/stores/{store}/return-policy")
@RequestScoped
@Tag(name = "Returns")
@Produces(MediaType.APPLICATION_JSON)
public class ReturnPolicyResource {

    private static final List<String> FIELDS = List.of("syncEnabled", "autoClose", "refundOnProcess");

    @Inject
    Stores stores;

    @Inject
    ReturnPolicies policies;

    @Inject
    ActivityLog activity;

    @Context
    SecurityContext security;

    @GET
    @Operation(
            summary = "The store's returns policy",
            description = "syncEnabled: Shopify's returns are announced to the WMS and its receipts taken; autoClose: "
                    + "a return is closed on Shopify once received; refundOnProcess: processing received units on "
                    + "Shopify also refunds them, for the amount Shopify suggests for the returned lines (shipping "
                    + "not refunded); off (the default), the merchant refunds in Shopify's admin.")
    @APIResponse(responseCode = "200", description = "The policy")
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject policy(@PathParam("store") String domain) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        return json(this.policies.of(store.id()));
    }

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(
            summary = "Changes the store's returns policy",
            description = "All three settings, each true or false; a missing or non-boolean one is refused, naming "
                    + "it, and nothing changes. Applies to the receipts pushed from then on.")
    @APIResponse(responseCode = "200", description = "The policy as saved")
    @APIResponse(responseCode = "400", ref = WmsApi.INVALID_REQUEST)
    @APIResponse(responseCode = "401", ref = WmsApi.UNAUTHORIZED)
    @APIResponse(responseCode = "404", description = "No such store")
    public JsonObject change(@PathParam("store") String domain, JsonObject body) {
        Store store = this.stores.find(domain).orElseThrow(NotFoundException::new);
        List<FieldError> errors = new ArrayList<>();
        boolean[] values = new boolean[FIELDS.size()];
        for (int i = 0; i < FIELDS.size(); i++) {
            JsonValue value = body == null ? null : body.get(FIELDS.get(i));
            if (value != JsonValue.TRUE && value != JsonValue.FALSE) {
                errors.add(new FieldError(FIELDS.get(i), "must be true or false"));
            }
            values[i] = value == JsonValue.TRUE;
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        ReturnPolicy policy = new ReturnPolicy(values[0], values[1], values[2]);
        this.policies.save(store.id(), policy);
        JsonObject saved = json(this.policies.of(store.id()));
        this.activity.record(
                "returns",
                "Returns policy of " + store.domain() + " set through the WMS API: " + saved + ".",
                this.security.getUserPrincipal().getName());
        return saved;
    }

    private static JsonObject json(ReturnPolicy policy) {
        return Json.createObjectBuilder()
                .add("syncEnabled", policy.syncEnabled())
                .add("autoClose", policy.autoClose())
                .add("refundOnProcess", policy.refundOnProcess())
                .build();
    }
}
