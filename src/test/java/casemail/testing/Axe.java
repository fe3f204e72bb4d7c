package casemail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * axe-core, the accessibility checker, run on the page a browser shows. Its script comes from
 * a Maven Central artifact and is injected through the driver, so the page's own
 * Content-Security-Policy (no inline script) stays as it is.
 */
public final class Axe {

  private static final String SOURCE = load();

  /** Runs axe and answers its serious and critical violations, one line each. */
  private static final String RUN = """
      var done = arguments[arguments.length - 1];
      axe.run(document, {resultTypes: ['violations']}).then(function (result) {
        done(result.violations
          .filter(function (v) { return v.impact === 'serious' || v.impact === 'critical'; })
          .map(function (v) {
            return v.impact + ' ' + v.id + ' (' + v.help + '): ' + v.nodes.map(function (n) {
              return n.target.join(' ') + ' ' + n.failureSummary.replace(/\\s+/g, ' ');
            }).join(' | ');
          }));
      }, function (error) { done(['axe failed: ' + error]); });
      """;

  private Axe() {
  }

  /** The serious and critical violations on the page the browser shows now. */
  @SuppressWarnings("unchecked")
  public static List<String> seriousViolations(WebDriver driver) {
    var js = (JavascriptExecutor) driver;
    if (!Boolean.TRUE.equals(js.executeScript("return typeof axe !== 'undefined'"))) {
      js.executeScript(SOURCE);
    }
    return (List<String>) js.executeAsyncScript(RUN);
  }

  private static String load() {
    try (var in = Axe.class.getResourceAsStream("/axe.min.js")) {
      if (in == null) {
        throw new IllegalStateException("axe.min.js not on the test class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
