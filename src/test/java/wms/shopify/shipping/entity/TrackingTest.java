package wms.shopify.shipping.entity;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingTest {

    private static Parcel parcel(String number, String url) {
        return new Parcel(number, url);
    }

    @Test
    void aNumberWithoutAUrlBeforeOneWithAUrlNeverTakesItsUrl() {
        Tracking tracking = Tracking.of(List.of(parcel("1Z999", null), parcel("1Z998", "https://t.example/1Z998")));
        assertEquals(List.of("1Z998", "1Z999"), tracking.numbers());
        assertEquals(List.of("https://t.example/1Z998"), tracking.urls());
    }

    @Test
    void everyMixKeepsEachUrlAtItsOwnNumbersPosition() {
        List<Parcel> parcels = List.of(
                parcel("A", null),
                parcel("B", "https://t.example/B"),
                parcel("C", null),
                parcel("D", "https://t.example/D"),
                parcel("E", "https://t.example/E"));
        Tracking tracking = Tracking.of(parcels);
        assertEquals(List.of("B", "D", "E", "A", "C"), tracking.numbers());
        for (int i = 0; i < tracking.urls().size(); i++) {
            assertEquals(
                    "https://t.example/" + tracking.numbers().get(i),
                    tracking.urls().get(i));
        }
        assertEquals(3, tracking.urls().size());
    }

    @Test
    void allWithUrlsOrNoneKeepTheWmsOrder() {
        Tracking all = Tracking.of(List.of(parcel("A", "https://t.example/A"), parcel("B", "https://t.example/B")));
        assertEquals(List.of("A", "B"), all.numbers());
        assertEquals(List.of("https://t.example/A", "https://t.example/B"), all.urls());
        Tracking none = Tracking.of(List.of(parcel("A", null), parcel("B", null)));
        assertEquals(List.of("A", "B"), none.numbers());
        assertEquals(List.of(), none.urls());
    }

    @Test
    void aUrlWithoutANumberFollowsTheNumbersOnlyWhenItCannotTakeAnothersPlace() {
        Tracking after = Tracking.of(List.of(parcel(null, "https://t.example/x"), parcel("A", "https://t.example/A")));
        assertEquals(List.of("A"), after.numbers());
        assertEquals(List.of("https://t.example/A", "https://t.example/x"), after.urls());
        Tracking left = Tracking.of(List.of(parcel(null, "https://t.example/x"), parcel("A", null)));
        assertEquals(List.of("A"), left.numbers());
        assertEquals(List.of(), left.urls(), "the URL would otherwise be shown as A's");
    }
}
