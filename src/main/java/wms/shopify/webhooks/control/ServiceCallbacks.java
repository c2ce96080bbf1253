package wms.shopify.webhooks.control;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.logging.Logger;
import wms.shopify.adminapi.control.ShopifyApp;
import wms.shopify.adminapi.control.ShopifyHmac;
import wms.shopify.adminapi.entity.InvalidShopDomainException;
import wms.shopify.adminapi.entity.ShopDomain;
import wms.shopify.webhooks.entity.TrackingNumbersAsked;

/**
 * The questions Shopify asks a fulfillment service the connector registered, under its callback URL, and answers
 * at once (nothing is stored): {@code GET <callbackUrl>/fetch_tracking_numbers} and {@code GET
 * <callbackUrl>/fetch_stock}. Both are checked here, the one way: a call is believed only when signed with the app's
 * secret ({@code X-Shopify-Hmac-Sha256}, the Base64 HMAC-SHA256 of the raw query string, which binds the signature to
 * what is asked; or of the raw body as the service's notifications are, for a GET the empty body, as Shopify's
 * documentation does not say which of the two its GET callbacks sign) and when it names its shop
 * ({@code X-Shopify-Shop-Domain}, or the {@code shop} parameter; both given must agree). The tracking numbers come
 * from the component that keeps them, through a CDI event fired synchronously ({@link TrackingNumbersAsked}), as the
 * webhooks component knows no other component.
 */
@ApplicationScoped
public class ServiceCallbacks {

    private static final Logger LOG = Logger.getLogger(ServiceCallbacks.class.getName());

    /** The most fulfillment names one call is answered for; the rest are left out (Shopify asks again). */
    public static final int MOST_NAMES = 250;

    @Inject
    ShopifyApp app;

    @Inject
    Clock clock;

    @Inject
    Event<TrackingNumbersAsked> trackingNumbersAsked;

    /**
     * The shop of a signed GET callback.
     *
     * @param rawQuery the request's query string as sent (not decoded), or null
     * @param shopParameter the {@code shop} query parameter, or null
     * @throws WebhookRejectedException 401 for a bad or missing signature, 400 when no shop (or two different ones)
     *     is named
     */
    public ShopDomain verified(WebhookHeaders headers, String rawQuery, String shopParameter) {
        String header = headers.get(WebhookHeaders.SHOP);
        String signature = headers.get(WebhookHeaders.HMAC);
        List<String> secrets = this.app.secretsAcceptedAt(this.clock.instant());
        byte[] query = (rawQuery == null ? "" : rawQuery).getBytes(StandardCharsets.UTF_8);
        if (!ShopifyHmac.bodyIsSigned(query, signature, secrets)
                && !ShopifyHmac.bodyIsSigned(new byte[0], signature, secrets)) {
            LOG.warning(() -> "Refused a fulfillment service callback with a wrong or missing signature (claimed shop: "
                    + WebhookIntake.printable(header != null ? header : shopParameter) + ")");
            throw new WebhookRejectedException(401, "The HMAC signature is wrong or missing.");
        }
        if (header != null && shopParameter != null && !header.trim().equalsIgnoreCase(shopParameter.trim())) {
            throw new WebhookRejectedException(400, "X-Shopify-Shop-Domain and shop name different shops.");
        }
        String named = header != null ? header : shopParameter;
        try {
            return ShopDomain.parse(named);
        } catch (InvalidShopDomainException | NullPointerException e) {
            throw new WebhookRejectedException(
                    400, "The shop (X-Shopify-Shop-Domain or shop) is missing or not a myshopify.com domain.");
        }
    }

    /**
     * The tracking numbers of the store's fulfillments named: each name once, at most {@link #MOST_NAMES}.
     *
     * @throws WebhookRejectedException 404 when the store is not one the connector serves
     */
    public TrackingNumbersAsked trackingNumbers(ShopDomain shop, List<String> names) {
        List<String> asked = new LinkedHashSet<>(names.stream()
                        .filter(n -> n != null && !n.isBlank())
                        .map(String::trim)
                        .toList())
                .stream().limit(MOST_NAMES).toList();
        TrackingNumbersAsked question = new TrackingNumbersAsked(shop, asked);
        this.trackingNumbersAsked.fire(question);
        if (!question.isStoreKnown()) {
            throw new WebhookRejectedException(404, "Unknown or disconnected store.");
        }
        return question;
    }
}
