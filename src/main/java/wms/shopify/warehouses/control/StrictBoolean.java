package wms.shopify.warehouses.control;

import jakarta.json.bind.JsonbException;
import jakarta.json.bind.serializer.DeserializationContext;
import jakarta.json.bind.serializer.JsonbDeserializer;
import jakarta.json.stream.JsonParser;
import java.lang.reflect.Type;

/**
 * Reads only JSON {@code true} and {@code false} as a boolean. JSON-B's default also takes strings and reads
 * {@code "yes"} as false, which would silently deactivate a warehouse the WMS meant to keep active.
 */
public class StrictBoolean implements JsonbDeserializer<Boolean> {

    @Override
    public Boolean deserialize(JsonParser parser, DeserializationContext context, Type type) {
        JsonParser.Event event = parser.currentEvent();
        // Depending on how it is reached, the parser may still be on the member's name.
        if (event == JsonParser.Event.KEY_NAME) {
            event = parser.next();
        }
        return switch (event) {
            case VALUE_TRUE -> Boolean.TRUE;
            case VALUE_FALSE -> Boolean.FALSE;
            case VALUE_NULL -> null;
            default -> throw new JsonbException("expected true or false");
        };
    }
}
