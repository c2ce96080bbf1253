package wms.shopify.platform.security;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed attempts (to sign in, to authenticate an API call) per key, an account or a client address, and locks
 * a key out for a while once it has failed too often: the first lock lasts the base period, each further one twice
 * as long up to the longest, until the key has been quiet for the window. Guessing a password then costs hours
 * instead of seconds, while a person who mistyped waits a minute at most. Kept in memory, per server instance.
 */
public final class FailureThrottle {

    /** Tallies kept at most; beyond, quiet ones are forgotten first, so a flood of made-up keys cannot fill memory. */
    static final int MAX_KEYS = 10_000;

    private final int failuresBeforeLock;
    private final Duration firstLock;
    private final Duration longestLock;
    private final Duration window;
    private final Map<String, Tally> tallies = new ConcurrentHashMap<>();

    /**
     * @param failuresBeforeLock failed attempts in a row that start a lock
     * @param firstLock how long the first lock lasts; each further one doubles
     * @param longestLock the longest a lock lasts
     * @param window how long a key must stay without failures before its count and lock growth start again
     */
    public FailureThrottle(int failuresBeforeLock, Duration firstLock, Duration longestLock, Duration window) {
        if (failuresBeforeLock < 1 || firstLock.isNegative() || longestLock.compareTo(firstLock) < 0) {
            throw new IllegalArgumentException("A throttle needs at least one failure before a lock and a longest"
                    + " lock no shorter than the first");
        }
        this.failuresBeforeLock = failuresBeforeLock;
        this.firstLock = firstLock;
        this.longestLock = longestLock;
        this.window = window;
    }

    /**
     * A throttle from settings as an operator gives them, in seconds: values below the least sensible ones are
     * raised to them (one failure, a one-second lock, a longest lock no shorter than the first), and a key's count
     * starts again after a quiet spell as long as the longest lock.
     */
    public static FailureThrottle of(int failuresBeforeLock, long lockSeconds, long longestLockSeconds) {
        Duration lock = Duration.ofSeconds(Math.max(1, lockSeconds));
        Duration longest = Duration.ofSeconds(Math.max(lock.toSeconds(), longestLockSeconds));
        return new FailureThrottle(Math.max(1, failuresBeforeLock), lock, longest, longest);
    }

    /** How long the key is still locked out at this instant, if it is. */
    public Optional<Duration> lockedFor(String key, Instant now) {
        Tally tally = this.tallies.get(key);
        if (tally == null) {
            return Optional.empty();
        }
        synchronized (tally) {
            return tally.lockedUntil != null && now.isBefore(tally.lockedUntil)
                    ? Optional.of(Duration.between(now, tally.lockedUntil))
                    : Optional.empty();
        }
    }

    /**
     * Counts a failed attempt of the key.
     *
     * @return the lock this failure started, if it started one
     */
    public Optional<Lock> failed(String key, Instant now) {
        if (this.tallies.size() >= MAX_KEYS) {
            forgetQuiet(now);
        }
        Tally tally = this.tallies.computeIfAbsent(key, k -> new Tally());
        synchronized (tally) {
            if (tally.lastFailure != null && now.isAfter(tally.lastFailure.plus(this.window))) {
                tally.failures = 0;
                tally.locks = 0;
            }
            tally.failures++;
            tally.lastFailure = now;
            if (tally.failures < this.failuresBeforeLock) {
                return Optional.empty();
            }
            Duration length = lockLength(tally.locks);
            int failures = tally.failures;
            tally.locks++;
            tally.failures = 0;
            tally.lockedUntil = now.plus(length);
            return Optional.of(new Lock(key, failures, length, tally.lockedUntil));
        }
    }

    /** Forgets the key's failures: it proved itself (the right password). */
    public void succeeded(String key) {
        this.tallies.remove(key);
    }

    /** How many keys have a tally now (for tests of the memory bound). */
    int keys() {
        return this.tallies.size();
    }

    private Duration lockLength(int locksBefore) {
        Duration length = this.firstLock;
        for (int i = 0; i < locksBefore && length.compareTo(this.longestLock) < 0; i++) {
            length = length.multipliedBy(2);
        }
        return length.compareTo(this.longestLock) > 0 ? this.longestLock : length;
    }

    private void forgetQuiet(Instant now) {
        this.tallies.entrySet().removeIf(entry -> {
            Tally tally = entry.getValue();
            synchronized (tally) {
                boolean locked = tally.lockedUntil != null && now.isBefore(tally.lockedUntil);
                return !locked && (tally.lastFailure == null || now.isAfter(tally.lastFailure.plus(this.window)));
            }
        });
    }

    /**
     * A lock that a failure started.
     *
     * @param key the account or client locked out
     * @param failures the failed attempts that led to it
     * @param length how long it lasts
     * @param until when it ends
     */
    public record Lock(String key, int failures, Duration length, Instant until) {}

    /** The failures of one key; guarded by its own monitor. */
    private static final class Tally {
        int failures;
        int locks;
        Instant lastFailure;
        Instant lockedUntil;
    }
}
