package wms.shopify.stock.boundary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import wms.shopify.stock.control.PushRecords;
import wms.shopify.stock.control.StockPusher;
import wms.shopify.stock.control.StockSettings;
import wms.shopify.stock.entity.OpenPush;

/**
 * The flusher's dispatch of one store's pushes, with the database and Shopify replaced by a queue of pushes and
 * sends the test lets finish: at most the configured number in flight, each push sent once, and a push the budget
 * cannot take yet scheduled for later on the scheduler rather than waited for on a thread.
 */
class StockFlusherTest {

    private static final long STORE = 7;

    private final ScheduledExecutorService threads = Executors.newScheduledThreadPool(8);
    private final AtomicInteger scheduled = new AtomicInteger();
    private final FakePusher pusher = new FakePusher();
    private final StockFlusher flusher = new StockFlusher();

    StockFlusherTest() {
        this.flusher.executor = managed(ManagedExecutorService.class, this.threads);
        this.flusher.scheduler = managed(ManagedScheduledExecutorService.class, this.threads);
        this.flusher.pusher = this.pusher;
        this.flusher.records = new PushRecords() {
            @Override
            public List<Long> storesWithWork() {
                return List.of(STORE);
            }
        };
        this.flusher.settings = new StockSettings() {
            @Override
            public int pushesInFlight() {
                return 3;
            }
        };
    }

    @AfterEach
    void stop() {
        this.pusher.finishing.release(1000);
        this.threads.shutdownNow();
    }

    @Test
    void aStoresPushesOverlapUpToTheLimitAndEachIsSentOnce() throws Exception {
        this.pusher.add(10);
        this.flusher.tick();
        await(() -> this.pusher.inFlight.get() == 3, "three pushes in flight");
        this.flusher.tick(); // a tick meanwhile adds none beyond the limit
        assertEquals(3, this.pusher.claimed.size(), "no push claimed beyond the three in flight");

        this.pusher.finishing.release(1000);
        await(() -> this.pusher.sent.size() == 10, "all ten sent");
        assertEquals(3, this.pusher.mostInFlight.get(), "never more than three at once");
        List<Long> sent = new ArrayList<>(this.pusher.sent);
        Collections.sort(sent);
        assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L), sent, "each push sent once");
    }

    @Test
    void aPushTheBudgetCannotTakeYetIsScheduledNotWaitedFor() throws Exception {
        this.pusher.finishing.release(1000);
        this.pusher.add(4);
        this.pusher.budgetShortFor = 2; // the second push finds the budget short once
        this.flusher.tick();
        await(() -> this.pusher.sent.size() == 4, "all four sent");
        assertEquals(1, this.scheduled.get(), "the short budget was waited for on the scheduler");
        assertEquals(2, this.pusher.holds.stream().filter(id -> id == 2).count(), "asked again when it refilled");
        assertTrue(this.pusher.waitedFor2.compareTo(Duration.ofMillis(40)) >= 0, "its wait is noted");
    }

    /** A managed executor as the server would give it, on plain threads; schedules are counted. */
    @SuppressWarnings("unchecked")
    private <T> T managed(Class<T> type, ScheduledExecutorService delegate) {
        return (T) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            if (method.getName().equals("schedule")) {
                this.scheduled.incrementAndGet();
            }
            try {
                return ScheduledExecutorService.class
                        .getMethod(method.getName(), method.getParameterTypes())
                        .invoke(delegate, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        for (int i = 0; i < 1000 && !condition.getAsBoolean(); i++) {
            Thread.sleep(10);
        }
        assertTrue(condition.getAsBoolean(), what);
    }

    /** Pushes from a queue; each send holds until the test lets it finish. */
    private static final class FakePusher extends StockPusher {
        final Deque<OpenPush> queue = new ArrayDeque<>();
        final List<Long> claimed = Collections.synchronizedList(new ArrayList<>());
        final List<Long> holds = Collections.synchronizedList(new ArrayList<>());
        final List<Long> sent = Collections.synchronizedList(new ArrayList<>());
        final AtomicInteger inFlight = new AtomicInteger();
        final AtomicInteger mostInFlight = new AtomicInteger();
        final Semaphore finishing = new Semaphore(0);
        volatile long budgetShortFor = -1;
        volatile Duration waitedFor2 = Duration.ZERO;

        synchronized void add(int count) {
            for (int id = 1; id <= count; id++) {
                this.queue.add(new OpenPush(id, STORE, "DELTA", "key-" + id, "{}", 1, 1, Instant.EPOCH));
            }
        }

        @Override
        public synchronized Optional<OpenPush> next(long storeId) {
            OpenPush push = this.queue.poll();
            if (push != null) {
                this.claimed.add(push.id());
            }
            return Optional.ofNullable(push);
        }

        @Override
        public Duration hold(OpenPush push) {
            this.holds.add(push.id());
            if (push.id() == this.budgetShortFor) {
                this.budgetShortFor = -1;
                return Duration.ofMillis(50);
            }
            return Duration.ZERO;
        }

        @Override
        public void sendHeld(OpenPush push, Duration waited) {
            int now = this.inFlight.incrementAndGet();
            this.mostInFlight.accumulateAndGet(now, Math::max);
            if (push.id() == 2) {
                this.waitedFor2 = waited;
            }
            try {
                this.finishing.acquire();
                this.finishing.release();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            this.sent.add(push.id());
            this.inFlight.decrementAndGet();
        }
    }
}
