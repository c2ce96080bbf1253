package wms.shopify.platform.web;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.rest.client.RestClientBuilder;

/**
 * The MicroProfile Rest Clients of one interface for the systems the connector calls (each Shopify store, the
 * WMS), one per base address, built the same way for all: connect and read timeouts, redirects not followed, and no
 * exception for a 4xx or 5xx, so that a method returning {@code Response} sees every status and header and decides
 * itself (retry, refresh, refuse). A client is shared by every thread (its connections are pooled) and closed once it
 * has not been used for {@link #IDLE}, so that stores no longer called hold no connections. (Liberty's
 * implementation, RESTEasy on Apache HttpClient, pools up to 50 connections per client and address: as many calls of
 * one store as may be in flight at once.) Nothing sent or received
 * is logged here.
 *
 * @param <T> the client interface
 */
public final class RestClients<T> implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(RestClients.class.getName());

    /** How long a client may go unused before it is closed (a later call builds it again). */
    public static final Duration IDLE = Duration.ofMinutes(10);

    private final Function<URI, T> build;
    private final Duration idle;
    private final LongSupplier nanos;
    private final Map<URI, Used<T>> clients = new HashMap<>();
    private long lastSweep;

    /** A client and when it was last handed out (System.nanoTime). */
    private record Used<T>(T client, long at) {}

    /** Clients of this interface with these timeouts, one per base address. */
    public static <T> RestClients<T> of(Class<T> type, Duration connectTimeout, Duration readTimeout) {
        return new RestClients<>(base -> build(type, base, connectTimeout, readTimeout), IDLE, System::nanoTime);
    }

    RestClients(Function<URI, T> build, Duration idle, LongSupplier nanos) {
        this.build = build;
        this.idle = idle;
        this.nanos = nanos;
        this.lastSweep = nanos.getAsLong();
    }

    /**
     * One client for this interface at this address, built the connector's way: the timeouts, no redirects followed
     * (a redirect from Shopify or the WMS is an answer to look at, not to follow with a token), no default exception
     * mapper. The caller closes it ({@link #closeClient(Object)}) when done.
     *
     * @param readTimeout how long the answer may keep the client waiting for its next bytes: the wait for the answer
     *     to start, and any pause while a body streams in
     */
    public static <T> T build(Class<T> type, URI base, Duration connectTimeout, Duration readTimeout) {
        return RestClientBuilder.newBuilder()
                .baseUri(base)
                .connectTimeout(connectTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(readTimeout.toMillis(), TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status reaches the caller as a Response: 401, 429 and 5xx mean different things to it.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(type);
    }

    /** The client for this base address: the one built before unless it was closed as idle. */
    public T to(URI base) {
        List<T> idleOnes;
        T client;
        synchronized (this.clients) {
            long now = this.nanos.getAsLong();
            idleOnes = idleOnes(now);
            Used<T> used = this.clients.get(base);
            client = used == null ? this.build.apply(base) : used.client();
            this.clients.put(base, new Used<>(client, now));
        }
        idleOnes.forEach(RestClients::closeClient);
        return client;
    }

    /** How many clients are open: one per address used within {@link #IDLE}. */
    public int open() {
        synchronized (this.clients) {
            return this.clients.size();
        }
    }

    /**
     * Takes out the clients unused for longer than the idle time, at most once per idle time: a call that was handed
     * a client then has long finished with it (its read timeout is far shorter).
     */
    private List<T> idleOnes(long now) {
        List<T> gone = new ArrayList<>();
        if (now - this.lastSweep < this.idle.toNanos()) {
            return gone;
        }
        this.lastSweep = now;
        for (Iterator<Used<T>> all = this.clients.values().iterator(); all.hasNext(); ) {
            Used<T> used = all.next();
            if (now - used.at() >= this.idle.toNanos()) {
                gone.add(used.client());
                all.remove();
            }
        }
        return gone;
    }

    /** Closes every client (when the application stops). */
    @Override
    public void close() {
        List<T> all;
        synchronized (this.clients) {
            all = this.clients.values().stream().map(Used::client).toList();
            this.clients.clear();
        }
        all.forEach(RestClients::closeClient);
    }

    /** Closes a client built by {@link #build}: its connections are released. */
    public static void closeClient(Object client) {
        if (client instanceof AutoCloseable closeable) {
            try {
                closeable.close();
            } catch (Exception e) {
                LOG.log(Level.FINE, "Closing a client failed", e);
            }
        }
    }
}
