package wms.shopify.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.awt.image.BufferedImage;
import java.awt.image.IndexColorModel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import wms.shopify.sandbox.Location;
import wms.shopify.sandbox.Order;
import wms.shopify.sandbox.Shop;

/**
 * The pictures of docs/admin-guide.md: a screenshot of every admin page (src/main/webapp/admin/*.xhtml) after a
 * realistic day of a store connected to the Shopify sandbox: stock movements of the WMS pushed to Shopify, orders
 * waiting in the WMS's feed, accepted, shipped and held. Not a test run by {@code verify} (its name does not end in
 * IT); run it on demand, like the benchmarks, and commit the PNGs it writes:
 *
 * <pre>
 * DB_PORT=15517 ./mvnw verify -Dit.http.port=9187 -Dit.https.port=9487 -Dit.db.port=15517 \
 *   -Dit.test=AdminScreenshots -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The PNGs go to {@code docs/images/} of the working tree ({@code -Dscreenshots.dir=...} for another folder), each
 * 1280 pixels wide, from the top of the page (the Activity page's Data section on its own) and as tall as the page
 * up to 1400 pixels, reduced to 256 colours to stay small in the repository. Each page is
 * checked before it is photographed (it shows the data set up, no error message, no Content-Security-Policy
 * violation), so that a broken page fails the run instead of being pictured.
 */
class AdminScreenshots {

    private static final String DOMAIN = "north-trail-outfitters.myshopify.com";
    private static final String LOCATION = "Leeds warehouse";
    private static final String WAREHOUSE = "WH-LEEDS";
    private static final String SHIRT = "SHIRT-LIN-M";
    private static final String MUG = "MUG-CER-350";
    private static final String TOTE = "TOTE-CNV";
    private static final String SCARF = "SCARF-WOOL";
    /** On Shopify only: no WMS product has its SKU, so an order of it is held. */
    private static final String GIFT = "GIFT-WRAP";

    private static final int WIDTH = 1280;
    /** The tallest picture: a long page is shown from its top (or its section) to this height. */
    private static final int MAX_HEIGHT = 1400;

    private static final Path FOLDER = Path.of(System.getProperty("screenshots.dir", "docs/images"));

