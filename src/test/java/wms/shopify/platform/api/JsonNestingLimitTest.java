package wms.shopify.platform.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Bodies nested deeper than the limit are a 400 naming the body; brackets inside strings do not count. */
class JsonNestingLimitTest {

    @Test
    void aBodyAtTheLimitIsReadUnchanged() throws IOException {
        byte[] body = ("[".repeat(JsonNestingLimit.MAX_DEPTH) + "]".repeat(JsonNestingLimit.MAX_DEPTH))
                .getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, read(body));
    }

    @Test
    void oneLevelMoreIsAnInvalidRequestNamingTheBody() {
        int depth = JsonNestingLimit.MAX_DEPTH + 1;
        byte[] body = ("{\"a\":".repeat(depth) + "1" + "}".repeat(depth)).getBytes(StandardCharsets.UTF_8);
        InvalidRequestException refused = assertThrows(InvalidRequestException.class, () -> read(body));
        assertEquals(
                List.of(new FieldError(
                        "body", "nests arrays and objects more than " + JsonNestingLimit.MAX_DEPTH + " levels deep")),
                refused.errors());
        assertEquals(400, Problems.of(refused, "/api/v1/warehouses").status());
    }

    @Test
    void bracketsInStringsAndEscapedQuotesDoNotCount() throws IOException {
        String text = "\"" + "[{".repeat(200) + "\\\"[[[" + "\"";
        byte[] body = ("{\"note\":" + text + ",\"list\":[[1]]}").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, read(body));
    }

    @Test
    void closedLevelsAreGivenBack() throws IOException {
        byte[] body = ("[" + "[[]],".repeat(1000) + "[]]").getBytes(StandardCharsets.UTF_8);
        assertArrayEquals(body, read(body));
    }

    private static byte[] read(byte[] body) throws IOException {
        try (InputStream in = new JsonNestingLimit(new ByteArrayInputStream(body))) {
            byte[] first = new byte[3];
            int n = in.read(first, 0, 3); // a short read first, then the rest byte by byte and in blocks
            int single = in.read();
            byte[] rest = in.readAllBytes();
            byte[] all = new byte[n + 1 + rest.length];
            System.arraycopy(first, 0, all, 0, n);
            all[n] = (byte) single;
            System.arraycopy(rest, 0, all, n + 1, rest.length);
            return all;
        }
    }
}
