package wms.shopify.console.control;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class LagChartTest {

    private static final Instant NOW = Instant.parse("2026-12-07T12:00:00Z");

    @Test
    void theHighestHourFillsThePlotAndTheOthersAreToScale() {
        Lag lag = new Lag(
                List.of(
                        new Lag.Sample(NOW.minus(Duration.ofMinutes(10)), 4000),
                        new Lag.Sample(NOW.minus(Duration.ofMinutes(70)), 2000)),
                NOW);
        LagChart chart = LagChart.of(lag.hours());
        assertEquals(24, chart.bars().size());
        int plot = LagChart.HEIGHT - LagChart.BOTTOM - LagChart.TOP;
        LagChart.Bar last = chart.bars().get(23);
        LagChart.Bar before = chart.bars().get(22);
        assertEquals(plot, last.height(), "the highest bar fills the plot");
        assertEquals(plot / 2, before.height(), "half the lag, half the height");
        assertEquals(LagChart.HEIGHT - LagChart.BOTTOM, last.y() + last.height(), "bars stand on the axis");
        assertTrue(last.title().contains("95 % within 4.0 s (1 movements)"), last.title());
        assertTrue(chart.bars().get(0).nothingPushed(), "an hour without a push is an empty bar");
        assertEquals(4, chart.labels().size(), "an hour named every six");
        assertEquals("top: 4.0 s", chart.scale());
    }

    @Test
    void aDayWithoutPushesSaysSo() {
        LagChart chart = LagChart.of(new Lag(List.of(), NOW).hours());
        assertEquals("Nothing was pushed to Shopify in the last 24 hours.", chart.summary());
        assertTrue(chart.bars().stream().allMatch(LagChart.Bar::nothingPushed));
    }
}
