package wms.shopify.sandbox;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Which webhook addresses {@code webhookSubscriptionCreate} accepts. Shopify: "Your endpoint must be an HTTPS webhook
 * address with a valid SSL certificate", and localhost, addresses ending in "internal" and Shopify's own domains "can't
 * be endpoints for a webhook" (shopify.dev/apps/webhooks/https). The answer is a user error on
 * {@code ["webhookSubscription", "callbackUrl"]}, without a code: "Address protocol http:// is not supported", and for
 * a local address "Address cannot be a Shopify or an internal domain" (both wordings as Shopify gave them to apps that
 * tried, quoted in docs/sandbox.md). A sandbox started for a local demo ({@link ShopifySandbox#startForLocalDemo})
 * accepts plain-HTTP local addresses, because the connector and the sandbox then run on one machine without TLS.
 */
final class CallbackAddresses {

    static final String HTTP_REFUSED = "Address protocol http:// is not supported";
    static final String INTERNAL_REFUSED = "Address cannot be a Shopify or an internal domain";
    static final String INVALID = "Address is invalid";

    private CallbackAddresses() {}

    /** The messages of the user errors for this address, empty when it is accepted. */
    static List<String> problems(String uri, boolean localDemo) {
        List<String> problems = new ArrayList<>();
        if (uri == null || !(uri.startsWith("https://") || uri.startsWith("http://"))) {
            problems.add(INVALID);
            return problems;
        }
        if (localDemo) {
            return problems;
        }
        if (uri.startsWith("http://")) {
            problems.add(HTTP_REFUSED);
        }
        String host;
        try {
            host = URI.create(uri).getHost();
        } catch (IllegalArgumentException e) {
            problems.add(INVALID);
            return problems;
        }
        host = host == null ? "" : host.toLowerCase(Locale.ROOT);
        if (host.isEmpty()
                || host.equals("localhost")
                || host.startsWith("127.")
                || host.endsWith("internal")
                || host.endsWith(".myshopify.com")
                || host.equals("shopify.com")
                || host.endsWith(".shopify.com")) {
            problems.add(INTERNAL_REFUSED);
        }
        return problems;
    }
}
