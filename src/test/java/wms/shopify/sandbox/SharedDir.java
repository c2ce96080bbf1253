package wms.shopify.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The folder of shared reference material beside the project (Shopify's real schema, test vectors): the system
 * property {@code wms.shared.dir}, else {@code ../shared}. Tests fail with a clear message when it is absent.
 */
public final class SharedDir {

    private SharedDir() {}

    public static Path file(String relative) {
        Path dir = Path.of(System.getProperty("wms.shared.dir", "../shared"));
        Path file = dir.resolve(relative);
        if (!Files.isRegularFile(file)) {
            throw new IllegalStateException("Shared reference file " + file.toAbsolutePath() + " is missing: set the"
                    + " system property wms.shared.dir to the folder holding shopify/schema and shopify/test-vectors");
        }
        return file;
    }
}
