package wms.shopify.console.control;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * The dashboard's chart of a store's sync lag: one bar per hour of the last 24, as high as that hour's 95th percentile,
 * drawn by the server as SVG (no script, no inline style: it passes the pages' Content-Security-Policy as it is, and a
 * screen reader reads each bar's title). The geometry is computed here so the page only places it.
 */
public record LagChart(List<Bar> bars, List<Label> labels, String scale, String summary) {

    /** The drawing's size in SVG units (the page scales it to its width). */
    public static final int WIDTH = 480;

    public static final int HEIGHT = 160;

    /** The space below the bars for the hour labels, and above for the scale. */
    static final int BOTTOM = 20;

    static final int TOP = 14;

    private static final DateTimeFormatter HOUR =
            DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

    /** One hour's bar; {@code title} says in words what it shows. */
    public record Bar(int x, int y, int width, int height, String title, boolean nothingPushed) {}

    /** An hour named under the axis. */
    public record Label(int x, String text) {}

    /** The chart of a store's hours (oldest first), against the store's green limit. */
    public static LagChart of(List<Lag.Hour> hours) {
        long highest = hours.stream()
                .filter(h -> h.p95Millis() != null)
                .mapToLong(Lag.Hour::p95Millis)
                .max()
                .orElse(0);
        int slot = WIDTH / Math.max(1, hours.size());
        int plot = HEIGHT - BOTTOM - TOP;
        List<Bar> bars = new ArrayList<>();
        List<Label> labels = new ArrayList<>();
        int withData = 0;
        for (int i = 0; i < hours.size(); i++) {
            Lag.Hour hour = hours.get(i);
            String from = HOUR.format(hour.from());
            int x = i * slot + 1;
            if (hour.p95Millis() == null) {
                bars.add(new Bar(x, HEIGHT - BOTTOM - 1, slot - 2, 1, from + " UTC: nothing pushed", true));
            } else {
                withData++;
                int height =
                        highest == 0 ? 1 : (int) Math.max(1, Math.round((double) hour.p95Millis() * plot / highest));
                bars.add(new Bar(
                        x,
                        HEIGHT - BOTTOM - height,
                        slot - 2,
                        height,
                        from + " UTC: 95 % within " + DashboardFormat.millis(hour.p95Millis()) + " (" + hour.count()
                                + " movements)",
                        false));
            }
            if (i % 6 == 0) {
                labels.add(new Label(x, from));
            }
        }
        String summary = withData == 0
                ? "Nothing was pushed to Shopify in the last 24 hours."
                : "95th percentile of the lag per hour, the last 24 hours (UTC); the highest bar is "
                        + DashboardFormat.millis(highest) + ".";
        return new LagChart(bars, labels, highest == 0 ? "" : "top: " + DashboardFormat.millis(highest), summary);
    }
}
