package wms.shopify.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** One client per address, shared, and closed once it has gone unused for the idle time. */
class RestClientsTest {

    private static final URI STORE_A = URI.create("https://a.myshopify.com");
    private static final URI STORE_B = URI.create("https://b.myshopify.com");

    /** A client that only knows its address and whether it was closed. */
    private static final class Client implements AutoCloseable {
        final URI base;
        boolean closed;

        Client(URI base) {
            this.base = base;
        }

        @Override
        public void close() {
            this.closed = true;
        }
    }

    private final AtomicLong nanos = new AtomicLong(1_000);
    private final List<Client> built = new ArrayList<>();
    private final RestClients<Client> clients = new RestClients<>(
            base -> {
                Client client = new Client(base);
                this.built.add(client);
                return client;
            },
            Duration.ofMinutes(10),
            this.nanos::get);

    @Test
    void oneClientPerAddressIsBuiltOnceAndShared() {
        Client a = this.clients.to(STORE_A);
        Client b = this.clients.to(STORE_B);
        assertSame(a, this.clients.to(STORE_A));
        assertNotSame(a, b);
        assertEquals(STORE_B, b.base);
        assertEquals(2, this.built.size());
        assertEquals(2, this.clients.open());
    }

    @Test
    void aClientUnusedForTheIdleTimeIsClosedAndBuiltAgainWhenNeeded() {
        Client a = this.clients.to(STORE_A);
        Client b = this.clients.to(STORE_B);
        this.nanos.addAndGet(Duration.ofMinutes(6).toNanos());
        assertSame(b, this.clients.to(STORE_B)); // b is used again; a is not
        this.nanos.addAndGet(Duration.ofMinutes(5).toNanos());
        assertSame(b, this.clients.to(STORE_B));

        assertTrue(a.closed, "a was unused for 11 minutes");
        assertFalse(b.closed, "b was used 5 minutes ago");
        assertEquals(1, this.clients.open());
        Client again = this.clients.to(STORE_A);
        assertNotSame(a, again);
        assertFalse(again.closed);
    }

    @Test
    void aClientUsedWithinTheIdleTimeStaysOpen() {
        Client a = this.clients.to(STORE_A);
        for (int minute = 0; minute < 30; minute++) {
            this.nanos.addAndGet(Duration.ofMinutes(9).toNanos());
            assertSame(a, this.clients.to(STORE_A));
        }
        assertFalse(a.closed);
        assertEquals(1, this.built.size());
    }

    @Test
    void closingClosesEveryClient() {
        Client a = this.clients.to(STORE_A);
        Client b = this.clients.to(STORE_B);
        this.clients.close();
        assertTrue(a.closed && b.closed);
        assertEquals(0, this.clients.open());
    }
}
