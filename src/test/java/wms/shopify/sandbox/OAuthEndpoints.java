package wms.shopify.sandbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpExchange;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Shopify's install flow for one store: {@code GET /admin/oauth/authorize} checks the client id, scopes, redirect URI
 * and state and shows an approval page; approving redirects to the app with {@code code}, {@code hmac}, {@code host},
 * {@code shop}, {@code state} and {@code timestamp}; {@code POST /admin/oauth/access_token} exchanges the code once
 * (or a refresh token) for an offline access token.
 */
final class OAuthEndpoints {

    private static final Pattern SCOPE = Pattern.compile("(unauthenticated_)?(read|write)_[a-z_]+");

    private final SandboxSettings settings;
    private final AccessTokens tokens;

    OAuthEndpoints(SandboxSettings settings, AccessTokens tokens) {
        this.settings = settings;
        this.tokens = tokens;
    }

    /** Validates an authorize request; returns null when it is acceptable, else the reason. */
    String problem(Map<String, String> query) {
        if (!settings.clientId().equals(query.get("client_id"))) {
            return "Oauth error invalid_request: Could not find Shopify API application with api_key "
                    + query.get("client_id");
        }
        String scope = query.getOrDefault("scope", "");
        for (String s : scope.split(",")) {
            if (!SCOPE.matcher(s.trim()).matches()) {
                return "Oauth error invalid_scope: The access scope is invalid: " + s;
            }
        }
        String redirect = query.get("redirect_uri");
        boolean allowed = redirect != null
                && (settings.redirectUris().isEmpty()
                        ? redirect.startsWith("https://") || redirect.startsWith("http://")
                        : settings.redirectUris().contains(redirect));
        if (!allowed) {
            return "Oauth error invalid_request: The redirect_uri is not whitelisted";
        }
        if (query.getOrDefault("state", "").isBlank()) {
            return "Oauth error invalid_request: state (nonce) is missing";
        }
        return null;
    }

    void authorize(HttpExchange exchange, Shop shop) throws IOException {
        Map<String, String> query = readable(exchange.getRequestURI().getRawQuery());
        String problem = query == null ? "Oauth error invalid_request: the query is not URL-encoded" : problem(query);
        if (problem != null) {
            Http.html(
                    exchange, 400, "<html><body><h1>Oauth error</h1><p>" + Http.escape(problem) + "</p></body></html>");
            return;
        }
        StringBuilder hidden = new StringBuilder();
        query.forEach((k, v) -> hidden.append("<input type=\"hidden\" name=\"")
                .append(Http.escape(k))
                .append("\" value=\"")
                .append(Http.escape(v))
                .append("\">"));
        Http.html(
                exchange,
                200,
                "<html><head><title>Install app</title></head><body>"
                        + "<h1>Install app on " + Http.escape(shop.domain()) + "</h1>"
                        + "<p>The app asks for: " + Http.escape(query.get("scope")) + "</p>"
                        + "<form method=\"post\" action=\"approve\">" + hidden
                        + "<button type=\"submit\" id=\"install\">"
                        + "Install app</button></form></body></html>");
    }

    void approve(HttpExchange exchange, Shop shop) throws IOException {
        Map<String, String> form = readable(Http.body(exchange));
        String problem = form == null ? "Oauth error invalid_request: the form is not URL-encoded" : problem(form);
        if (problem != null) {
            Http.html(exchange, 400, "<html><body><p>" + Http.escape(problem) + "</p></body></html>");
            return;
        }
        Http.redirect(exchange, callback(shop, form));
    }