    @Test
    void photographEveryAdminPage() throws Exception {
        SandboxConnector connector = SandboxConnector.get(SandboxConnector.SHIPPING_SETTINGS);
        WmsFixture wms = new WmsFixture(connector, "Leeds WMS");

        // The store: one location mapped to the warehouse, four products of the WMS and one Shopify sells alone.
        Shop shop = WmsFixture.stockedShop(
                connector,
                DOMAIN,
                LOCATION,
                40,
                "Linen shirt, medium",
                SHIRT,
                "Ceramic mug 350 ml",
                MUG,
                "Canvas tote bag",
                TOTE,
                "Wool scarf",
                SCARF,
                "Gift wrapping",
                GIFT);
        Location location = shop.location(LOCATION);
        long storeId = wms.installForOrders(shop, location, WAREHOUSE, null);
        wms.registerProducts(List.of(SHIRT, MUG, TOTE, SCARF));
        JsonObject sync = wms.syncProducts(DOMAIN);
        assertEquals("succeeded", sync.getString("state"), sync.toString());
        wms.stockSync(storeId, "DELTA", 2);

        // Stock: goods received and counted in the WMS, pushed to Shopify.
        HttpResponse<String> moved = wms.send(
                WmsFixture.movement("rcv-1001", "receiving", SHIRT, WAREHOUSE, 24, 64),
                WmsFixture.movement("rcv-1002", "receiving", MUG, WAREHOUSE, 12, 52),
                WmsFixture.movement("cnt-1003", "adjustment", TOTE, WAREHOUSE, -3, 37),
                WmsFixture.movement("rcv-1004", "receiving", SHIRT, WAREHOUSE, 6, 70));
        assertTrue(moved.statusCode() / 100 == 2, moved.statusCode() + " " + moved.body());
        WmsFixture.await(
                Duration.ofSeconds(120),
                () -> shop.quantity(SHIRT, location, "available") == 70
                        && shop.quantity(MUG, location, "available") == 52
                        && shop.quantity(TOTE, location, "available") == 37,
                "the movements on Shopify",
                () -> "; Shopify shows " + shop.quantity(SHIRT, location, "available") + ", "
                        + shop.quantity(MUG, location, "available") + ", "
                        + shop.quantity(TOTE, location, "available"));

        // Stock rules: two units of everything held back, the mug shown as out of stock below five.
        HttpResponse<String> rules = wms.api(
                "PUT",
                "/api/v1/stores/" + DOMAIN + "/stock-rules",
                "{\"rules\": [{\"buffer\": 2}, {\"product\": \"W-" + MUG + "\", \"outOfStockBelow\": 5}]}");
        assertEquals(200, rules.statusCode(), rules.body());

        // Orders: one shipped, one accepted by the WMS, two waiting in its feed, one held (gift wrapping is not a
        // WMS product).
        Order shipped = shop.placeOrder(location, true, Map.of(SHIRT, 1, MUG, 2));
        long shippedId = wms.acceptedOrder(shipped.id());
        ShippedOrderFixture.shipAndAwait(
                wms, "SHP-" + shipped.name().substring(1), shippedId, "W-" + SHIRT, 1, "W-" + MUG, 2);
        Order accepted = shop.placeOrder(location, true, Map.of(SCARF, 1));
        wms.acceptedOrder(accepted.id());
        Order waiting = shop.placeOrder(location, true, Map.of(TOTE, 2));
        Order waitingToo = shop.placeOrder(location, true, Map.of(SHIRT, 2, SCARF, 1));
        Order held = shop.placeOrder(location, true, Map.of(MUG, 1, GIFT, 1));
        for (Order order : List.of(waiting, waitingToo)) {
            WmsFixture.await(
                    Duration.ofSeconds(60),
                    () -> wms.orderEntry(order.id()) != null,
                    order.name() + " in the feed",
                    () -> "");
        }
        WmsFixture.await(
                Duration.ofSeconds(60),
                () -> "HELD".equals(wms.text("select state from shop_order where shopify_order_id = ?", held.id())),
                held.name() + " held",
                () -> "; it is " + wms.text("select state from shop_order where shopify_order_id = ?", held.id()));

        Files.createDirectories(FOLDER);
        List<String> taken = new ArrayList<>();
        try (Browser browser = new Browser()) {
            browser.visit(connector.url() + "/admin/dashboard.xhtml");
            browser.signIn("admin", SandboxConnector.ADMIN_PASSWORD);
            browser.awaitUrlContaining("/admin/dashboard");
            Page page = new Page(browser, connector.url(), taken);

            page.open("/admin/dashboard.xhtml");
            browser.awaitTextContaining(By.cssSelector("section[data-store='" + DOMAIN + "'] h2"), DOMAIN);
            browser.awaitTextContaining(By.cssSelector("section[data-store='" + DOMAIN + "'] .feed-waiting"), "2");
            page.shoot("dashboard");

            page.open("/admin/stores.xhtml");
            browser.awaitTextContaining(By.id("stores"), DOMAIN);
            page.shoot("stores");

            page.open("/admin/store-add.xhtml");
            browser.awaitTextContaining(By.tagName("h1"), "Add Store");
            page.shoot("store-add");

            page.open("/admin/store-settings.xhtml?store=" + storeId);
            browser.awaitTextContaining(By.tagName("h1"), DOMAIN);
            browser.awaitTextContaining(By.id("locations"), LOCATION);
            page.shoot("store-settings");

            page.open("/admin/product-mapping.xhtml?store=" + storeId);
            browser.awaitPageContaining(SHIRT);
            browser.awaitPageContaining(GIFT);
            page.shoot("product-mapping");

            page.open("/admin/stock.xhtml");
            browser.awaitTextContaining(By.cssSelector("tr[data-store='" + DOMAIN + "']"), DOMAIN);
            page.shoot("stock");

            page.open("/admin/stock-rules.xhtml?store=" + storeId);
            browser.awaitTextContaining(By.tagName("h1"), DOMAIN);
            browser.awaitPageContaining("W-" + MUG);
            page.shoot("stock-rules");

            page.open("/admin/orders.xhtml?store=" + storeId);
            browser.awaitTextContaining(By.id("orders:order-list"), held.name());
            browser.awaitTextContaining(By.id("orders:order-list"), shipped.name());
            browser.awaitTextContaining(By.id("orders:order-list"), "Held");
            page.shoot("orders");

            page.open("/admin/order-trace.xhtml?order=" + shippedId);
            browser.awaitTextContaining(By.id("order-heading"), shipped.name());
            browser.awaitPageContaining("Fulfillment on Shopify");
            page.shoot("order-trace");

            page.open("/admin/item-trace.xhtml?sku=" + SHIRT);
            browser.awaitTextContaining(By.id("item-heading"), SHIRT);
            browser.awaitPageContaining("Push sent");
            page.shoot("item-trace");

            page.open("/admin/activity.xhtml");
            browser.awaitTextContaining(By.tagName("main"), held.name() + " of " + DOMAIN);
            page.shoot("activity");
            browser.text(By.id("retention-rules"));
            page.shootFrom("activity-data", "data");

            page.open("/admin/wms-api.xhtml");
            browser.awaitTextContaining(By.tagName("main"), "Leeds WMS");
            page.shoot("wms-api");

            page.open("/admin/plugins.xhtml");
            browser.awaitTextContaining(By.tagName("h1"), "Plugins");
            page.shoot("plugins");

            page.open("/admin/integration-guide.xhtml");
            browser.awaitTextContaining(By.id("steps-delivered"), "Every step is available today");
            page.shoot("integration-guide");
        }
        System.out.println("Screenshots written to " + FOLDER.toAbsolutePath() + ": " + taken);

        // Every page of the admin folder has its picture.
        try (var pages = Files.list(Path.of("src/main/webapp/admin"))) {
            List<String> missing = pages.map(p -> p.getFileName().toString())
                    .filter(name -> name.endsWith(".xhtml"))
                    .map(name -> name.substring(0, name.length() - ".xhtml".length()))
                    .filter(name -> !taken.contains(name))
                    .sorted()
                    .toList();
            assertEquals(List.of(), missing, "admin pages without a screenshot");
        }
    }

