package com.mcpportal.portal.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.stream.Stream;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by Selenium, with the few verbs portal tests need: open a page, fill a
 * field, press a button, read what a person would read. Paths can be overridden with the system properties
 * {@code portal.test.chromium} and {@code portal.test.chromedriver}.
 */
public final class Browser implements AutoCloseable {

    private static final Duration IMPLICIT_WAIT = Duration.ofSeconds(5);

    private final ChromeDriver driver;
    private final String baseUrl;
    private final Path profile;

    private Browser(ChromeDriver driver, String baseUrl, Path profile) {
        this.driver = driver;
        this.baseUrl = baseUrl;
        this.profile = profile;
    }

    /** Starts a fresh browser (own temporary profile, so no cookies are shared between tests). */
    public static Browser start(String baseUrl) {
        try {
            Path profile = Files.createTempDirectory("portal-chromium-");
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("portal.test.chromium", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                    "--disable-background-networking", "--disable-component-update", "--disable-sync",
                    "--no-first-run", "--window-size=1280,900", "--user-data-dir=" + profile);
            // keeps the page's console (CSP violations included) for consoleErrors()
            options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(new File(System.getProperty("portal.test.chromedriver", "/usr/bin/chromedriver")))
                    .usingAnyFreePort()
                    .build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(driver, baseUrl, profile);
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    public Browser open(String path) {
        driver.get(baseUrl + path);
        return this;
    }

    /** Signs in through the login page. */
    public Browser signIn(String username, String password) {
        open("/login");
        fill("username", username);
        fill("password", password);
        return press("Sign in");
    }

    public Browser signOut() {
        return press("Sign out");
    }

    /** Types into the input with this id, or else this name (replacing what was there). */
    public Browser fill(String idOrName, String value) {
        WebElement input = field(idOrName);
        input.clear();
        input.sendKeys(value);
        return this;
    }

    /** Presses keys in the input with this id, or else this name, after what is there (e.g. {@code Keys.ARROW_DOWN}). */
    public Browser keys(String idOrName, CharSequence... keys) {
        field(idOrName).sendKeys(keys);
        return this;
    }

    /** Chooses the option with this visible text in the select with this id, or else this name. */
    public Browser choose(String idOrName, String visibleText) {
        new Select(field(idOrName)).selectByVisibleText(visibleText);
        return this;
    }

    /** By id first: names repeat on a page (every member row has a "role" select), ids do not. */
    private WebElement field(String idOrName) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            List<WebElement> byId = driver.findElements(By.id(idOrName));
            if (!byId.isEmpty()) {
                return byId.get(0);
            }
        }
        finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
        return driver.findElement(By.name(idOrName));
    }

    /** Clicks the button labelled exactly {@code label} and waits for the page it leads to. */
    public Browser press(String label) {
        return clickAndAwaitNewPage(By.xpath("//button[normalize-space()='" + label + "']"));
    }

    /** Follows the link labelled exactly {@code label} and waits for the page it leads to. */
    public Browser follow(String label) {
        return clickAndAwaitNewPage(By.xpath("//a[normalize-space()='" + label + "']"));
    }

    /** A click returns before the next page has loaded; reading too early would read the old page. */
    private Browser clickAndAwaitNewPage(By target) {
        WebElement oldPage = driver.findElement(By.tagName("html"));
        driver.findElement(target).click();
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(browser -> replaced(oldPage));
        new WebDriverWait(driver, Duration.ofSeconds(60)).until(
                browser -> "complete".equals(driver.executeScript("return document.readyState")));
        return this;
    }

    /**
     * Whether the element's document has been replaced. Selenium's {@code stalenessOf} expects a stale-element error;
     * Chromium sometimes answers for a node of the old document with "Node with given id does not belong to the
     * document" instead, which means the same.
     */
    private static boolean replaced(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (StaleElementReferenceException stale) {
            return true;
        } catch (WebDriverException e) {
            if (e.getMessage() != null && e.getMessage().contains("does not belong to the document")) {
                return true;
            }
            throw e;
        }
    }

