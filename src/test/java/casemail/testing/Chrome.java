package casemail.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
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
    assumeTrue(CHROMIUM.canExecute() && DRIVER.canExecute(), "Browser tests skipped: "
        + CHROMIUM + " or " + DRIVER + " is missing (apt-get install chromium chromium-driver)");
    var service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER).build();
    var driver = new ChromeDriver(service, options());
    driver.manage().window().setSize(new Dimension(1280, 900));
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
    return options;
  }

  private static Path profile() {
    try {
      return Files.createTempDirectory("casemail-chromium");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits up to 15 s, for what a script or the server does after a click. */
  public static WebDriverWait waiting(WebDriver driver) {
    return new WebDriverWait(driver, Duration.ofSeconds(15));
  }

  /**
   * Saves the visible page as {@code docs/screenshots/<name>.png} (under the project, where
   * the README shows it), the window resized to the page's height first, up to 2000 px.
   */
  public static void screenshot(ChromeDriver driver, String name) {
    var window = driver.manage().window();
    var before = window.getSize();
    var height = ((Number) ((JavascriptExecutor) driver)
        .executeScript("return document.documentElement.scrollHeight")).intValue();
    window.setSize(new Dimension(before.getWidth(), Math.min(2000, height + 140)));
    try {
      Files.createDirectories(SCREENSHOTS);
      Files.write(SCREENSHOTS.resolve(name + ".png"),
          ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } finally {
      window.setSize(before);
    }
  }
}