    /** The redirect back to the app after the merchant approved: a fresh code and Shopify's signed query. */
    String callback(Shop shop, Map<String, String> authorizeQuery) {
        Map<String, String> params = new LinkedHashMap<>();
        params.put("code", tokens.issueCode(shop.domain(), authorizeQuery.getOrDefault("scope", "")));
        params.put(
                "host",
                Base64.getEncoder()
                        .withoutPadding()
                        .encodeToString(("admin.shopify.com/store/"
                                        + shop.domain()
                                                .substring(0, shop.domain().indexOf('.')))
                                .getBytes(StandardCharsets.UTF_8)));
        params.put("shop", shop.domain());
        params.put("state", authorizeQuery.get("state"));
        params.put("timestamp", String.valueOf(settings.clock().instant().getEpochSecond()));
        String signed = ShopifySignatures.canonicalQuery(params) + "&hmac="
                + ShopifySignatures.queryHmac(params, settings.clientSecret());
        String redirect = authorizeQuery.get("redirect_uri");
        return redirect + (URI.create(redirect).getRawQuery() == null ? "?" : "&") + signed;
    }

    void accessToken(HttpExchange exchange, Shop shop) throws IOException {
        String raw = Http.body(exchange);
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        Map<String, String> request = new LinkedHashMap<>();
        if (type != null && type.startsWith("application/json")) {
            JsonNode body;
            try {
                body = Http.JSON.readTree(raw);
            } catch (JsonProcessingException e) {
                body = null;
            }
            if (body == null || !body.isObject()) {
                journal(shop, exchange, 400, "unreadable");
                Http.json(
                        exchange,
                        400,
                        Map.of(
                                "error",
                                "invalid_request",
                                "error_description",
                                "The request body is not a JSON object"));
                return;
            }
            // A member sent as null is one left out; numbers and booleans ("expiring": 1) are read as their text.
            body.fields().forEachRemaining(e -> {
                if (!e.getValue().isNull()) {
                    request.put(e.getKey(), e.getValue().asText());
                }
            });
        } else {
            Map<String, String> form = readable(raw);
            if (form == null) {
                journal(shop, exchange, 400, "unreadable");
                Http.json(
                        exchange,
                        400,
                        Map.of("error", "invalid_request", "error_description", "The request body is not URL-encoded"));
                return;
            }
            request.putAll(form);
        }
        boolean refresh = "refresh_token".equals(request.get("grant_type"));
        // Journaled by grant type only: the code, the tokens and the client secret stay out of the journal.
        String grant = refresh ? "refresh_token" : "authorization_code";
        if (!settings.clientId().equals(request.get("client_id"))
                || !settings.clientSecret().equals(request.get("client_secret"))) {
            journal(shop, exchange, 400, grant);
            Http.json(
                    exchange,
                    400,
                    Map.of("error", "invalid_client", "error_description", "Client credentials are invalid"));
            return;
        }
        Map<String, Object> answer = refresh
                ? tokens.refresh(shop.domain(), request.get("refresh_token"))
                : tokens.exchange(shop.domain(), request.get("code"), expiring(request.get("expiring")));
        if (answer == null) {
            journal(shop, exchange, 400, grant);
            Http.json(
                    exchange,
                    400,
                    Map.of(
                            "error",
                            refresh ? "invalid_grant" : "invalid_request",
                            "error_description",
                            refresh
                                    ? "The refresh token is invalid, expired or revoked"
                                    : "The authorization code was not found or was already used"));
            return;
        }
        journal(shop, exchange, 200, grant);
        Http.json(exchange, 200, answer);
    }

    /**
     * Whether the app asked for an expiring offline token: {@code expiring} is optional, and left out (as in Shopify's
     * own example of the request) it means a non-expiring token.
     */
    static boolean expiring(String expiring) {
        return "1".equals(expiring) || "true".equals(expiring);
    }

    /** URL-encoded parameters, or null when they are not (a stray {@code %}): Shopify answers 400, not 500. */
    private static Map<String, String> readable(String encoded) {
        try {
            return Http.parameters(encoded);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A token request in the shop's journal, its grant type as the operation name. */
    private static void journal(Shop shop, HttpExchange exchange, int status, String grant) {
        shop.journal()
                .record(new Journal.Request(
                        shop.now(),
                        exchange.getRequestMethod(),
                        exchange.getRequestURI().getPath(),
                        status,
                        grant,
                        null,
                        null,
                        null,
                        null));
    }
}
