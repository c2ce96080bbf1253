package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static wms.shopify.it.WmsApiCalls.array;
import static wms.shopify.it.WmsApiCalls.contentType;
import static wms.shopify.it.WmsApiCalls.get;
import static wms.shopify.it.WmsApiCalls.object;
import static wms.shopify.it.WmsApiCalls.put;
import static wms.shopify.it.WmsApiCalls.withCode;

import jakarta.json.JsonObject;
import java.io.ByteArrayInputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;

/**
 * The WMS registers warehouses and shipping processes through the API: created once, a no-op when repeated,
 * deactivated by active=false; every kind of bad call is refused with its status and changes nothing; text is
 * stored as sent and shown escaped on the admin page.
 */
@MicroShedTest
class WarehousesApiIT {

    static final String WAREHOUSES = "/api/v1/warehouses";
    static final String PROCESSES = "/api/v1/shipping-processes";

    static WmsApiAdmin admin;
    static String token;
    /** Codes of this run, so runs against the same database do not meet. */
    static String run;

    @BeforeAll
    static void credential() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        admin = WmsApiAdmin.signIn();
        run = UUID.randomUUID().toString().substring(0, 8);
        token = admin.createCredential("warehouses-it " + run);
    }

    @Test
    void aRegistrationCreatesThenTheSameCallChangesNothing() throws Exception {
        String body = "[{\"code\":\"" + run + "-MAIN\",\"name\":\"Main\"}," + "{\"code\":\"" + run
                + "-EAST\",\"name\":\"East\",\"active\":true}]";
        JsonObject first = ok(put(WAREHOUSES, token, body));
        assertEquals(2, first.getInt("created"));
        assertTrue(first.getBoolean("changed"));
        assertEquals("created", first.getJsonArray("items").getJsonObject(0).getString("outcome"));

        JsonObject again = ok(put(WAREHOUSES, token, body));
        assertEquals(0, again.getInt("created"));
        assertEquals(0, again.getInt("updated"));
        assertEquals(2, again.getInt("unchanged"));
        assertFalse(again.getBoolean("changed"), "the repeat says it changed nothing");

        JsonObject main = withCode(array(get(WAREHOUSES, token)), run + "-MAIN").orElseThrow();
        assertEquals("Main", main.getString("name"));
        assertTrue(main.getBoolean("active"));

        String processes = "[{\"code\":\"" + run + "-DHL\",\"name\":\"DHL parcel\",\"warehouse\":\"" + run
                + "-MAIN\"},{\"code\":\"" + run + "-ANY\",\"name\":\"Pick-up\"}]";
        assertEquals(2, ok(put(PROCESSES, token, processes)).getInt("created"));
        assertFalse(ok(put(PROCESSES, token, processes)).getBoolean("changed"));
        JsonObject dhl = withCode(array(get(PROCESSES, token)), run + "-DHL").orElseThrow();
        assertEquals(run + "-MAIN", dhl.getString("warehouse"));
        assertFalse(withCode(array(get(PROCESSES, token)), run + "-ANY")
                .orElseThrow()
                .containsKey("warehouse"));
    }

    @Test
    void activeFalseDeactivatesAndNothingIsEverDeleted() throws Exception {
        String code = run + "-OLD";
        ok(put(WAREHOUSES, token, "[{\"code\":\"" + code + "\",\"name\":\"Old\"}]"));
        JsonObject deactivated =
                ok(put(WAREHOUSES, token, "[{\"code\":\"" + code + "\",\"name\":\"Old\",\"active\":false}]"));
        assertEquals(1, deactivated.getInt("updated"));
        assertFalse(withCode(array(get(WAREHOUSES, token)), code).orElseThrow().getBoolean("active"));
        assertEquals(
                405,
                WmsApiCalls.send(WmsApiCalls.request(WAREHOUSES, token).DELETE())
                        .statusCode());
    }

    @Test
    void anInvalidCallIsRefusedWholeWithEveryErrorAndChangesNothing() throws Exception {
        String fresh = run + "-FRESH";
        HttpResponse<String> duplicate = put(
                WAREHOUSES,
                token,
                "[{\"code\":\"" + fresh + "\",\"name\":\"Fresh\"}," + "{\"code\":\"" + run
                        + "-X\",\"name\":\"\"},{\"code\":\"" + fresh + "\",\"name\":\"Again\"}]");
        JsonObject problem = problem(duplicate, 400);
        assertEquals("urn:wms-shopify:problem:invalid-request", problem.getString("type"));
        assertEquals("[1].name", problem.getJsonArray("errors").getJsonObject(0).getString("field"));
        assertEquals("[2].code", problem.getJsonArray("errors").getJsonObject(1).getString("field"));
        assertTrue(withCode(array(get(WAREHOUSES, token)), fresh).isEmpty(), "the valid item was not stored either");

        HttpResponse<String> unknownWarehouse = put(
                PROCESSES,
                token,
                "[{\"code\":\"" + run + "-P\",\"name\":\"P\"," + "\"warehouse\":\"" + run + "-NOWHERE\"}]");
        JsonObject unknown =
                problem(unknownWarehouse, 400).getJsonArray("errors").getJsonObject(0);
        assertEquals("[0].warehouse", unknown.getString("field"));
        assertTrue(unknown.getString("message").contains(run + "-NOWHERE"));
        assertTrue(withCode(array(get(PROCESSES, token)), run + "-P").isEmpty());

        String tooMany = IntStream.range(0, 1001)
                .mapToObj(i -> "{\"code\":\"" + run + "-M" + i + "\",\"name\":\"M\"}")
                .collect(Collectors.joining(",", "[", "]"));
        assertEquals(
                "body",
                problem(put(WAREHOUSES, token, tooMany), 400)
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field"));
        assertTrue(withCode(array(get(WAREHOUSES, token)), run + "-M0").isEmpty());
    }

    @Test
    void malformedJsonWrongShapeAndWrongTypesAre400() throws Exception {
        for (String body : new String[] {
            "[{\"code\":\"" + run + "-J\",",
            "{\"code\":\"" + run + "-J\",\"name\":\"J\"}",
            "[{\"code\":\"" + run + "-J\",\"name\":\"J\",\"active\":{}}]",
            "[{\"code\":\"" + run + "-J\",\"name\":\"J\",\"active\":\"yes\"}]",
            "[{\"code\":\"" + run + "-J\",\"name\":\"J\",\"active\":\"false\"}]",
            "not json",
            ""
        }) {
            JsonObject problem = problem(put(WAREHOUSES, token, body), 400);
            assertTrue(problem.getString("type").startsWith("urn:wms-shopify:problem:"), body + ": " + problem);
        }
        assertTrue(withCode(array(get(WAREHOUSES, token)), run + "-J").isEmpty());
    }

    @Test
    void aWrongContentTypeIs415() throws Exception {
        HttpResponse<String> response = WmsApiCalls.send(WmsApiCalls.request(WAREHOUSES, token)
                .header("Content-Type", "text/plain")
                .PUT(HttpRequest.BodyPublishers.ofString("[{\"code\":\"" + run + "-T\",\"name\":\"T\"}]")));
        assertEquals(
                "Send the body as application/json.", problem(response, 415).getString("detail"));
        assertTrue(withCode(array(get(WAREHOUSES, token)), run + "-T").isEmpty());
    }

    @Test
    void aBodyOverTheLimitIs413WithOrWithoutALength() throws Exception {
        String padding = " ".repeat(1_100_000);
        String body = "[{\"code\":\"" + run + "-BIG\",\"name\":\"Big\"}" + padding + "]";
        problem(put(WAREHOUSES, token, body), 413);

        // Without a Content-Length (chunked), the limit is enforced while the body is read.
        byte[] bytes = body.getBytes();
        HttpResponse<String> chunked = WmsApiCalls.send(WmsApiCalls.request(WAREHOUSES, token)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(bytes))));
        problem(chunked, 413);
        assertTrue(withCode(array(get(WAREHOUSES, token)), run + "-BIG").isEmpty());
    }

    @Test
    void anUnknownResourceIs404AsProblemDetails() throws Exception {
        assertEquals(
                "/api/v1/nothing-here",
                problem(get("/api/v1/nothing-here", token), 404).getString("instance"));
    }

    @Test
    void markupAndSqlAreStoredAsTextAndShownEscaped() throws Exception {
        String hostile = "<script>alert('wh')</script>'; drop table warehouse; --";
        String json = jakarta.json.Json.createArrayBuilder()
                .add(jakarta.json.Json.createObjectBuilder()
                        .add("code", run + "-<b>")
                        .add("name", hostile))
                .build()
                .toString();
        assertEquals(1, ok(put(WAREHOUSES, token, json)).getInt("created"));
        assertEquals(
                hostile,
                withCode(array(get(WAREHOUSES, token)), run + "-<b>")
                        .orElseThrow()
                        .getString("name"));

        String page = admin.page();
        assertTrue(page.contains("&lt;script&gt;alert("), "shown as text on the admin page");
        assertFalse(page.contains("<script>alert("), "never as markup");
        assertFalse(page.contains(run + "-<b>"));
    }

    static JsonObject ok(HttpResponse<String> response) {
        assertEquals(200, response.statusCode(), response.body());
        return object(response);
    }

    static JsonObject problem(HttpResponse<String> response, int status) {
        assertEquals(status, response.statusCode(), response.body());
        assertTrue(contentType(response).startsWith("application/problem+json"), contentType(response));
        JsonObject problem = object(response);
        assertEquals(status, problem.getInt("status"));
        return problem;
    }
}
