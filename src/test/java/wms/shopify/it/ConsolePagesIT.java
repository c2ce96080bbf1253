package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Activity and Orders pages as PrimeFaces lazy tables in a real browser: paging through the whole history,
 * filtering by store, area or state, date range and text or name, sorting, the CSV export of the page shown, and the
 * bulk release of the selected held orders with a confirmation that says how many; no violation of the pages'
 * Content-Security-Policy and no serious or critical accessibility violation (axe-core) on either page.
 */
@MicroShedTest
class ConsolePagesIT {

    private static final String TAG = UUID.randomUUID().toString().substring(0, 8);
    private static final String DOMAIN = "console-" + TAG + ".myshopify.com";
    private static final String AREA = "console-test";
    /** Entries of the test's store, one a day back from yesterday: more than a page of 50. */
    private static final int ENTRIES = 63;

    /** An area with more entries than a table counts (PagedRows.COUNT_LIMIT, 10 000). */
    private static final String BUSY_AREA = "console-busy-" + TAG;

    private static final int ORDERS = 57;
    private static final int HELD = 3;

    private static Browser browser;
    private static Path downloads;
    private static long storeId;

    @BeforeAll
    static void fill() throws Exception {
        ConnectorServer.awaitReady(ConnectorServer.url());
        try (Connection db = ConnectorServer.database()) {
            storeId = id(
                    db,
                    "insert into store (domain, status, installed_at) values ('" + DOMAIN
                            + "', 'DISCONNECTED', now()) returning id");
            try (PreparedStatement entry = db.prepareStatement("insert into activity_event (occurred_at, category,"
                    + " message, actor) values (date_trunc('day', now()) - make_interval(days => ?) + interval '12 hours',"
                    + " ?, ?, 'console-it')")) {
                for (int day = 1; day <= ENTRIES; day++) {
                    entry.setInt(1, day);
                    entry.setString(2, AREA);
                    entry.setString(3, "Entry " + String.format("%03d", day) + " about " + DOMAIN);
                    entry.addBatch();
                }
                // The same area for another store: the store filter leaves it out.
                entry.setInt(1, 1);
                entry.setString(2, AREA);
                entry.setString(3, "Entry of another store, other-" + TAG + ".myshopify.com");
                entry.addBatch();
                entry.executeBatch();
            }
            try (PreparedStatement busy = db.prepareStatement("insert into activity_event (occurred_at, category,"
                    + " message) select now() - make_interval(secs => n), ?, 'Busy entry ' || n"
                    + " from generate_series(1, 10050) n")) {
                busy.setString(1, BUSY_AREA);
                busy.executeUpdate();
            }
            try (PreparedStatement order = db.prepareStatement("insert into shop_order (store_id, shopify_order_id,"
                    + " name, state, hold_reason, state_note, first_seen_at, updated_at) values (?, ?, ?, ?, ?, ?,"
                    + " now(), now() - make_interval(mins => ?))")) {
                for (int i = 1; i <= ORDERS; i++) {
                    boolean held = i <= HELD;
                    order.setLong(1, storeId);
                    order.setString(2, "gid://shopify/Order/" + TAG + i);
                    order.setString(3, "#C" + TAG + "-" + String.format("%03d", i));
                    order.setString(4, held ? "HELD" : "ACCEPTED");
                    order.setString(5, held ? "UNMAPPED_LINE" : null);
                    order.setString(6, held ? "Line 1 is not mapped" : null);
                    // The first order placed is the least recently updated: sorting by update is not the newest-first
                    // order.
                    order.setInt(7, ORDERS - i + 1);
                    order.addBatch();
                }
                order.executeBatch();
            }
        }
        downloads = Files.createDirectories(Path.of("target", "downloads", TAG));
        browser = new Browser();
        browser.downloadTo(downloads);
        browser.open("/admin/activity.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.awaitUrlContaining("/admin/activity");
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theActivityLogIsPagedFilteredSortedAndExported() throws Exception {
        browser.open("/admin/activity.xhtml");
        choose("log:store", DOMAIN);
        choose("log:category", AREA);
        browser.click(By.id("log:apply-filters"));
        By report = By.cssSelector("#log\\:activity .ui-paginator-current");
        browser.awaitTextContaining(report, "1–50 of " + ENTRIES);
        assertEquals(50, rows("log:activity").size(), "a page of 50");
        assertTrue(rows("log:activity").get(0).getText().contains("Entry 001"), "newest first");

        browser.click(By.cssSelector("#log\\:activity .ui-paginator-next"));
        browser.awaitTextContaining(report, "51–" + ENTRIES + " of " + ENTRIES);
        assertEquals(ENTRIES - 50, rows("log:activity").size(), "the rest on the second page");

        // Sorted by time, oldest first: the first row is the oldest entry.
        browser.click(By.cssSelector("#log\\:activity th[aria-label^='When']"));
        browser.awaitTextContaining(By.cssSelector("#log\\:activity tbody tr:first-child"), "Entry 0" + ENTRIES);

        // A date range of three days and a text: only what matches.
        browser.type(
                By.id("log:from_input"),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(12).toString());
        browser.type(
                By.id("log:until_input"),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC).minusDays(10).toString());
        browser.click(By.id("log:apply-filters"));
        browser.awaitTextContaining(report, "1–3 of 3");
        // The days the wrong way round: the page says so on the field.
        typeDay("log:from_input", 10);
        typeDay("log:until_input", 12);
        browser.click(By.id("log:apply-filters"));
        browser.awaitTextContaining(By.id("messages-panel"), "Until: the last day must not be before the first.");
        typeDay("log:from_input", 12);
        typeDay("log:until_input", 10);
        browser.type(By.id("log:text"), "ENTRY 011");
        browser.click(By.id("log:apply-filters"));
        browser.awaitTextContaining(report, "1–1 of 1");
        assertTrue(rows("log:activity").get(0).getText().contains("Entry 011 about " + DOMAIN));

        // A text that is in no entry: the table says so.
        browser.type(By.id("log:text"), "nothing-" + TAG + "%_");
        browser.click(By.id("log:apply-filters"));
        browser.awaitTextContaining(By.id("log:activity"), "Nothing has happened yet.");

        // The export holds the page shown.
        browser.type(By.id("log:text"), "");
        browser.click(By.id("log:apply-filters"));
        browser.awaitTextContaining(report, "1–3 of 3");
        browser.click(By.id("log:export"));
        List<String> csv = downloaded("activity.csv");
        assertEquals(4, csv.size(), "a heading and the 3 rows shown: " + csv);
        assertTrue(csv.get(0).contains("When") && csv.get(0).contains("What happened"), csv.get(0));
        assertTrue(csv.stream().anyMatch(line -> line.contains("Entry 011 about " + DOMAIN)), csv.toString());

        browser.screenshot("activity-lazy-table");
        assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), Accessibility.seriousViolations(browser));
    }

    @Test
    void theCountStopsAtTheLimitAndSaysHowToReachOlderEntries() throws Exception {
        browser.open("/admin/activity.xhtml");
        choose("log:category", BUSY_AREA);
        // The whole log counts 10 000 too: wait for the table the filter brings, not the one shown first.
        WebElement unfiltered = browser.driver().findElement(By.id("log:activity"));
        browser.click(By.id("log:apply-filters"));
        Awaitility.await().atMost(Duration.ofSeconds(20)).until(() -> replaced(unfiltered));
        By report = By.cssSelector("#log\\:activity .ui-paginator-current");
        browser.awaitTextContaining(report, "1–50 of 10000 (the latest ones: narrow the dates to see older entries)");
        assertTrue(
                rows("log:activity").get(0).getText().contains("Busy entry 1\n")
                        || rows("log:activity").get(0).getText().contains("Busy entry 1 "),
                "the newest first: " + rows("log:activity").get(0).getText());

        // The last page the table offers is the 10 000th entry; older ones are reached through the dates.
        browser.click(By.cssSelector("#log\\:activity .ui-paginator-last"));
        browser.awaitTextContaining(report, "9951–10000 of 10000");
        assertTrue(rows("log:activity").get(49).getText().contains("Busy entry 10000"), "the 10 000th entry");
    }

    @Test
    void theOrdersAreFilteredAndTheSelectedHeldOnesReleasedAfterAConfirmationThatSaysHowMany() throws Exception {
        browser.open("/admin/orders.xhtml");
        choose("orders:store", DOMAIN);
        browser.click(By.id("orders:apply-filters"));
        By report = By.cssSelector("#orders\\:order-list .ui-paginator-current");
        browser.awaitTextContaining(report, "1–50 of " + ORDERS);
        browser.click(By.cssSelector("#orders\\:order-list th[aria-label^='Updated']"));
        browser.awaitTextContaining(By.cssSelector("#orders\\:order-list tbody tr:first-child"), "#C" + TAG + "-001");

        browser.type(By.id("orders:name"), "C" + TAG + "-01");
        browser.click(By.id("orders:apply-filters"));
        browser.awaitTextContaining(report, "of 10");

        browser.type(By.id("orders:name"), "");
        choose("orders:state", "Held");
        browser.click(By.id("orders:apply-filters"));
        browser.awaitTextContaining(report, "1–" + HELD + " of " + HELD);
        assertTrue(
                rows("orders:order-list")
                        .get(0)
                        .findElement(By.cssSelector(".why"))
                        .getText()
                        .contains("Line 1 is not mapped"),
                "why it is held");

        // Nothing selected: no confirmation, a message instead.
        browser.click(By.id("orders:release-selected"));
        browser.awaitPageContaining("Select one or more held orders to release first.");

        // The rows' boxes by position: a click re-renders the row's selection, so each is found afresh.
        browser.click(By.cssSelector("#orders\\:order-list tbody tr[data-ri='0'] .ui-chkbox-box"));
        browser.click(By.cssSelector("#orders\\:order-list tbody tr[data-ri='1'] .ui-chkbox-box"));
        browser.click(By.id("orders:release-selected"));
        browser.awaitTextContaining(By.id("confirm-release-text"), "Release 2 held order(s)?");
        assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), Accessibility.seriousViolations(browser), "with the confirmation open");

        browser.click(By.id("orders:release-cancelled"));
        Awaitility.await()
                .atMost(Duration.ofSeconds(20))
                .until(() -> browser.driver()
                        .findElements(By.id("confirm-release-text"))
                        .isEmpty());
        assertFalse(browser.driver().getPageSource().contains("Could not release"), "cancelled: nothing released");

        browser.click(By.id("orders:release-selected"));
        browser.awaitTextContaining(By.id("confirm-release-text"), "Release 2 held order(s)?");
        browser.click(By.id("orders:release-confirmed"));
        // The store is disconnected: its orders cannot be read again from Shopify, and the page says so.
        browser.awaitTextContaining(
                By.id("messages-panel"), "Could not release: Store " + DOMAIN + " is not connected");
        browser.screenshot("orders-lazy-table");

        browser.click(By.id("orders:export"));
        List<String> csv = downloaded("orders.csv");
        assertEquals(1 + HELD, csv.size(), "a heading and the held orders shown: " + csv);
        assertTrue(csv.get(0).contains("Order") && csv.get(0).contains("Why"), csv.get(0));
        assertFalse(csv.get(0).contains("Release"), "the buttons are not exported");
        assertEquals("[]", browser.cspViolations(), "no Content-Security-Policy violation");
        assertEquals(List.of(), Accessibility.seriousViolations(browser));
    }

    private static void choose(String id, String label) {
        browser.choose(By.id(id), label);
    }

    /** Whether an ajax update replaced this element of the page. */
    private static boolean replaced(WebElement element) {
        try {
            element.isDisplayed();
            return false;
        } catch (org.openqa.selenium.StaleElementReferenceException e) {
            return true;
        }
    }

    /** Types the UTC day so many days ago into a date field, replacing what it held. */
    private static void typeDay(String id, int daysAgo) {
        // The date picker keeps its value through clear(): select it all and delete it, as a person would.
        browser.driver()
                .findElement(By.id(id))
                .sendKeys(
                        org.openqa.selenium.Keys.chord(org.openqa.selenium.Keys.CONTROL, "a"),
                        org.openqa.selenium.Keys.DELETE);
        browser.type(
                By.id(id),
                java.time.LocalDate.now(java.time.ZoneOffset.UTC)
                        .minusDays(daysAgo)
                        .toString());
    }

    private static List<WebElement> rows(String tableId) {
        return browser.driver().findElements(By.cssSelector("#" + tableId.replace(":", "\\:") + " tbody tr[data-ri]"));
    }

    /** The lines of a file the browser downloaded, once it is complete. */
    private static List<String> downloaded(String name) throws Exception {
        Path file = downloads.resolve(name);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> Files.exists(file) && Files.size(file) > 0);
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        Files.delete(file);
        return lines.stream().filter(line -> !line.isBlank()).toList();
    }

    private static long id(Connection db, String sql) throws Exception {
        try (PreparedStatement statement = db.prepareStatement(sql);
                ResultSet row = statement.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }
}
