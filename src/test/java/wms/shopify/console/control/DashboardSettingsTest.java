package wms.shopify.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class DashboardSettingsTest {

    /** The DASHBOARD_* defaults of liberty/server.xml. */
    private static Map<String, String> defaults() throws Exception {
        Matcher variable = Pattern.compile("<variable name=\"(DASHBOARD_[A-Z_]+)\" defaultValue=\"([^\"]*)\"/>")
                .matcher(Files.readString(Path.of("liberty/server.xml")));
        Map<String, String> values = new HashMap<>();
        while (variable.find()) {
            values.put(variable.group(1), variable.group(2));
        }
        return values;
    }

    @Test
    void theServersDefaultsAreTheDashboardsOwn() throws Exception {
        assertEquals(Signals.DEFAULTS, DashboardSettings.parse(defaults()));
    }

    @Test
    void theLimitsSetAreTheOnesJudgedByAndWrittenInTheRule() throws Exception {
        Map<String, String> values = defaults();
        values.put("DASHBOARD_FEED_GREEN_MINUTES", "30");
        values.put("DASHBOARD_FEED_AMBER_MINUTES", "120");
        values.put("DASHBOARD_ANSWER_GREEN_MS", " 1500 ");
        values.put("DASHBOARD_BUDGET_AMBER_PERCENT", "90");
        Signals signals = DashboardSettings.parse(values);

        assertEquals(Duration.ofMinutes(30), signals.feedGreen());
        assertEquals(Signal.GREEN, signals.orders(Duration.ofMinutes(30), 0).signal());
        assertEquals(Signal.AMBER, signals.orders(Duration.ofMinutes(31), 0).signal());
        assertEquals(Signal.RED, signals.orders(Duration.ofMinutes(120), 0).signal());
        String rule = signals.orders(null, 0).rule();
        assertTrue(rule.contains("within 30 min") && rule.contains("waits 2 h"), rule);
        assertEquals(Signal.GREEN, signals.budget(0.85).signal());
        assertTrue(
                signals.budget(0.85).rule().startsWith("Amber from 90 %"),
                signals.budget(0.85).rule());
        assertEquals(Signal.GREEN, signals.webhooks(1500.0).signal());
        assertTrue(
                signals.webhooks(null).rule().contains("within 1500 ms"),
                signals.webhooks(null).rule());
    }

    @Test
    void aSettingThatIsNoWholeNumberIsNamed() throws Exception {
        Map<String, String> values = defaults();
        values.put("DASHBOARD_LAG_GREEN_SECONDS", "1m");
        IllegalArgumentException refused =
                assertThrows(IllegalArgumentException.class, () -> DashboardSettings.parse(values));
        assertEquals(
                "DASHBOARD_LAG_GREEN_SECONDS must be a whole number from 1 to 86400, not \"1m\"", refused.getMessage());

        values.put("DASHBOARD_LAG_GREEN_SECONDS", "0");
        assertEquals(
                "DASHBOARD_LAG_GREEN_SECONDS must be from 1 to 86400, not 0",
                assertThrows(IllegalArgumentException.class, () -> DashboardSettings.parse(values))
                        .getMessage());

        values.put("DASHBOARD_LAG_GREEN_SECONDS", "60");
        values.put("DASHBOARD_BUDGET_AMBER_PERCENT", "100");
        assertEquals(
                "DASHBOARD_BUDGET_AMBER_PERCENT must be from 1 to 99, not 100",
                assertThrows(IllegalArgumentException.class, () -> DashboardSettings.parse(values))
                        .getMessage());
    }

    @Test
    void anAmberLimitNotBeyondItsGreenOneIsRefused() throws Exception {
        Map<String, String> values = defaults();
        values.put("DASHBOARD_OVERDUE_AMBER_SECONDS", "60");
        assertEquals(
                "DASHBOARD_OVERDUE_AMBER_SECONDS (60) must be more than DASHBOARD_OVERDUE_GREEN_SECONDS (60)",
                assertThrows(IllegalArgumentException.class, () -> DashboardSettings.parse(values))
                        .getMessage());
    }
}
