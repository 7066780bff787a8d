package org.roadcoder.app;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Function;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium driven through Selenium, for tests of the pages roadcoder serves. It runs
 * Debian's {@code chromium} through Debian's {@code chromium-driver} ({@code ./run-tests} installs both),
 * named explicitly so that Selenium Manager never tries to download a browser or a driver, and with
 * flags that keep the browser off the network.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of(System.getProperty("roadcoder.chromium", "/usr/bin/chromium"));
    public static final Path DRIVER = Path.of(System.getProperty("roadcoder.chromedriver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;

    private Browser(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A fresh browser with its own profile under {@code dir}. */
    public static Browser open(Path dir) throws IOException {
        // Selenium 4.27 has no DevTools bindings for Chromium 156 and says so at WARNING; WebDriver itself works
        java.util.logging.Logger.getLogger("org.openqa.selenium").setLevel(java.util.logging.Level.SEVERE);
        for (Path p : new Path[] {CHROMIUM, DRIVER}) {
            if (!Files.isExecutable(p)) {
                throw new IllegalStateException(p + " not found: the browser tests need Debian's chromium and "
                        + "chromium-driver; run ./run-tests, which installs them (or apt-get install chromium chromium-driver)");
            }
        }
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless",
                "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--user-data-dir=" + Files.createDirectories(dir.resolve("chromium-profile")),
                "--window-size=1400,1000");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
                .usingAnyFreePort().withLogOutput(OutputStream.nullOutputStream()).build();
        return new Browser(new ChromeDriver(service, options));
    }

    public WebDriver driver() {
        return driver;
    }

    /** Opens {@code url} and waits up to {@code seconds} for {@code ready} to give a non-null, non-false value. */
    public <T> T open(String url, int seconds, Function<WebDriver, T> ready) {
        driver.get(url);
        return new WebDriverWait(driver, Duration.ofSeconds(seconds)).until(ready::apply);
    }

    /** Runs a script in the page and returns its result. */
    public Object script(String js) {
        return ((JavascriptExecutor) driver).executeScript(js);
    }

    /** A PNG of the window. */
    public byte[] screenshot() {
        return driver.getScreenshotAs(OutputType.BYTES);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
