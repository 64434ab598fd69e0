package org.firebreak.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Debian headless Chromium driven by Selenium, for the console's end-to-end tests. The driver is the installed
 * {@code /usr/bin/chromedriver}, given explicitly so that Selenium Manager never tries to download one; a machine
 * without Chromium fails the test saying what to install rather than skipping it.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    public static final Duration WAIT = Duration.ofSeconds(15);

    private final ChromeDriver driver;
    private final String base;

    private Browser(ChromeDriver driver, String base) {
        this.driver = driver;
        this.base = base;
    }

    public static Browser open(int port) {
        for (Path needed : List.of(CHROMIUM, CHROMEDRIVER)) {
            if (!Files.isExecutable(needed)) {
                throw new IllegalStateException(needed + " is missing: the console's browser tests need Debian's "
                        + "headless Chromium (apt-get install chromium chromium-driver)");
            }
        }
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                "--force-prefers-reduced-motion", "--lang=en-GB");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability(ChromeOptions.LOGGING_PREFS, logs);
        return new Browser(new ChromeDriver(service, options), "http://127.0.0.1:" + port);
    }

    /**
     * What the pages logged as errors to the browser's console since the last call: a script that threw, a resource
     * that failed to load, anything the Content-Security-Policy refused.
     */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(e -> e.getLevel().intValue() >= Level.SEVERE.intValue()).map(LogEntry::getMessage).toList();
    }

    /** Signs in through the sign-in form, as a person does, and waits for the dashboard it leads to. */
    public Browser signIn(String username, String password) {
        go("/login");
        find("#username").sendKeys(username);
        find("#password").sendKeys(password);
        find("form button[type=submit]").click();
        await("the dashboard after signing in as " + username, d -> path().equals("/") || path().startsWith("/?"));
        return this;
    }

    public Browser go(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    /** Clicks the element, found afresh should a live panel replace it in the meantime. */
    public void click(String css) {
        await("to click " + css, d -> {
            find(css).click();
            return true;
        });
    }

    /** The element's text, read afresh should a live panel replace it in the meantime. */
    public String text(String css) {
        return await("the text of " + css, d -> find(css).getText());
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    /** Waits until the condition gives something other than null or false, and returns it. */
    public <T> T await(String what, Function<WebDriver, T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(what).ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(condition);
    }

    /** A script that ends by calling its last argument (a callback), e.g. after a fetch. */
    public Object asyncScript(String js, Object... args) {
        return driver.executeAsyncScript(js, args);
    }

    public Object script(String js, Object... args) {
        return driver.executeScript(js, args);
    }

    public Browser size(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        return this;
    }

    /** A PNG of the viewport, e.g. {@code docs/screenshots/dashboard.png}. */
    public void screenshot(Path file) {
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), file, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
