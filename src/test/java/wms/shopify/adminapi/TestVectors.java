package wms.shopify.adminapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Shopify's published test cases in the shared folder beside the project (system property {@code wms.shared.dir},
 * else {@code ../shared}); never copied into the repository. Fails clearly when the folder is absent.
 */
public final class TestVectors {

    private TestVectors() {}

    public static Path shared(String relative) {
        Path file = Path.of(System.getProperty("wms.shared.dir", "../shared")).resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Shared reference file " + file.toAbsolutePath() + " is missing: set "
                    + "wms.shared.dir to the folder holding shopify/schema and shopify/test-vectors");
        }
        return file;
    }

    public static JsonNode json(String name) throws IOException {
        return new ObjectMapper()
                .readTree(shared("shopify/test-vectors/" + name).toFile());
    }
}
