package org.openperf.browser;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian chromium through its own chromedriver (never a downloaded browser). Screenshots go to
 * target/screenshots as test artefacts. Tests skip where chromium is not installed; .ci/run installs it.
 */
public final class Browser implements AutoCloseable {

    static final File CHROMEDRIVER = new File("/usr/bin/chromedriver");
    static final File CHROMIUM = new File("/usr/bin/chromium");

    final ChromeDriver driver;
    final WebDriverWait wait;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(30));
    }

    public static Browser open() {
        Assumptions.assumeTrue(CHROMEDRIVER.canExecute() && CHROMIUM.canExecute(),
                "chromium and chromium-driver are not installed (apt-get install -y chromium chromium-driver)");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--no-first-run", "--window-size=1440,1100", "--lang=en-US");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER).build();
        return new Browser(new ChromeDriver(service, options));
    }

    /**
     * Logs in on the app's one login page (the browser is on it: opened directly, or sent there from a page or a
     * Camunda webapp) and waits until the browser has left it, for the page it asked for.
     */
    public void login(String user, String password) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username")));
        driver.findElement(By.id("username")).sendKeys(user);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.id("login-submit")).click();
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
    }

    /** Scrolls the element to the middle of the window and clicks it there (footers cover the window's edge). */
    public void click(WebElement element) {
        driver.executeScript("arguments[0].scrollIntoView({block: 'center'});", element);
        wait.until(ExpectedConditions.elementToBeClickable(element)).click();
    }

    /**
     * Enters text into a form-js field the way its Preact component reads it: through the native value setter
     * and an input event (typed keys do not arrive in headless chromium).
     */
    public void enter(WebElement field, String text) {
        driver.executeScript("""
                const field = arguments[0];
                const proto = field.tagName === 'TEXTAREA' ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
                Object.getOwnPropertyDescriptor(proto, 'value').set.call(field, arguments[1]);
                field.dispatchEvent(new Event('input', {bubbles: true}));
                field.dispatchEvent(new Event('blur', {bubbles: true}));
                """, field, text);
        // form-js debounces text input (300 ms) before the value reaches the form's data.
        try {
            Thread.sleep(600);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Waits for an element to be clickable, reloading the page twice if it does not come (a single-page app can
     * lose a route to a race on a loaded machine). On the last miss it keeps a screenshot and the page source under
     * target/screenshots, named {@code failure}, before the wait's exception goes up.
     */
    public WebElement untilClickable(By by, String failure) throws IOException {
        WebDriverWait shortWait = new WebDriverWait(driver, Duration.ofSeconds(20));
        for (int attempt = 1; ; attempt++) {
            try {
                return shortWait.until(ExpectedConditions.elementToBeClickable(by));
            } catch (TimeoutException e) {
                if (attempt == 3) {
                    screenshot(failure);
                    Files.writeString(Path.of("target", "screenshots", failure + ".html"), driver.getPageSource());
                    throw e;
                }
                driver.navigate().refresh();
            }
        }
    }

    public Path screenshot(String name) throws IOException {
        Path dir = Path.of("target", "screenshots");
        Files.createDirectories(dir);
        Path file = dir.resolve(name + ".png");
        Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
        return file;
    }

    @Override
    public void close() {
        driver.quit();
    }

}
