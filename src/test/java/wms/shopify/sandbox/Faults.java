package wms.shopify.sandbox;

import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Faults a test injects into one sandbox store: a share of 5xx answers (before or after the write took place), 429
 * with {@code Retry-After}, bursts of THROTTLED, added latency, dropped, duplicated, delayed and reordered webhooks, and
 * a revoked token. Random choices use a generator seeded per store, so a failing test replays exactly; a share of 0 or
 * 1 is certain.
 */
public final class Faults {

    private final Random random;
    private final Runnable tokenRevoker;
    private volatile double serverErrorShare;
    private volatile double serverErrorAfterWriteShare;
    private volatile int serverErrorStatus = 503;
    private volatile double tooManyRequestsShare;
    private volatile double retryAfterSeconds = 2.0;
    private final AtomicInteger throttledBurst = new AtomicInteger();
    private final AtomicInteger tooManyRequestsBurst = new AtomicInteger();
    private volatile Duration latency = Duration.ZERO;
    private volatile Duration returnLatency = Duration.ZERO;
    private volatile Duration answerDelayAfterWrite = Duration.ZERO;
    private final AtomicInteger delayedAfterWrite = new AtomicInteger();
    private volatile double webhookDropShare;
    private volatile double webhookDuplicateShare;
    private volatile Duration webhookDelay = Duration.ZERO;
    private volatile Duration webhookReorderWindow = Duration.ZERO;
    private final ErrorAnswers errorAnswers = new ErrorAnswers();

    Faults(long seed, Runnable tokenRevoker) {
        this.random = new Random(seed);
        this.tokenRevoker = tokenRevoker;
    }

    /** Answers this share of Admin API requests with a 5xx before doing anything. */
    public Faults serverErrorShare(double share) {
        serverErrorShare = share;
        return this;
    }

    /**
     * Answers this share of mutations with a 5xx after they were applied: the caller cannot know the write happened,
     * which is what idempotency keys are for.
     */
    public Faults serverErrorAfterWriteShare(double share) {
        serverErrorAfterWriteShare = share;
        return this;
    }

    /** The status of injected server errors (503 unless set). */
    public Faults serverErrorStatus(int status) {
        serverErrorStatus = status;
        return this;
    }

    /**
     * Holds back the answer of the next {@code mutations} mutations by {@code delay} after they were applied: a
     * caller whose timeout is shorter gives up without knowing the write happened.
     */
    public Faults answerDelayAfterWrite(Duration delay, int mutations) {
        answerDelayAfterWrite = delay;
        delayedAfterWrite.set(mutations);
        return this;
    }

    /** How long to hold this mutation's answer after it was applied (zero when not delayed). */
    Duration answerDelayAfterWriteNow() {
        return delayedAfterWrite.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? answerDelayAfterWrite : Duration.ZERO;
    }

    /** Answers this share of requests with HTTP 429 and a {@code Retry-After} of the given seconds. */
    public Faults tooManyRequests(double share, double retryAfter) {
        tooManyRequestsShare = share;
        retryAfterSeconds = retryAfter;
        return this;
    }

    /** Answers the next {@code requests} Admin API requests with HTTP 429 and a {@code Retry-After} of the seconds. */
    public Faults tooManyRequestsBurst(int requests, double retryAfter) {
        tooManyRequestsBurst.set(requests);
        retryAfterSeconds = retryAfter;
        return this;
    }

    /** Answers the next {@code requests} GraphQL requests with THROTTLED, whatever the bucket holds. */
    public Faults throttledBurst(int requests) {
        throttledBurst.set(requests);
        return this;
    }

    /**
     * Answers the next {@code requests} GraphQL requests of any operation with this failure in an HTTP 200, as
     * Shopify words it (see {@link ErrorAnswers}).
     */
    public Faults errorAnswers(ErrorAnswers.Kind kind, int requests) {
        return errorAnswers(kind, requests, null);
    }

    /** As {@link #errorAnswers(ErrorAnswers.Kind, int)}, for the requests of one operation (by operationName). */
    public Faults errorAnswers(ErrorAnswers.Kind kind, int requests, String operationName) {
        errorAnswers.add(kind, requests, operationName, "write_inventory");
        return this;
    }

    /** Answers the next {@code requests} requests of the operation with ACCESS_DENIED naming this scope. */
    public Faults accessDenied(String scope, int requests, String operationName) {
        errorAnswers.add(ErrorAnswers.Kind.ACCESS_DENIED, requests, operationName, scope);
        return this;
    }

