package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * An admin signed in to the WMS API page over plain HTTP, doing what a person does there: creating a
 * credential (and reading its token off the answer, the only place it appears) and revoking one. This is how the
 * integration tests obtain credentials: through the product's own admin page, with no test-only way in.
 */
final class WmsApiAdmin {

    static final String PAGE = "/admin/wms-api.xhtml";
    private static final Pattern VIEW_STATE =
            Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]*)\"");
    private static final Pattern TOKEN = Pattern.compile("<code id=\"new-secret\"[^>]*>([^<]+)</code>");

    private final HttpClient client = ConnectorServer.client();

    /** Signs in as the configured admin. */
    static WmsApiAdmin signIn() throws Exception {
        WmsApiAdmin admin = new WmsApiAdmin();
        ConnectorServer.get(admin.client, PAGE);
        HttpResponse<String> signedIn = AdminLoginIT.signIn(admin.client, "admin", ConnectorServer.adminPassword());
        assertEquals(302, signedIn.statusCode(), "signed in");
        return admin;
    }

    /** The WMS API page as the admin sees it now. */
    String page() throws IOException, InterruptedException {
        HttpResponse<String> page = ConnectorServer.get(this.client, PAGE);
        assertEquals(200, page.statusCode());
        return page.body();
    }

    /** Creates a credential with the form of the page and returns the answer to the create request. */
    HttpResponse<String> submitCreate(String name) throws IOException, InterruptedException {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("create", "create");
        // MyFaces (Liberty's Faces) marks which form was submitted with this hidden field.
        form.put("create_SUBMIT", "1");
        form.put("create:name", name);
        form.put("create:create-credential", "Create credential");
        String page = page();
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", FacesForm.nonce(page));
        return post(form);
    }

    /** Creates a credential and returns its token, {@code <keyId>.<secret>}. */
    String createCredential(String name) throws IOException, InterruptedException {
        HttpResponse<String> created = submitCreate(name);
        assertEquals(200, created.statusCode());
        Matcher token = TOKEN.matcher(created.body());
        if (!token.find()) {
            throw new AssertionError("no token on the page after creating a credential: " + created.body());
        }
        return token.group(1).trim();
    }

    /** Presses Revoke in the row of the credential with this key id. */
    void revoke(String keyId) throws IOException, InterruptedException {
        String page = page();
        int row = page.indexOf("id=\"credential-" + keyId + "\"");
        if (row < 0) {
            throw new AssertionError("no row for key id " + keyId);
        }
        Matcher button =
                Pattern.compile("name=\"([^\"]*:revoke)\"").matcher(page.substring(row, page.indexOf("</tr>", row)));
        if (!button.find()) {
            throw new AssertionError("no Revoke button for key id " + keyId);
        }
        Map<String, String> form = new LinkedHashMap<>();
        form.put("credentials", "credentials");
        form.put("credentials_SUBMIT", "1");
        form.put(button.group(1), "Revoke");
        form.put("jakarta.faces.ViewState", viewState(page));
        form.put("primefaces.nonce", FacesForm.nonce(page));
        HttpResponse<String> revoked = post(form);
        assertEquals(302, revoked.statusCode(), "redirected after revoking: " + revoked.body());
    }

    private HttpResponse<String> post(Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return this.client.send(
                HttpRequest.newBuilder(ConnectorServer.uri(PAGE))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String viewState(String page) {
        Matcher matcher = VIEW_STATE.matcher(page);
        if (!matcher.find()) {
            throw new AssertionError("no view state on the page: " + page);
        }
        return matcher.group(1).replace("&#58;", ":").replace("&amp;", "&");
    }

    static String keyIdOf(String token) {
        return token.substring(0, token.indexOf('.'));
    }
}
