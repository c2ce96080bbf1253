package wms.shopify.sandbox;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA256 signatures Shopify puts on what it sends an app, keyed with the app's client secret: the hex
 * {@code hmac} of an OAuth callback's query and the Base64 {@code X-Shopify-Hmac-Sha256} of a webhook's exact body.
 */
public final class ShopifySignatures {

    private ShopifySignatures() {}

    /**
     * The canonical form of a query that Shopify signs: {@code hmac} and {@code signature} removed, keys sorted,
     * {@code k=v} joined by {@code &}, values form-encoded with spaces as {@code %20} (shopify-app-js rules).
     */
    public static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("hmac") && !e.getKey().equals("signature"))
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** The hex {@code hmac} of an OAuth redirect's query parameters. */
    public static String queryHmac(Map<String, String> parameters, String clientSecret) {
        return HexFormat.of()
                .formatHex(hmac(canonicalQuery(parameters).getBytes(StandardCharsets.UTF_8), clientSecret));
    }

    /** The Base64 {@code X-Shopify-Hmac-Sha256} of a webhook body, over the exact bytes sent. */
    public static String bodyHmac(byte[] body, String clientSecret) {
        return Base64.getEncoder().encodeToString(hmac(body, clientSecret));
    }

    private static byte[] hmac(byte[] data, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
