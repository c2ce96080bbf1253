package wms.shopify.webhooks.entity;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import jakarta.json.stream.JsonParser;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * A stored delivery handed to the components (a CDI event fired by webhook processing). The component that owns
 * the topic acts on it and says so with {@link #handled(String)}; a topic nobody handles is kept for later.
 */
public final class WebhookReceived {

    /**
     * The topic under which a fulfillment service's notification is stored and handed out: Shopify's signed POST of
     * {@code {"kind": "FULFILLMENT_REQUEST"}} or {@code {"kind": "CANCELLATION_REQUEST"}} to
     * {@code <callbackUrl>/fulfillment_order_notification} (no topic header of its own).
     */
    public static final String FULFILLMENT_ORDER_NOTIFICATION = "fulfillment_order_notification";

    /**
     * The path, under the webhook address, that a fulfillment service registered by the connector has as its
     * callback URL (Shopify appends {@code /fulfillment_order_notification}).
     */
    public static final String FULFILLMENT_SERVICE_PATH = "/fulfillment-service";

    private final long deliveryId;
    private final long storeId;
    private final ShopDomain shop;
    private final String topic;
    private final byte[] body;
    private String handledNote;
    private Optional<JsonObject> topLevel;

    public WebhookReceived(long deliveryId, long storeId, ShopDomain shop, String topic, byte[] body) {
        this.deliveryId = deliveryId;
        this.storeId = storeId;
        this.shop = shop;
        this.topic = topic;
        this.body = body.clone();
    }

    public long deliveryId() {
        return this.deliveryId;
    }

    public long storeId() {
        return this.storeId;
    }

    public ShopDomain shop() {
        return this.shop;
    }

    /** The REST-style topic, e.g. {@code orders/create}. */
    public String topic() {
        return this.topic;
    }

    public String bodyText() {
        return new String(this.body, StandardCharsets.UTF_8);
    }

    /**
     * The top-level fields of the body, when it is a JSON object: scalars with their values, and a nested object or
     * array as an empty one of its kind (enough to say it is there). Read as a stream, once per delivery, without
     * building the nested values: an order webhook's body is the whole order (tens of KiB), and the rules and the
     * components that act on it need only its ids. Empty when the body is not a JSON object.
     */
    public Optional<JsonObject> topLevel() {
        if (this.topLevel == null) {
            this.topLevel = readTopLevel(this.body);
        }
        return this.topLevel;
    }

    private static Optional<JsonObject> readTopLevel(byte[] body) {
        JsonObjectBuilder fields = Json.createObjectBuilder();
        try (JsonParser parser = Json.createParser(new ByteArrayInputStream(body))) {
            if (!parser.hasNext() || parser.next() != JsonParser.Event.START_OBJECT) {
                return Optional.empty();
            }
            while (true) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.END_OBJECT) {
                    break;
                }
                String key = parser.getString();
                switch (parser.next()) {
                    case START_OBJECT -> {
                        parser.skipObject();
                        fields.add(key, JsonValue.EMPTY_JSON_OBJECT);
                    }
                    case START_ARRAY -> {
                        parser.skipArray();
                        fields.add(key, JsonValue.EMPTY_JSON_ARRAY);
                    }
                    default -> fields.add(key, parser.getValue());
                }
            }
            return parser.hasNext() ? Optional.empty() : Optional.of(fields.build());
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.empty(); // not JSON
        }
    }

    /** The body as a JSON object; an empty object when it is not one (not JSON, an array...). */
    public JsonObject bodyObject() {
        try (JsonReader reader = Json.createReader(new StringReader(bodyText()))) {
            JsonValue value = reader.readValue();
            return value instanceof JsonObject object ? object : JsonValue.EMPTY_JSON_OBJECT;
        } catch (JsonException | IllegalStateException e) {
            return JsonValue.EMPTY_JSON_OBJECT;
        }
    }

    /** Called by the component that acted on the delivery, with what it did (shown on the Activity page). */
    public void handled(String note) {
        this.handledNote = note;
    }

    public boolean isHandled() {
        return this.handledNote != null;
    }

    public String handledNote() {
        return this.handledNote;
    }
}