    /** Opens pages of the connector for the sandbox and photographs them once checked. */
    private record Page(Browser browser, String base, List<String> taken) {

        void open(String path) {
            this.browser.visit(this.base + path);
        }

        /** The page from its top, as tall as it is up to {@link #MAX_HEIGHT}, once it has settled. */
        void shoot(String name) throws Exception {
            shootFrom(name, null);
        }

        /**
         * The page from the element with this id (the top when null), 1280 pixels wide and as tall as what follows
         * up to {@link #MAX_HEIGHT}: the window is made that tall for the picture, then 1280 × 900 again.
         */
        void shootFrom(String name, String id) throws Exception {
            WebDriver driver = this.browser.driver();
            JavascriptExecutor script = (JavascriptExecutor) driver;
            this.browser.awaitSettled();
            List<String> errors = driver.findElements(By.cssSelector(".message.error")).stream()
                    .filter(WebElement::isDisplayed)
                    .map(WebElement::getText)
                    .toList();
            assertEquals(List.of(), errors, name + ": no error message");
            assertEquals("[]", this.browser.cspViolations(), name + ": no Content-Security-Policy violation");

            String top = id == null
                    ? "0"
                    : "document.getElementById('" + id + "').getBoundingClientRect().top + window.scrollY";
            long from = ((Number) script.executeScript("return Math.floor(" + top + ");")).longValue();
            long below =
                    ((Number) script.executeScript("return document.documentElement.scrollHeight;")).longValue() - from;
            long frame = driver.manage().window().getSize().getHeight()
                    - ((Number) script.executeScript("return window.innerHeight;")).longValue();
            driver.manage().window().setSize(new Dimension(WIDTH, (int) (Math.min(below, MAX_HEIGHT) + frame)));
            try {
                script.executeScript("window.scrollTo(0, " + from + ");");
                this.browser.awaitSettled();
                byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
                Files.write(FOLDER.resolve(name + ".png"), smaller(png));
            } finally {
                driver.manage().window().setSize(new Dimension(WIDTH, 900));
            }
            this.taken.add(name);
        }
    }

