package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;

/**
 * An admin creates a WMS API credential on the WMS API page, sees its value once, the WMS (here: the test) calls
 * the API with it successfully, the admin revokes it, and the API refuses it from then on.
 */
@MicroShedTest
class WmsApiPageIT {

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
    void createUseAndRevokeACredential() throws Exception {
        browser.open("/admin/plugins.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.click(By.id("nav-wms-api"));

        String name = "WMS browser " + UUID.randomUUID().toString().substring(0, 8) + " <i>&amp;</i>";
        browser.driver().findElement(By.id("create:name")).sendKeys(name);
        browser.click(By.id("create:create-credential"));
        String token = browser.text(By.id("new-secret")).trim();
        assertTrue(browser.text(By.id("issued")).contains("only now"), "the page says it is shown once");
        browser.screenshot("wms-api-created");
        String keyId = WmsApiAdmin.keyIdOf(token);
        By row = By.id("credential-" + keyId);
        assertTrue(browser.text(row).contains(name), "the name is shown as typed, as text");

        assertEquals(200, WmsApiCalls.get("/api/v1/warehouses", token).statusCode(), "the WMS can call the API");

        browser.open("/admin/wms-api.xhtml");
        assertTrue(browser.driver().findElements(By.id("new-secret")).isEmpty(), "not shown a second time");
        assertFalse(browser.driver().getPageSource().contains(token.substring(token.indexOf('.') + 1)));

        browser.click(By.cssSelector("#credential-" + keyId + " input[value='Revoke']"));
        browser.driver().switchTo().alert().accept();
        browser.awaitText(By.id("status-" + keyId), "Revoked");
        assertTrue(browser.text(By.id("revoked")).contains("is revoked"));
        browser.screenshot("wms-api-revoked");

        assertEquals(401, WmsApiCalls.get("/api/v1/warehouses", token).statusCode(), "the API refuses it now");
    }
}
