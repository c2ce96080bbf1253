package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The Data section of the Activity page as an admin sees it: every table of the connector with its rows and MiB
 * (the database's own figures), how long each kind of data is kept with what is kept regardless, and "Prune now",
 * after which the page says a round started and, reloaded, what the last round did.
 */
@MicroShedTest
class RetentionPageIT {

    private static Browser browser;

    @BeforeAll
    static void openBrowser() throws InterruptedException {
        ConnectorServer.awaitReady(ConnectorServer.url());
        browser = new Browser();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void theSizesAndTheRetentionAreShownAndARoundCanBeStarted() throws Exception {
        browser.open("/admin/activity.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.awaitUrlContaining("/admin/activity");

        Set<String> shown = new TreeSet<>();
        for (WebElement row : browser.driver().findElements(By.cssSelector("#data-sizes tbody tr"))) {
            shown.add(row.getAttribute("data-table"));
        }
        try (Connection db = ConnectorServer.database()) {
            assertEquals(tables(db), shown, "every table of the connector is listed");
            long pluginBytes;
            try (PreparedStatement size = db.prepareStatement("select pg_total_relation_size('plugin')");
                    ResultSet row = size.executeQuery()) {
                row.next();
                pluginBytes = row.getLong(1);
            }
            assertEquals(
                    String.format(Locale.ROOT, "%.1f", pluginBytes / (1024.0 * 1024.0)),
                    browser.text(By.cssSelector("#data-sizes tr[data-table='plugin'] td:nth-child(3)")),
                    "the MiB shown are the table's size with its indexes");
        }
        String rows = browser.text(By.cssSelector("#data-sizes tr[data-table='webhook_delivery'] td:nth-child(2)"));
        assertTrue(rows.matches("\\d+"), "rows are shown as a number: " + rows);
        assertTrue(
                browser.text(By.cssSelector("#retention-rules tr[data-kind='WEBHOOK_BODIES']"))
                        .contains("30 days"),
                "webhook bodies are kept 30 days by default");
        assertTrue(
                browser.text(By.cssSelector("#retention-rules tr[data-kind='FINISHED_ORDERS']"))
                        .contains("orders the WMS has not acknowledged"),
                "what is kept regardless is said");
        browser.screenshot("retention-data");

        browser.click(By.id("retention:prune-now"));
        browser.awaitUrlContaining("pruning=");
        // A scheduled round running at that very moment makes the button start nothing, and the page says so.
        String said = browser.driver().getCurrentUrl().endsWith("pruning=busy")
                ? browser.text(By.id("pruning-busy"))
                : browser.text(By.id("pruning-started"));
        assertTrue(said.contains("has started") || said.contains("running already"), said);
        browser.open("/admin/activity.xhtml");
        String last = browser.text(By.id("last-round"));
        assertTrue(last.startsWith("Last retention round") || last.startsWith("A retention round is running"), last);
    }

    private static Set<String> tables(Connection db) throws Exception {
        Set<String> tables = new TreeSet<>();
        try (PreparedStatement select = db.prepareStatement("select table_name from information_schema.tables "
                        + "where table_schema = current_schema() and table_type = 'BASE TABLE'");
                ResultSet rows = select.executeQuery()) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        return tables;
    }
}
