package org.parvis.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * Debian's headless Chromium and ChromeDriver (installed by src/test/install-debian.sh; Selenium
 * never downloads a browser here), in French, with the browser's console kept for the tests, and
 * screenshots of whole pages at a given width.
 */
final class Browsers {

  private Browsers() {}

  /** A new headless Chromium with its own profile under target/. */
  static ChromeDriver chromium() throws Exception {
    Path build = Path.of(System.getProperty("parvis.buildDir", "target"));
    Path profile = Files.createTempDirectory(build, "chromium-");
    var logs = new LoggingPreferences();
    logs.enable(LogType.BROWSER, Level.ALL);
    var options =
        new ChromeOptions()
            .setBinary("/usr/bin/chromium")
            .addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--lang=fr-FR",
                "--user-data-dir=" + profile);
    options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
    options.setCapability("goog:loggingPrefs", logs);
    var service =
        new ChromeDriverService.Builder()
            .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
            .build();
    var browser = new ChromeDriver(service, options);
    browser.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return browser;
  }

  /** The screen as a phone (under 600 px, mobile) or a desktop of this width shows pages. */
  static void viewport(ChromeDriver browser, int width) {
    screen(browser, width, width < 600 ? 844 : 900);
  }

  private static void screen(ChromeDriver browser, int width, long height) {
    browser.executeCdpCommand(
        "Emulation.setDeviceMetricsOverride",
        Map.of("width", width, "height", height, "deviceScaleFactor", 1, "mobile", width < 600));
  }

  /** The whole page, not only what the screen shows, as target/screenshots/name-width.png. */
  static void screenshot(ChromeDriver browser, String name, int width) throws Exception {
    Path screenshots =
        Files.createDirectories(
            Path.of(System.getProperty("parvis.buildDir", "target")).resolve("screenshots"));
    long height =
        ((Number) browser.executeScript("return document.documentElement.scrollHeight"))
            .longValue();
    screen(browser, width, Math.min(height, 8000));
    Path file = browser.getScreenshotAs(OutputType.FILE).toPath();
    Files.copy(
        file,
        screenshots.resolve(name + "-" + width + ".png"),
        StandardCopyOption.REPLACE_EXISTING);
    viewport(browser, width);
  }
}
