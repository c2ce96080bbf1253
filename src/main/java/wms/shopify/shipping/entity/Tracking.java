package wms.shopify.shipping.entity;

import java.util.ArrayList;
import java.util.List;

/**
 * A shipment's tracking as Shopify takes it: the numbers and the URLs as two lists that Shopify pairs by position
 * ({@code FulfillmentTrackingInput.numbers} and {@code urls}). Parcels with a number and a URL come first, in the
 * WMS's order, then the numbers without a URL: so every URL sits at its own number's position whatever mix of
 * parcels the shipment has, and a number without a URL gets none (Shopify builds one from a carrier it knows) instead
 * of another parcel's. A URL of a parcel without a number follows the numbers when every number has its URL; when
 * some number has none, such a URL is left out, as it would take that number's position.
 *
 * @param numbers the tracking numbers, those with a URL first
 * @param urls the URLs, position for position with {@code numbers}, then those of parcels without a number
 */
public record Tracking(List<String> numbers, List<String> urls) {

    public Tracking {
        numbers = List.copyOf(numbers);
        urls = List.copyOf(urls);
    }

    /** The tracking of these parcels, each number paired with its own URL. */
    public static Tracking of(List<Parcel> parcels) {
        List<String> numbers = new ArrayList<>();
        List<String> urls = new ArrayList<>();
        List<String> numbersWithoutUrl = new ArrayList<>();
        List<String> urlsWithoutNumber = new ArrayList<>();
        for (Parcel parcel : parcels) {
            String number = parcel.trackingNumber();
            String url = parcel.trackingUrl();
            if (number != null && url != null) {
                numbers.add(number);
                urls.add(url);
            } else if (number != null) {
                numbersWithoutUrl.add(number);
            } else if (url != null) {
                urlsWithoutNumber.add(url);
            }
        }
        numbers.addAll(numbersWithoutUrl);
        if (numbersWithoutUrl.isEmpty()) {
            urls.addAll(urlsWithoutNumber);
        }
        return new Tracking(numbers, urls);
    }
}
