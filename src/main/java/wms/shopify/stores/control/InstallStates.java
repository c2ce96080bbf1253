package wms.shopify.stores.control;

import java.io.Serializable;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import wms.shopify.adminapi.entity.ShopDomain;

/**
 * The installs an admin's browser has started and not finished: for each, the {@code state} nonce sent to Shopify,
 * the store it was for and when it started. Kept in the admin's session, so a callback is accepted only in the
 * browser that started the install, only once, only for the same store and only while fresh.
 */
public final class InstallStates implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** A browser that starts more installs than this without finishing them loses the oldest. */
    private static final int MOST_PENDING = 10;

    private record Pending(String shop, Instant startedAt) implements Serializable {}

    private final Map<String, Pending> pending = new HashMap<>();

    /** Starts an install and answers its state nonce (128 random bits, hex). */
    public synchronized String begin(ShopDomain shop, Instant now) {
        if (this.pending.size() >= MOST_PENDING) {
            this.pending.entrySet().stream()
                    .min(Map.Entry.comparingByValue((a, b) -> a.startedAt().compareTo(b.startedAt())))
                    .ifPresent(oldest -> this.pending.remove(oldest.getKey()));
        }
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        String state = HexFormat.of().formatHex(nonce);
        this.pending.put(state, new Pending(shop.value(), now));
        return state;
    }

    /**
     * Takes the install a callback finishes; the state cannot be used again, whatever the outcome.
     *
     * @throws InstallRefusedException when the state is unknown here, used, stale or for another store
     */
    public synchronized void finish(String state, ShopDomain shop, Instant now, Duration timeout) {
        Pending started = state == null ? null : this.pending.remove(state);
        if (started == null) {
            throw new InstallRefusedException("This Shopify approval does not belong to an install started in this "
                    + "browser, or it was already used. Start again with + Add Store.");
        }
        if (now.isAfter(started.startedAt().plus(timeout))) {
            throw new InstallRefusedException("The install took longer than " + timeout.toMinutes()
                    + " minutes to be approved. Start again with + Add Store.");
        }
        if (!started.shop().equals(shop.value())) {
            throw new InstallRefusedException("Shopify answered for another store than the one the install was "
                    + "started for. Start again with + Add Store.");
        }
    }
}
