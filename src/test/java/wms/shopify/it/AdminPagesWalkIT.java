package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.microshed.testing.jupiter.MicroShedTest;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * An admin walks every admin page as a new user would: each loads, the server serves the favicon the browser asks
 * for, and the server's log gains no FFDC incident and no stack trace on the way. The texts the pages show are true
 * today (the Integration Guide no longer promises steps "as components are delivered").
 */
@MicroShedTest
class AdminPagesWalkIT {

    /** A Java stack frame as Liberty writes it into messages.log. */
    private static final Pattern STACK_FRAME = Pattern.compile("^\\s+at [\\w$.]+\\(.*\\)$", Pattern.MULTILINE);

    private static final Set<String> NAVIGATION = Set.of(
            "nav-plugins",
            "nav-dashboard",
            "nav-item-trace",
            "nav-order-trace",
            "nav-stores",
            "nav-product-mapping",
            "nav-stock",
            "nav-orders",
            "nav-activity",
            "nav-integration-guide",
            "nav-wms-api");

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
    void everyAdminPageLoadsWithoutAnIncidentOrAStackTraceInTheLog() throws Exception {
        browser.open("/admin/plugins.xhtml");
        browser.signIn("admin", ConnectorServer.adminPassword());
        browser.awaitUrlContaining("/admin/plugins.xhtml");

        Set<String> incidentsBefore = incidents();
        long logBefore = Files.size(messagesLog());

        List<String> links = browser.driver().findElements(By.cssSelector("nav.side a")).stream()
                .map(a -> a.getAttribute("id"))
                .collect(Collectors.toList());
        assertEquals(NAVIGATION, Set.copyOf(links), "the walk covers every page of the menu");
        List<String> visited = new ArrayList<>();
        for (String link : links) {
            browser.click(By.id(link));
            browser.awaitAttribute(By.id(link), "class", "current");
            visited.add(browser.driver().getCurrentUrl());
            assertIconLinked();
        }
        // Pages outside the menu: Add Store, and Store Settings of a store that does not exist.
        for (String page : List.of("/admin/store-add.xhtml", "/admin/store-settings.xhtml?store=999999999")) {
            browser.open(page);
            browser.text(By.tagName("h1"));
            visited.add(page);
            assertIconLinked();
        }
        browser.open("/index.xhtml");
        browser.text(By.tagName("h1"));

        // The favicon each of those pages made the browser ask for (headless Chromium does not always ask).
        HttpResponse<byte[]> icon = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(ConnectorServer.uri("/favicon.ico"))
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, icon.statusCode(), "the WAR serves /favicon.ico");
        assertEquals(
                "image/x-icon",
                icon.headers().firstValue("Content-Type").orElse("").split(";")[0]);
        assertArrayEquals(new byte[] {0, 0, 1, 0}, java.util.Arrays.copyOf(icon.body(), 4), "an ICO file");

        Set<String> newIncidents = incidents();
        newIncidents.removeAll(incidentsBefore);
        assertTrue(newIncidents.isEmpty(), "FFDC incidents while walking " + visited + ": " + newIncidents);
        String logged = logSince(logBefore);
        assertFalse(STACK_FRAME.matcher(logged).find(), "a stack trace was logged while walking the pages:\n" + logged);
    }

    @Test
    void theIntegrationGuideSaysWhatIsTrueToday() throws Exception {
        browser.open("/admin/integration-guide.xhtml");
        if (!browser.driver().findElements(By.id("j_username")).isEmpty()) {
            browser.signIn("admin", ConnectorServer.adminPassword());
        }
        String page = browser.text(By.tagName("main"));
        assertFalse(page.contains("become available"), "every step has been delivered");
        assertFalse(page.toLowerCase().contains("not available yet"));
        assertTrue(browser.text(By.id("steps-delivered")).contains("Every step is available today"));
        // The Add Store page sends the merchant here for the permissions: each one asked for is listed.
        String scopes = browser.text(By.id("scopes"));
        for (String scope : List.of(
                "read_products",
                "write_inventory",
                "read_locations",
                "read_orders",
                "write_merchant_managed_fulfillment_orders",
                "read_third_party_fulfillment_orders",
                "write_fulfillments",
                "write_returns",
                "write_assigned_fulfillment_orders")) {
            assertTrue(scopes.contains(scope), scope + " is listed");
        }
    }

    private static void assertIconLinked() {
        WebElement icon = browser.driver().findElement(By.cssSelector("link[rel='icon']"));
        assertTrue(icon.getAttribute("href").endsWith("/favicon.ico"), icon.getAttribute("href"));
    }

    private static Path logs() {
        return ConnectorServer.wlp()
                .resolve("usr/servers")
                .resolve(System.getProperty("it.server.name", "defaultServer"))
                .resolve("logs");
    }

    private static Path messagesLog() {
        return logs().resolve("messages.log");
    }

    private static Set<String> incidents() throws IOException {
        Path ffdc = logs().resolve("ffdc");
        if (!Files.isDirectory(ffdc)) {
            return new java.util.HashSet<>();
        }
        try (Stream<Path> files = Files.list(ffdc)) {
            return files.map(p -> p.getFileName().toString())
                    .filter(n -> n.startsWith("ffdc_"))
                    .collect(Collectors.toCollection(java.util.HashSet::new));
        }
    }

    /** What messages.log gained since it had the given size (Liberty appends; it rolls over only at 20 MB). */
    private static String logSince(long size) throws IOException {
        byte[] all = Files.readAllBytes(messagesLog());
        return all.length < size
                ? new String(all, StandardCharsets.UTF_8)
                : new String(all, (int) size, all.length - (int) size, StandardCharsets.UTF_8);
    }
}
