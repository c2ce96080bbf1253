package wms.shopify.adminapi.control;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Collection;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The one place that computes and checks Shopify's HMAC-SHA256 signatures: the OAuth callback's query (hex) and a
 * webhook's raw body (Base64). Comparisons take constant time, so an attacker cannot learn a signature byte by byte
 * from response times.
 */
public final class ShopifyHmac {

    private ShopifyHmac() {}

    /**
     * The text Shopify signs for a query: {@code hmac} and {@code signature} left out, keys sorted, {@code k=v}
     * joined by {@code &}, form-encoded with spaces as {@code %20} (the rules of Shopify's own libraries).
     */
    public static String canonicalQuery(Map<String, String> parameters) {
        return new TreeMap<>(parameters)
                .entrySet().stream()
                        .filter(e -> !e.getKey().equals("hmac") && !e.getKey().equals("signature"))
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
    }

    /** The hex HMAC of a query's canonical text. */
    public static String queryHmac(Map<String, String> parameters, String secret) {
        return HexFormat.of().formatHex(hmac(canonicalQuery(parameters).getBytes(StandardCharsets.UTF_8), secret));
    }

    /** Whether the query's {@code hmac} parameter is Shopify's signature of the rest with one of the secrets. */
    public static boolean queryIsSigned(Map<String, String> parameters, Collection<String> secrets) {
        String given = parameters.get("hmac");
        if (given == null || !given.matches("[0-9a-fA-F]{64}")) {
            return false;
        }
        byte[] expected = HexFormat.of().parseHex(given.toLowerCase(java.util.Locale.ROOT));
        byte[] canonical = canonicalQuery(parameters).getBytes(StandardCharsets.UTF_8);
        return anyMatches(canonical, expected, secrets);
    }

    /** The Base64 HMAC of a webhook body, over exactly the bytes received. */
    public static String bodyHmac(byte[] body, String secret) {
        return Base64.getEncoder().encodeToString(hmac(body, secret));
    }

    /** Whether the {@code X-Shopify-Hmac-Sha256} header is the signature of the raw body with one of the secrets. */
    public static boolean bodyIsSigned(byte[] body, String header, Collection<String> secrets) {
        if (header == null || header.isBlank()) {
            return false;
        }
        byte[] expected;
        try {
            expected = Base64.getDecoder().decode(header.trim());
        } catch (IllegalArgumentException e) {
            return false;
        }
        return anyMatches(body, expected, secrets);
    }

    private static boolean anyMatches(byte[] data, byte[] expected, Collection<String> secrets) {
        boolean matched = false;
        // Every secret is tried even after a match, so the time taken does not tell which secret signed.
        for (String secret : secrets) {
            matched |= MessageDigest.isEqual(hmac(data, secret), expected);
        }
        return matched;
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
