package wms.shopify.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Chromium (Debian's chromium and chromium-driver) driving the admin pages as a person would.
 */
public final class Browser implements AutoCloseable {

    private static final String RECORD_CSP_VIOLATIONS = "document.addEventListener('securitypolicyviolation',"
            + " function (e) { var seen = JSON.parse(sessionStorage.getItem('csp-violations') || '[]');"
            + " seen.push(e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' on ' + e.documentURI"
            + " + ' line ' + e.lineNumber); sessionStorage.setItem('csp-violations', JSON.stringify(seen)); });";

    private final WebDriver driver;
    private final WebDriverWait wait;

    public Browser() {
        if (System.getProperty("webdriver.chrome.driver") == null) {
            System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        options.addArguments(
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900");
        ChromeDriver chrome = new ChromeDriver(options);
        // Every page this browser opens records the Content-Security-Policy violations it meets (a blocked inline
        // script, say) in its tab's session storage, where cspViolations() reads them across reloads.
        chrome.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", Map.of("source", RECORD_CSP_VIOLATIONS));
        this.driver = chrome;
        this.wait = new WebDriverWait(this.driver, Duration.ofSeconds(20));
        // Pages that refresh themselves (progress) replace their elements between finding one and reading it: such
        // a read is tried again, like an element not there yet.
        this.wait.ignoring(org.openqa.selenium.StaleElementReferenceException.class);
    }

    public WebDriver driver() {
        return this.driver;
    }

    public void open(String path) {
        visit(ConnectorServer.url() + path);
    }

    /** Goes to an absolute address (another server than the build's, e.g. the connector for the sandbox). */
    public void visit(String url) {
        this.driver.get(url);
    }

    /** Replaces the text of an input field. */
    public void type(By locator, String text) {
        until(driver -> {
            try {
                WebElement field =
                        ExpectedConditions.visibilityOfElementLocated(locator).apply(driver);
                if (field == null) {
                    return false;
                }
                field.clear();
                field.sendKeys(text);
                return true;
            } catch (org.openqa.selenium.ElementNotInteractableException
                    | org.openqa.selenium.StaleElementReferenceException e) {
                // Shown while it was found, hidden or replaced (an animation, an ajax update) before typed in.
                return false;
            }
        });
    }

    /**
     * Ticks or unticks an item of a PrimeFaces checkbox picker ({@code p:selectCheckboxMenu}) by the label it shows:
     * opens the picker, types part of the label in its filter when {@code typed} is given, clicks the item's box and
     * closes the picker, waiting until its panel has faded out (opened again before it is hidden, it would be found
     * visible and then hide).
     *
     * @param pickerId the picker's client id, such as {@code settings:countries}
     */
    public void tick(String pickerId, String typed, String label) {
        String css = "#" + pickerId.replace(":", "\\:");
        click(By.cssSelector(css + " .ui-selectcheckboxmenu-trigger"));
        if (typed != null) {
            type(By.cssSelector(css + "_panel .ui-selectcheckboxmenu-filter"), typed);
        }
        click(By.xpath("//*[@id='" + pickerId + "_panel']//li[.//label[normalize-space()='" + label
                + "']]//div[contains(@class,'ui-chkbox-box')]"));
        this.driver.findElement(By.tagName("h1")).click();
        awaitHidden(By.id(pickerId + "_panel"));
    }

    /** Chooses an option of a drop-down by the text it shows. */
    public void choose(By locator, String visibleText) {
        new Select(until(ExpectedConditions.visibilityOfElementLocated(locator))).selectByVisibleText(visibleText);
    }

    /** The text of the option a drop-down shows as chosen. */
    public String chosen(By locator) {
        return new Select(until(ExpectedConditions.visibilityOfElementLocated(locator)))
                .getFirstSelectedOption()
                .getText();
    }

    /** Waits until the browser is at an address that contains this text (e.g. after redirects). */
    public void awaitUrlContaining(String text) {
        until(ExpectedConditions.urlContains(text));
    }

    /**
     * Signs in on the login page the browser was sent to, and waits until the page the sign-in leads to has loaded:
     * a test that went on at once could navigate away while the sign-in was still under way, and land on the login
     * page again.
     */
    public void signIn(String user, String password) {
        this.wait
                .until(ExpectedConditions.visibilityOfElementLocated(By.id("j_username")))
                .sendKeys(user);
        this.driver.findElement(By.id("j_password")).sendKeys(password);
        WebElement button = this.driver.findElement(By.id("sign-in"));
        button.click();
        until(ExpectedConditions.stalenessOf(button));
        until((ExpectedCondition<Boolean>)
                driver -> "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState")));
    }

    public String text(By locator) {
        return until(ExpectedConditions.visibilityOfElementLocated(locator)).getText();
    }

    /**
     * Clicks the element once it is clickable. An element an ajax update replaces between being found and clicked
     * (PrimeFaces re-renders the parts a request updates) is found again, never clicked stale.
     */
    public void click(By locator) {
        until(driver -> {
            try {
                WebElement element =
                        ExpectedConditions.elementToBeClickable(locator).apply(driver);
                if (element == null) {
                    return false;
                }
                element.click();
                return true;
            } catch (org.openqa.selenium.StaleElementReferenceException e) {
                return false;
            }
        });
    }

    public void awaitText(By locator, String text) {
        until(ExpectedConditions.textToBe(locator, text));
    }

    /** Waits until an element (a picker's panel that fades out, say) is hidden or gone. */
    public void awaitHidden(By locator) {
        until(ExpectedConditions.invisibilityOfElementLocated(locator));
    }

    /** Waits until the page (the answer to a form just posted, say) contains this text. */
    public void awaitPageContaining(String text) {
        until(driver -> driver.getPageSource().contains(text));
    }

    /** Waits until an element (found again on every reload) has this attribute value. */
    public void awaitAttribute(By locator, String attribute, String value) {
        until(ExpectedConditions.attributeToBe(locator, attribute, value));
    }

    /** Waits until an element's text contains this text (a table's page report after an ajax update, say). */
    public void awaitTextContaining(By locator, String text) {
        until(ExpectedConditions.textToBePresentInElementLocated(locator, text));
    }

    /**
     * Waits until no CSS transition runs and no ajax request of PrimeFaces is under way (an endless animation, a
     * spinner say, is not waited for): a check of
     * colours (contrast) taken mid-transition, or while a button is disabled for its request, would measure a state
     * no one sees for long.
     */
    public void awaitSettled() {
        until(driver -> (Boolean) ((org.openqa.selenium.JavascriptExecutor) driver)
                .executeScript("return document.getAnimations()"
                        + ".every(a => !(a instanceof CSSTransition) || a.playState !== 'running')"
                        + " && !(window.PrimeFaces && PrimeFaces.ajax && PrimeFaces.ajax.Queue"
                        + " && PrimeFaces.ajax.Queue.isEmpty && !PrimeFaces.ajax.Queue.isEmpty())"));
    }

    /** Saves the files this browser downloads (a CSV export, say) in the given folder. */
    public void downloadTo(Path folder) {
        ((ChromeDriver) this.driver)
                .executeCdpCommand(
                        "Browser.setDownloadBehavior",
                        Map.of(
                                "behavior",
                                "allow",
                                "downloadPath",
                                folder.toAbsolutePath().toString()));
    }

    /** Waits for a condition; when it never comes, keeps a screenshot and the page source of what was shown. */
    private <T> T until(ExpectedCondition<T> condition) {
        try {
            return this.wait.until(condition);
        } catch (TimeoutException e) {
            try {
                String name = "failed-" + System.currentTimeMillis();
                screenshot(name);
                Files.writeString(Path.of("target", "screenshots", name + ".html"), this.driver.getPageSource());
            } catch (java.io.IOException | RuntimeException ignored) {
                e.addSuppressed(ignored);
            }
            throw e;
        }
    }

    /**
     * The Content-Security-Policy violations the pages of the connector's origin met in this browser so far, as a
     * JSON array of "directive blocked what on page" texts; {@code []} when there were none.
     */
    public String cspViolations() {
        return String.valueOf(((org.openqa.selenium.JavascriptExecutor) this.driver)
                .executeScript("return sessionStorage.getItem('csp-violations') || '[]';"));
    }

    /** Saves what the browser shows, for a person to look at after a run (target/screenshots). */
    public void screenshot(String name) throws java.io.IOException {
        Path directory = Path.of("target", "screenshots");
        Files.createDirectories(directory);
        Files.write(
                directory.resolve(name + ".png"), ((TakesScreenshot) this.driver).getScreenshotAs(OutputType.BYTES));
    }

    @Override
    public void close() {
        this.driver.quit();
    }
}
