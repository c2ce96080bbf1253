package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;

/**
 * A merchant signs in, activates the Shopify plugin, sees it active after a reload and after the server was
 * restarted, and deactivates it again.
 */
@MicroShedTest
class PluginActivationIT {

    private static final By SHOPIFY_STATUS = By.id("status-shopify");
    private static final By ACTIVATE = By.cssSelector("#plugin-shopify input[value='Activate']");
    private static final By DEACTIVATE = By.cssSelector("#plugin-shopify input[value='Deactivate']");

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
    void activationIsPersistedAcrossReloadAndServerRestart() throws Exception {
        browser.open("/admin/plugins.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        if (browser.text(SHOPIFY_STATUS).equals("Active")) {
            // Left active by an earlier run against the same data: start from inactive.
            browser.click(DEACTIVATE);
            browser.awaitText(SHOPIFY_STATUS, "Inactive");
        }
        assertEquals("Inactive", browser.text(SHOPIFY_STATUS));

        browser.click(ACTIVATE);
        browser.awaitText(SHOPIFY_STATUS, "Active");
        assertTrue(browser.text(By.id("switched")).equals("Shopify plugin is active."));
        assertTrue(browser.text(By.id("plugin-shopify")).contains("by admin"), "who activated it is shown");
        browser.screenshot("plugins-active");

        browser.driver().navigate().refresh();
        assertEquals("Active", browser.text(SHOPIFY_STATUS), "still active after a reload");

        ConnectorServer.restart();

        browser.open("/admin/plugins.xhtml");
        if (browser.driver().getCurrentUrl().contains("login")) {
            browser.signIn("admin", ConnectorServer.adminPassword());
        }
        assertEquals("Active", browser.text(SHOPIFY_STATUS), "still active after the server restarted");

        browser.open("/admin/activity.xhtml");
        assertTrue(
                browser.text(By.id("log:activity")).contains("Shopify plugin activated"),
                "the activation is in the activity log");

        browser.open("/admin/plugins.xhtml");
        browser.click(DEACTIVATE);
        browser.awaitText(SHOPIFY_STATUS, "Inactive");
        browser.open("/admin/stores.xhtml");
        assertTrue(browser.text(By.id("plugin-inactive")).contains("The Shopify plugin is not active"));
    }
}