    /**
     * Fails the next {@code attempts} mutations inside Shopify: nothing is written, the answer is an
     * INTERNAL_SERVER_ERROR at the mutation's path, and its idempotency key is spent (a retry with it gets
     * IDEMPOTENCY_PREVIOUS_ATTEMPT_FAILED).
     */
    public Faults failMutationAttempts(int attempts) {
        errorAnswers.failMutationAttempts(attempts);
        return this;
    }

    /** Delays every Admin API answer. */
    public Faults latency(Duration added) {
        latency = added;
        return this;
    }

    /**
     * Delays every Admin API answer after the request was carried out by a random time up to {@code upTo}, as the
     * answer's way back over the network does, never the same twice: a sale can land after a write was applied and
     * before its caller hears of it, and a quicker call (an order read) can overtake it ({@link #latency} delays
     * the way there, before anything is done).
     */
    public Faults returnLatency(Duration upTo) {
        returnLatency = upTo;
        return this;
    }

    /** Never sends this share of webhooks (no attempt, no retry), as a lost delivery. */
    public Faults webhookDropShare(double share) {
        webhookDropShare = share;
        return this;
    }

    /**
     * Sends this share of webhooks twice as the same delivery: same {@code X-Shopify-Webhook-Id} and
     * {@code X-Shopify-Event-Id}, same bytes and HMAC, as when Shopify repeats a delivery it did not see acknowledged.
     */
    public Faults webhookDuplicateShare(double share) {
        webhookDuplicateShare = share;
        return this;
    }

    /** Holds every webhook back this long before its first attempt. */
    public Faults webhookDelay(Duration delay) {
        webhookDelay = delay;
        return this;
    }

    /** Holds each webhook back a random time up to this window, so deliveries arrive out of order. */
    public Faults webhookReorderWindow(Duration window) {
        webhookReorderWindow = window;
        return this;
    }

    /**
     * Revokes every access and refresh token of the app on the store now, silently: no webhook is sent. For an uninstall
     * with its {@code app/uninstalled} webhook, use {@link Shop#uninstallApp()}.
     */
    public Faults revokeToken() {
        tokenRevoker.run();
        return this;
    }

    /** Clears every fault. */
    public Faults none() {
        serverErrorShare = 0;
        serverErrorAfterWriteShare = 0;
        tooManyRequestsShare = 0;
        throttledBurst.set(0);
        tooManyRequestsBurst.set(0);
        latency = Duration.ZERO;
        returnLatency = Duration.ZERO;
        answerDelayAfterWrite = Duration.ZERO;
        delayedAfterWrite.set(0);
        webhookDropShare = 0;
        webhookDuplicateShare = 0;
        webhookDelay = Duration.ZERO;
        webhookReorderWindow = Duration.ZERO;
        errorAnswers.clear();
        return this;
    }

    boolean serverErrorNow() {
        return roll(serverErrorShare);
    }

    boolean serverErrorAfterWriteNow() {
        return roll(serverErrorAfterWriteShare);
    }

    int serverErrorStatus() {
        return serverErrorStatus;
    }

    boolean tooManyRequestsNow() {
        return tooManyRequestsBurst.getAndUpdate(n -> Math.max(0, n - 1)) > 0 || roll(tooManyRequestsShare);
    }

    double retryAfterSeconds() {
        return retryAfterSeconds;
    }

    boolean throttledNow() {
        return throttledBurst.getAndUpdate(n -> Math.max(0, n - 1)) > 0;
    }

    ErrorAnswers errorAnswers() {
        return errorAnswers;
    }

    Duration latency() {
        return latency;
    }

    /** This answer's way back: a random part of the return latency. */
    Duration returnLatencyNow() {
        long upTo = returnLatency.toMillis();
        if (upTo <= 0) {
            return Duration.ZERO;
        }
        synchronized (random) {
            return Duration.ofMillis((long) (random.nextDouble() * upTo));
        }
    }

    boolean dropWebhookNow() {
        return roll(webhookDropShare);
    }

    boolean duplicateWebhookNow() {
        return roll(webhookDuplicateShare);
    }

    /** The hold-back before a webhook's first attempt: the fixed delay plus a random part of the reorder window. */
    Duration webhookHoldBack() {
        long window = webhookReorderWindow.toMillis();
        long extra;
        synchronized (random) {
            extra = window > 0 ? (long) (random.nextDouble() * window) : 0;
        }
        return webhookDelay.plusMillis(extra);
    }

    private boolean roll(double share) {
        if (share <= 0) {
            return false;
        }
        synchronized (random) {
            return random.nextDouble() < share;
        }
    }
}
