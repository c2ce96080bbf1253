package wms.shopify.stores.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import wms.shopify.adminapi.entity.ShopDomain;

/** An install's state: single use, fresh, for the store it was started for, unguessable. */
class InstallStatesTest {

    private static final Instant T0 = Instant.parse("2026-11-27T00:00:00Z");
    private static final Duration TIMEOUT = Duration.ofMinutes(10);
    private static final ShopDomain ACME = new ShopDomain("acme.myshopify.com");

    @Test
    void aStateFinishesItsInstallOnceOnly() {
        InstallStates states = new InstallStates();
        String state = states.begin(ACME, T0);
        assertEquals(32, state.length());
        assertNotEquals(state, states.begin(ACME, T0));
        states.finish(state, ACME, T0.plusSeconds(30), TIMEOUT);
        assertThrows(InstallRefusedException.class, () -> states.finish(state, ACME, T0.plusSeconds(31), TIMEOUT));
    }

    @Test
    void unknownStaleOrOtherStoreStatesAreRefusedAndUsedUp() {
        InstallStates states = new InstallStates();
        assertThrows(InstallRefusedException.class, () -> states.finish("guess", ACME, T0, TIMEOUT));
        assertThrows(InstallRefusedException.class, () -> states.finish(null, ACME, T0, TIMEOUT));
        String stale = states.begin(ACME, T0);
        var late = assertThrows(
                InstallRefusedException.class,
                () -> states.finish(stale, ACME, T0.plus(TIMEOUT).plusSeconds(1), TIMEOUT));
        assertTrue(late.getMessage().contains("10 minutes"));
        String other = states.begin(ACME, T0);
        assertThrows(
                InstallRefusedException.class,
                () -> states.finish(other, new ShopDomain("evil.myshopify.com"), T0, TIMEOUT));
        assertThrows(
                InstallRefusedException.class,
                () -> states.finish(other, ACME, T0, TIMEOUT),
                "a refused attempt uses the state up");
    }

    @Test
    void callbackTimestampsOutsideTheWindowAreRefused() {
        Installation.checkTimestamp(String.valueOf(T0.getEpochSecond() - 90), T0, Duration.ofSeconds(90));
        assertThrows(
                InstallRefusedException.class,
                () -> Installation.checkTimestamp(
                        String.valueOf(T0.getEpochSecond() - 91), T0, Duration.ofSeconds(90)));
        assertThrows(
                InstallRefusedException.class,
                () -> Installation.checkTimestamp(
                        String.valueOf(T0.getEpochSecond() + 91), T0, Duration.ofSeconds(90)));
        assertThrows(InstallRefusedException.class, () -> Installation.checkTimestamp("x", T0, Duration.ofSeconds(90)));
        assertThrows(
                InstallRefusedException.class, () -> Installation.checkTimestamp(null, T0, Duration.ofSeconds(90)));
    }
}