    /**
     * Waits (up to 30 s) until an element matching the CSS selector shows the text: for parts a page updates itself.
     * An element the page replaced between finding and reading it is simply looked for again.
     */
    public Browser awaitText(String cssSelector, String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30)).ignoring(StaleElementReferenceException.class)
                .until(browser -> driver.findElements(By.cssSelector(cssSelector)).stream()
                        .anyMatch(element -> element.getText().contains(text)));
        return this;
    }

    /** Runs JavaScript in the page and returns its result (e.g. to mark the page and see it was not reloaded). */
    public Object script(String javaScript) {
        return driver.executeScript(javaScript);
    }

    /** Runs asynchronous JavaScript that calls its last argument with the result, and returns that result. */
    public Object asyncScript(String javaScript, Duration timeout) {
        driver.manage().timeouts().scriptTimeout(timeout);
        return driver.executeAsyncScript(javaScript);
    }

    /** The path of the current page, e.g. {@code /teams/3}. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /** Resizes the window, e.g. to a phone's 390 px width. */
    public Browser resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /**
     * Whether the page fits its window's width: nothing makes the whole page scroll sideways (a wide part may still
     * scroll inside its own box).
     */
    public boolean fitsWidth() {
        return (Boolean) driver.executeScript(
                "return document.documentElement.scrollWidth <= document.documentElement.clientWidth");
    }

    /** The elements wider than the window, as "tag.class" names: what makes a page scroll sideways. */
    @SuppressWarnings("unchecked")
    public List<String> tooWide() {
        return (List<String>) driver.executeScript("""
                var width = document.documentElement.clientWidth;
                return Array.from(document.querySelectorAll('body *'))
                    .filter(function (e) { return e.getBoundingClientRect().right > width + 0.5; })
                    .map(function (e) { return e.tagName.toLowerCase() + (e.className ? '.' + e.className : '')
                        + (e.id ? '#' + e.id : ''); })
                    .slice(0, 15);""");
    }

    /** The page's title, as the browser tab shows it. */
    public String title() {
        return driver.getTitle();
    }

    /** Whether the element with this CSS selector is shown (present and not hidden by a style). */
    public boolean shows(String cssSelector) {
        driver.manage().timeouts().implicitlyWait(Duration.ZERO);
        try {
            return driver.findElements(By.cssSelector(cssSelector)).stream().anyMatch(WebElement::isDisplayed);
        }
        finally {
            driver.manage().timeouts().implicitlyWait(IMPLICIT_WAIT);
        }
    }

    /** Presses Tab once, as a keyboard user moves to the next control (the focus then matches :focus-visible). */
    public Browser tab() {
        new Actions(driver).sendKeys(Keys.TAB).perform();
        return this;
    }

    /** Clicks the element with this CSS selector on the current page (a radio button, a tab) without a new page. */
    public Browser click(String cssSelector) {
        driver.findElement(By.cssSelector(cssSelector)).click();
        return this;
    }

    /**
     * The console's errors since the last call (the browser hands each entry out once): failed loads, script errors
     * and Content-Security-Policy violations, each as its message.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    public String heading() {
        return driver.findElement(By.tagName("h1")).getText();
    }

    /** The flash message at the top of the page. */
    public String flash() {
        return driver.findElement(By.cssSelector(".flash")).getText();
    }

    /** Everything a person can read on the page. */
    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Text of every element matching the CSS selector. */
    public List<String> texts(String cssSelector) {
        return driver.findElements(By.cssSelector(cssSelector)).stream().map(WebElement::getText).toList();
    }

    /** Saves a screenshot under {@code target/screenshots/} for a person to look at. */
    public Browser screenshot(String name) {
        try {
            Path target = Path.of("target", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, driver.getScreenshotAs(OutputType.BYTES));
            return this;
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    @Override
    public void close() {
        driver.quit();
        try (Stream<Path> files = Files.walk(profile)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        catch (IOException ignored) {
            // a leftover temporary profile is harmless
        }
    }
}
