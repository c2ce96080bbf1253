package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;

/**
 * The admin pages run no inline script: their Content-Security-Policy allows scripts only from the connector's own
 * files, and no page meets a violation of it in a real browser, including the confirmation before a credential is
 * revoked (now a static script).
 */
@MicroShedTest
class ContentSecurityPolicyPageIT {

    private static final List<String> PAGES = List.of(
            "/admin/plugins.xhtml",
            "/admin/stores.xhtml",
            "/admin/store-add.xhtml",
            "/admin/product-mapping.xhtml",
            "/admin/stock.xhtml",
            "/admin/orders.xhtml",
            "/admin/activity.xhtml",
            "/admin/integration-guide.xhtml",
            "/admin/wms-api.xhtml");

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
    void thePolicyAllowsNoInlineScript() throws Exception {
        HttpResponse<String> login = ConnectorServer.get(ConnectorServer.client(), "/login.xhtml");
        String policy = login.headers().firstValue("Content-Security-Policy").orElse("");
        assertTrue(policy.contains("script-src 'self'"), policy);
        assertFalse(policy.contains("unsafe-inline"), policy);
        assertFalse(policy.contains("unsafe-eval"), policy);
    }

    @Test
    void noPageMeetsAViolationAndTheRevokeConfirmationStillAsks() throws Exception {
        browser.open("/admin/plugins.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.awaitUrlContaining("/admin/plugins.xhtml");
        for (String page : PAGES) {
            browser.open(page);
            browser.text(By.cssSelector("main h1"));
            assertEquals("[]", browser.cspViolations(), "after " + page);
        }

        browser.click(By.id("nav-wms-api"));
        String name = "CSP " + UUID.randomUUID().toString().substring(0, 8);
        browser.driver().findElement(By.id("create:name")).sendKeys(name);
        browser.click(By.id("create:create-credential"));
        String keyId = WmsApiAdmin.keyIdOf(browser.text(By.id("new-secret")).trim());
        By revoke = By.cssSelector("#credential-" + keyId + " input[value='Revoke']");

        browser.click(revoke);
        assertTrue(browser.driver().switchTo().alert().getText().startsWith("Revoke this credential?"));
        browser.driver().switchTo().alert().dismiss();
        browser.open("/admin/wms-api.xhtml");
        assertEquals("Active", browser.text(By.id("status-" + keyId)), "dismissed: nothing revoked");

        browser.click(revoke);
        browser.driver().switchTo().alert().accept();
        browser.awaitText(By.id("status-" + keyId), "Revoked");
        assertEquals("[]", browser.cspViolations(), "on the WMS API page");
    }
}
