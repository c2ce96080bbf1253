package wms.shopify.stock.control;

import java.net.ServerSocket;
import java.nio.file.Path;
import org.postgresql.ds.PGSimpleDataSource;
import wms.shopify.platform.database.EmbeddedDatabase;
import wms.shopify.platform.database.SchemaMigration;

/**
 * A PostgreSQL of its own for a test of stock's SQL rules: the embedded server on a free port, with every migration
 * applied, and a data source to it as the connector's user. Closed by the test when it ends.
 */
final class MigratedDatabase implements AutoCloseable {

    private final EmbeddedDatabase database;
    private final PGSimpleDataSource dataSource = new PGSimpleDataSource();

    /** @param name the database's name, also the start of its superuser's (one per test class) */
    MigratedDatabase(Path directory, String name) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        this.database =
                EmbeddedDatabase.start(directory, port, name, "wms", "wms", name.replace('_', '-') + "-superuser");
        this.dataSource.setUrl("jdbc:postgresql://localhost:" + port + "/" + name);
        this.dataSource.setUser("wms");
        this.dataSource.setPassword("wms");
        new SchemaMigration().migrate(this.dataSource);
    }

    PGSimpleDataSource dataSource() {
        return this.dataSource;
    }

    @Override
    public void close() {
        this.database.close();
    }
}
