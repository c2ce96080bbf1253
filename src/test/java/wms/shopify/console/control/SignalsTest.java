package wms.shopify.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class SignalsTest {

    @Test
    void lagIsJudgedAgainstTheStoresWindow() {
        // Window 30 s: green up to 90 s, amber up to 330 s.
        assertEquals(Signal.GREEN, Signals.DEFAULTS.lag(90_000L, 30).signal());
        assertEquals(Signal.AMBER, Signals.DEFAULTS.lag(90_001L, 30).signal());
        assertEquals(Signal.AMBER, Signals.DEFAULTS.lag(330_000L, 30).signal());
        assertEquals(Signal.RED, Signals.DEFAULTS.lag(330_001L, 30).signal());
        // A window of an hour: 10 minutes is green.
        assertEquals(Signal.GREEN, Signals.DEFAULTS.lag(600_000L, 3600).signal());
        assertEquals(Signal.GREEN, Signals.DEFAULTS.lag(null, 30).signal(), "nothing pushed is not a problem");
        String rule = Signals.DEFAULTS.lag(1L, 30).rule();
        assertTrue(rule.contains("within 90 s") && rule.contains("within 5 min 30 s"), rule);
    }

    @Test
    void theBacklogIsRedWhenAnythingIsParked() {
        assertEquals(Signal.GREEN, Signals.DEFAULTS.backlog(0, null).signal());
        assertEquals(
                Signal.GREEN,
                Signals.DEFAULTS.backlog(0, Duration.ofSeconds(60)).signal());
        assertEquals(
                Signal.AMBER,
                Signals.DEFAULTS.backlog(0, Duration.ofSeconds(61)).signal());
        assertEquals(
                Signal.RED, Signals.DEFAULTS.backlog(0, Duration.ofMinutes(10)).signal());
        assertEquals(Signal.RED, Signals.DEFAULTS.backlog(1, null).signal());
    }

    @Test
    void ordersWaitingOrHeldAreAmberThenRed() {
        assertEquals(Signal.GREEN, Signals.DEFAULTS.orders(null, 0).signal());
        assertEquals(
                Signal.GREEN, Signals.DEFAULTS.orders(Duration.ofMinutes(15), 0).signal());
        assertEquals(
                Signal.AMBER, Signals.DEFAULTS.orders(Duration.ofMinutes(16), 0).signal());
        assertEquals(Signal.AMBER, Signals.DEFAULTS.orders(null, 2).signal(), "a held order needs a look");
        assertEquals(Signal.RED, Signals.DEFAULTS.orders(Duration.ofHours(1), 2).signal(), "the worse of the two");
    }

    @Test
    void shipmentsWebhooksAndBudget() {
        assertEquals(Signal.GREEN, Signals.DEFAULTS.shipments(0).signal());
        assertEquals(Signal.RED, Signals.DEFAULTS.shipments(1).signal());
        assertEquals(Signal.GREEN, Signals.DEFAULTS.webhooks(null).signal());
        assertEquals(Signal.GREEN, Signals.DEFAULTS.webhooks(1000.0).signal());
        assertEquals(Signal.AMBER, Signals.DEFAULTS.webhooks(1000.5).signal());
        assertEquals(Signal.RED, Signals.DEFAULTS.webhooks(4000.5).signal());
        assertEquals(Signal.GREEN, Signals.DEFAULTS.budget(null).signal());
        assertEquals(Signal.GREEN, Signals.DEFAULTS.budget(0.79).signal());
        assertEquals(Signal.AMBER, Signals.DEFAULTS.budget(0.8).signal());
        assertEquals(Signal.RED, Signals.DEFAULTS.budget(1.0).signal());
    }

    @Test
    void durationsInWords() {
        assertEquals("90 s", Signals.words(Duration.ofSeconds(90)));
        assertEquals("1 min", Signals.words(Duration.ofSeconds(60)));
        assertEquals("5 min 30 s", Signals.words(Duration.ofSeconds(330)));
        assertEquals("15 min", Signals.words(Duration.ofMinutes(15)));
        assertEquals("2 h", Signals.words(Duration.ofHours(2)));
        assertEquals("2 h 5 min", Signals.words(Duration.ofMinutes(125)));
        assertEquals("850 ms", DashboardFormat.millis(850L));
        assertEquals("12.3 s", DashboardFormat.millis(12_300L));
        assertEquals("more than 10000", DashboardFormat.count(10_001));
        assertEquals("10000", DashboardFormat.count(10_000));
    }
}
