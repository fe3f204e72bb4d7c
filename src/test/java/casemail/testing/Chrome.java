package casemail.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, driven through Debian's ChromeDriver (both named explicitly: a
 * driver download by Selenium Manager fails without internet). A test class starts one and
 * reuses it for all its tests; without Chromium the class is skipped, saying why.
 */
public final class Chrome {

  private static final File CHROMIUM = new File("/usr/bin/chromium");
  private static final File DRIVER = new File("/usr/bin/chromedriver");
  private static final Path SCREENSHOTS = Path.of("docs", "screenshots");

  private Chrome() {
  }

  /** A fresh browser (own profile), 1280×900, or the test is skipped without Chromium. */
  public static ChromeDriver start() {
    return start(true);
  }

  /** The same, with JavaScript switched off: pages as a user without scripts sees them. */
  public static ChromeDriver startWithoutScripts() {
    return start(false);
  }

  private static ChromeDriver start(boolean scripts) {
    assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "Browser tests skipped: "
        + CHROMIUM + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
    var options = options();
    if (!scripts) {
      options.setExperimentalOption("prefs",
          Map.of("profile.managed_default_content_settings.javascript", 2));
    }
    var driver = new ChromeDriver(service, options);
    driver.manage().window().setSize(new Dimension(1280, 900));
    // Pages come in their own time on a busy machine: finding an element waits for it.
    driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
    driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    return driver;
  }

  private static ChromeOptions options() {
    var options = new ChromeOptions();
    options.setBinary(CHROMIUM);
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
        "--no-first-run", "--disable-dev-shm-usage", "--user-data-dir=" + profile());
    options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
    return options;
  }

  private static Path profile() {
    try {
      return Files.createTempDirectory("casemail-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Quits the browser and stops the app, each if it was started. */
  public static void close(WebDriver driver, TestApp app) {
    try {
      if (driver != null) {
        driver.quit();
      }
    } finally {
      if (app != null) {
        app.close();
      }
    }
  }

  /** Signs in as the seeded admin, through the sign-in page, unless signed in already. */
  public static void signIn(WebDriver driver, TestApp app) {
    driver.get(app.url("/login"));
    if (!driver.getCurrentUrl().endsWith("/login")) {
      return;
    }
    driver.findElement(By.id("email")).sendKeys(TestData.ADMIN_EMAIL);
    var password = driver.findElement(By.id("password"));
    loads(driver, () -> password.sendKeys(TestData.PASSWORD + Keys.ENTER));
    assertThat(driver.getCurrentUrl()).endsWith("/inbox");
    assertThat(driver.findElement(By.cssSelector(".topbar .user a")).getText())
        .isEqualTo(TestData.ADMIN_NAME);
  }

  /**
   * What the console said about the Content-Security-Policy since the last call: a script,
   * style or image a page holds that its policy refuses.
   */
  public static List<String> policyViolations(WebDriver driver) {
    return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
        .map(LogEntry::getMessage)
        .filter(message -> message.contains("Content Security Policy"))
        .toList();
  }

  /**
   * Does what loads another page (a click on a link or submit button, Enter in a form) and
   * waits until the page shown before has gone, so that what follows reads the new one.
   */
  public static void loads(WebDriver driver, Runnable action) {
    var js = (JavascriptExecutor) driver;
    js.executeScript("window.casemailPageBefore = true");
    action.run();
    // While the old page is being replaced, Chromium may answer with an error of its own.
    waiting(driver).ignoring(WebDriverException.class).until(ignored -> Boolean.TRUE.equals(
        js.executeScript("return window.casemailPageBefore === undefined"
            + " && document.readyState === 'complete'")));
  }

  /** Clicks the link or button {@code selector} finds and waits for the page it loads. */
  public static void clickAndLoad(WebDriver driver, String selector) {
    loads(driver, driver.findElement(By.cssSelector(selector))::click);
  }

  /** Waits up to 30 s, for what a script or the server does after a click. */
  public static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  /**
   * Saves the whole page (not only what the window shows) as
   * {@code docs/screenshots/<name>.png} under the project, where the README shows it.
   */
  public static void screenshot(ChromeDriver driver, String name) {
    var size = (List<?>) driver.executeScript("var e = document.documentElement;"
        + "return [e.clientWidth, e.scrollHeight]");
    var clip = Map.of("x", 0, "y", 0, "width", size.get(0), "height", size.get(1), "scale", 1);
    var shot = driver.executeCdpCommand("Page.captureScreenshot",
        Map.of("format", "png", "captureBeyondViewport", true, "clip", clip));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"),
          Base64.getDecoder().decode((String) shot.get("data")));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