    /**
     * The picture with at most 256 colours (a page is mostly flat colours and the shades of its text's edges), as an
     * indexed PNG: a third of the size or less. The palette: the picture's colours rounded to 4 bits a channel, the
     * 256 most used, each as the most used colour rounded to it; every pixel takes the nearest of them. The
     * original when that is not smaller.
     */
    static byte[] smaller(byte[] png) throws Exception {
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        int width = image.getWidth();
        int height = image.getHeight();
        int[] pixels = image.getRGB(0, 0, width, height, null, 0, width);
        Map<Integer, Integer> counts = new java.util.HashMap<>();
        for (int pixel : pixels) {
            counts.merge(pixel & 0xffffff, 1, Integer::sum);
        }
        long[][] buckets = new long[4096][3]; // pixels, pixels of its most used colour, that colour
        counts.forEach((rgb, count) -> {
            long[] bucket = buckets[bucket(rgb)];
            bucket[0] += count;
            if (count > bucket[1]) {
                bucket[1] = count;
                bucket[2] = rgb;
            }
        });
        List<long[]> used = java.util.Arrays.stream(buckets)
                .filter(b -> b[0] > 0)
                .sorted((x, y) -> Long.compare(y[0], x[0]))
                .limit(256)
                .toList();
        int colours = used.size();
        byte[] red = new byte[colours];
        byte[] green = new byte[colours];
        byte[] blue = new byte[colours];
        for (int i = 0; i < colours; i++) {
            int rgb = (int) used.get(i)[2];
            red[i] = (byte) (rgb >> 16);
            green[i] = (byte) (rgb >> 8);
            blue[i] = (byte) rgb;
        }
        IndexColorModel palette = new IndexColorModel(8, colours, red, green, blue);
        BufferedImage indexed = new BufferedImage(width, height, BufferedImage.TYPE_BYTE_INDEXED, palette);
        int[] nearest = new int[pixels.length];
        Map<Integer, Integer> chosen = new java.util.HashMap<>();
        for (int i = 0; i < pixels.length; i++) {
            int rgb = pixels[i] & 0xffffff;
            nearest[i] = chosen.computeIfAbsent(rgb, c -> {
                int best = 0;
                long bestDistance = Long.MAX_VALUE;
                for (int k = 0; k < colours; k++) {
                    long dr = ((c >> 16) & 0xff) - (red[k] & 0xff);
                    long dg = ((c >> 8) & 0xff) - (green[k] & 0xff);
                    long db = (c & 0xff) - (blue[k] & 0xff);
                    long distance = dr * dr + dg * dg + db * db;
                    if (distance < bestDistance) {
                        bestDistance = distance;
                        best = k;
                    }
                }
                return best;
            });
        }
        indexed.getRaster().setPixels(0, 0, width, height, nearest);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(indexed, "png", out);
        return out.size() < png.length ? out.toByteArray() : png;
    }

    private static int bucket(int pixel) {
        return ((pixel >> 20) & 0xf) << 8 | ((pixel >> 12) & 0xf) << 4 | ((pixel >> 4) & 0xf);
    }
}
