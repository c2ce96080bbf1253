package wms.shopify.webhooks.control;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import wms.shopify.sandbox.SharedDir;

class WebhookIntakeTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "   ", "{", "{\"id\":1", "{\"id\":1} {}", "{\"id\":1}x", "[1,2", "{\"a\":}", "nul",
        "{'id':1}", "{\"id\":01}"})
    void aBodyThatIsNotOneWellFormedJsonValueIsRefusedWith400(String body) {
        WebhookRejectedException refused = assertThrows(WebhookRejectedException.class,
                () -> WebhookIntake.requireJson(body.getBytes(StandardCharsets.UTF_8)));
        assertEquals(400, refused.status());
    }

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{\"id\":1}", " {\"a\":[1,{\"b\":null}]} \n", "[]", "\"text\"", "42"})
    void wellFormedJsonIsAccepted(String body) {
        assertDoesNotThrow(() -> WebhookIntake.requireJson(body.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void shopifysSampleOrderIsAccepted() throws Exception {
        byte[] sample = Files.readAllBytes(SharedDir.file("shopify/samples/order.json"));
        assertDoesNotThrow(() -> WebhookIntake.requireJson(sample));
    }
}
