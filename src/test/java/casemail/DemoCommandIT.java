package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.launch.FreePort;
import casemail.testing.Browser;
import casemail.testing.CasemailProcess;
import casemail.testing.Eventually;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's first command, {@code demo}, with the real jar and nothing configured: embedded
 * PostgreSQL and capture mailbox, the demo data, and a login, portal link and API key printed
 * that work.
 */
class DemoCommandIT {

  @TempDir
  Path directory;

  @Test
  void theDemoServesWhatItPrints() throws Exception {
    int port = FreePort.find();
    var base = "http://localhost:" + port;
    try (var demo = CasemailProcess.start(Map.of("CASEMAIL_HTTP_PORT", String.valueOf(port),
        "CASEMAIL_DATA_DIR", directory.resolve("data").toString()), "demo")) {
      var printed = Eventually.get(Duration.ofSeconds(150), demo::log,
          log -> log.contains("API key:"));
      var login = find(printed, "Staff login: +(\\S+) +password: (\\S+)").orElseThrow();
      var portalLink = find(printed, "Portal link: +(\\S+)").orElseThrow().group(1);
      var apiKey = find(printed, "API key: +(\\S+)").orElseThrow().group(1);

      var staff = new Browser(base);
      var inbox = staff.login(login.group(1), login.group(2));
      assertThat(inbox.status()).isEqualTo(200);
      assertThat(inbox.document().select("h1").text()).isEqualTo("Inbox");

      var invoices = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
              URI.create(base + "/api/v1/invoices?number=2026-000030"))
          .header("Authorization", "Bearer " + apiKey).build(),
          HttpResponse.BodyHandlers.ofString());
      assertThat(invoices.statusCode()).isEqualTo(200);
      assertThat(invoices.body()).contains("\"2026-000030\"");

      var customer = new Browser(base);
      var message = customer.open(portalLink.substring(base.length()));
      assertThat(message.status()).isEqualTo(200);
      var replied = customer.submit(message, "form.reply", Map.of("body", "Thanks, paid today."));
      assertThat(replied.status()).isEqualTo(200);

      // The reply notification is a text-only email: the dev mailbox shows its text.
      var notification = Eventually.get(Duration.ofSeconds(30), () -> staff.open("/dev/mailbox")
          .document().select("a:contains(Reply from)"), links -> !links.isEmpty());
      var framed = staff.get(notification.first().attr("href") + "/html");
      assertThat(framed.status()).isEqualTo(200);
      assertThat(framed.document().select("pre").text()).contains("replied to your message");
    }
  }

  private static Optional<Matcher> find(String text, String pattern) {
    var matcher = Pattern.compile(pattern).matcher(text);
    return matcher.find() ? Optional.of(matcher) : Optional.empty();
  }
}
