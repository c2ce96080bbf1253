package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.CookieManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The connector as it runs by default (no ALLOW_PLAIN_HTTP), on a server of its own sharing the build's database:
 * over plain HTTP the admin pages redirect to HTTPS and the WMS API refuses calls, while Shopify's webhooks and
 * health stay reachable; over HTTPS every answer carries HSTS and the session and sign-in cookies are Secure and
 * SameSite; behind the trusted TLS-terminating proxy (here: this machine, TRUSTED_PROXIES), X-Forwarded-Proto: https
 * counts as HTTPS.
 */
class TransportIT {

    /** An operator's own admin password (the build's database, shared, is reached as the connector's user). */
    private static final String ADMIN_PASSWORD = "transport-" + java.util.UUID.randomUUID();

    private static ExtraServer server;

    @BeforeAll
    static void startWithTheDefaults() throws Exception {
        // The server's certificate is self-signed and made for its host name: this test trusts it as it is.
        System.setProperty("jdk.internal.httpclient.disableHostnameVerification", "true");
        server = ExtraServer.start(
                "transportServer",
                ExtraServer.freePort(),
                List.of(
                        "DB_HOST=localhost",
                        "DB_PORT=" + System.getProperty("it.db.port", "15432"),
                        "WMS_RETRY_SECONDS=2",
                        "TRUSTED_PROXIES=127.0.0.1,0:0:0:0:0:0:0:1",
                        "DB_PASSWORD=" + ConnectorServer.databasePassword(),
                        "ADMIN_PASSWORD=" + ADMIN_PASSWORD));
        ConnectorServer.awaitReady(server.baseUrl());
    }

    @AfterAll
    static void stop() throws Exception {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void overPlainHttpPagesRedirectToHttpsAndTheApiRefuses() throws Exception {
        HttpClient client = ConnectorServer.client();
        HttpResponse<String> login = send(client, server.baseUrl() + "/login.xhtml?from=x", null);
        assertEquals(302, login.statusCode());
        assertEquals(
                server.httpsUrl() + "/login.xhtml?from=x",
                login.headers().firstValue("Location").orElseThrow());
        assertFalse(login.body().contains("j_password"), "no login form over HTTP");

        HttpResponse<String> signIn = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=" + ADMIN_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(403, signIn.statusCode(), "no sign-in over HTTP");
        assertTrue(signIn.headers().allValues("Set-Cookie").stream().noneMatch(c -> c.startsWith("LtpaToken2")));

        HttpResponse<String> api = send(client, server.baseUrl() + "/api/v1/warehouses", "Bearer abc.def");
        assertEquals(403, api.statusCode());
        assertEquals(
                "application/problem+json",
                api.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertTrue(
                api.body().contains("HTTPS only") && api.body().contains(server.httpsUrl() + "/api/v1/warehouses"),
                api.body());
    }

    @Test
    void webhooksAndHealthStayReachableOverPlainHttp() throws Exception {
        HttpClient client = ConnectorServer.client();
        assertEquals(200, send(client, server.baseUrl() + "/health/live", null).statusCode());
        HttpResponse<String> webhook = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/shopify/webhooks"))
                        .header("Content-Type", "application/json")
                        .header("X-Shopify-Topic", "orders/create")
                        .header("X-Shopify-Shop-Domain", "nobody.myshopify.com")
                        .header("X-Shopify-Hmac-Sha256", "AAAA")
                        .POST(HttpRequest.BodyPublishers.ofString("{}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(
                webhook.statusCode() == 401 || webhook.statusCode() == 400,
                "judged by the intake (signature, headers), not refused for the transport: " + webhook.statusCode()
                        + " " + webhook.body());
    }

    @Test
    void overHttpsHstsAndSecureSameSiteCookies() throws Exception {
        HttpClient client = trustingClient();
        HttpResponse<String> login = send(client, server.httpsUrl() + "/login.xhtml", null);
        assertEquals(200, login.statusCode());
        assertTrue(login.headers()
                .firstValue("Strict-Transport-Security")
                .orElse("")
                .startsWith("max-age="));

        HttpResponse<String> admin = send(client, server.httpsUrl() + "/admin/plugins.xhtml", null);
        assertEquals(302, admin.statusCode());
        HttpResponse<String> signedIn = client.send(
                HttpRequest.newBuilder(URI.create(server.httpsUrl() + "/j_security_check"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("j_username=admin&j_password=" + ADMIN_PASSWORD))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(302, signedIn.statusCode());
        HttpResponse<String> page = send(client, server.httpsUrl() + "/admin/plugins.xhtml", null);
        assertEquals(200, page.statusCode());

        List<String> cookies = new java.util.ArrayList<>(login.headers().allValues("Set-Cookie"));
        cookies.addAll(admin.headers().allValues("Set-Cookie"));
        cookies.addAll(signedIn.headers().allValues("Set-Cookie"));
        cookies.addAll(page.headers().allValues("Set-Cookie"));
        for (String name : List.of("JSESSIONID=", "LtpaToken2=")) {
            List<String> set = cookies.stream()
                    .filter(c -> c.startsWith(name)
                            && !c.startsWith(name + ";")
                            && !c.contains("Max-Age=0")
                            && !c.contains("Expires=Thu, 01 Dec 1994"))
                    .toList();
            assertFalse(set.isEmpty(), name + " set over HTTPS: " + cookies);
            for (String cookie : set) {
                String lower = cookie.toLowerCase();
                assertTrue(lower.contains("; secure"), cookie);
                assertTrue(lower.contains("samesite=lax"), cookie);
                assertTrue(lower.contains("httponly"), cookie);
            }
        }
    }

    @Test
    void behindTheTrustedProxyForwardedHttpsCounts() throws Exception {
        HttpClient client = ConnectorServer.client();
        HttpResponse<String> login = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/login.xhtml"))
                        .header("X-Forwarded-Proto", "https")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, login.statusCode());
        assertTrue(login.headers().firstValue("Strict-Transport-Security").isPresent());
        HttpResponse<String> api = client.send(
                HttpRequest.newBuilder(URI.create(server.baseUrl() + "/api/v1/warehouses"))
                        .header("X-Forwarded-Proto", "https")
                        .header("Authorization", "Bearer abcdefghijklmnop.wrong")
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, api.statusCode(), "authenticated as usual: " + api.body());
    }

    private static HttpResponse<String> send(HttpClient client, String url, String authorization) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpClient trustingClient() throws Exception {
        TrustManager[] trustAll = {
            new X509TrustManager() {
                @Override
                public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                @Override
                public X509Certificate[] getAcceptedIssuers() {
                    return new X509Certificate[0];
                }
            }
        };
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trustAll, new SecureRandom());
        return HttpClient.newBuilder()
                .sslContext(context)
                .cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }
}
