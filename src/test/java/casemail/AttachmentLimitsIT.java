package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Browser;
import casemail.testing.Cases;
import casemail.testing.Emails;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Attachments refused early — before the upload is complete — and served so that no browser
 * renders them, whatever their type. Requests are written by hand where a client library would
 * insist on sending the whole body first.
 */
class AttachmentLimitsIT {

  private static final long MB = 1024 * 1024;
  private static TestApp app;

  @BeforeAll
  static void start() {
    app = TestApp.start();
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void refusesAnUploadDeclaredLargerThanAMessageBeforeReadingIt() throws Exception {
    var staff = signedIn();
    try (var socket = open()) {
      var out = socket.getOutputStream();
      write(out, head(staff, "Content-Length: " + 30 * MB));
      out.write(new byte[64 * 1024]);
      out.flush();

      // The whole answer, not a reset: what the client still sends is read before closing.
      var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(answer).startsWith("HTTP/1.1 413 Request Entity Too Large")
          .contains("Nothing was sent: go back to your message to change its attachments.");
    }
  }

  @Test
  void refusesAnUploadWithoutLengthOnceItPassesTheLimit() throws Exception {
    var staff = signedIn();
    try (var socket = open()) {
      var out = socket.getOutputStream();
      write(out, head(staff, "Transfer-Encoding: chunked"));
      var sender = new Thread(() -> sendChunks(out, 27));
      sender.start();

      assertThat(statusLine(socket)).isEqualTo("HTTP/1.1 413 Request Entity Too Large");
      sender.join(10_000);
    }
  }

  @Test
  void servesAnAttachmentOfAnyTypeAsADownloadThatIsNeverRendered() {
    var staff = signedIn();
    var path = "/invoices/" + Cases.invoice(app, "2026-000034");
    var subject = "Svg " + UUID.randomUUID();
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>";
    staff.submitWithFiles(staff.open(path + "/messages/new"), "form.composer",
        Map.of("subject", subject, "body", "x"), List.of(new Browser.Upload("attachments",
            "drawing.svg", "image/svg+xml", svg.getBytes(StandardCharsets.UTF_8))));
    Emails.withSubject(app, subject);
    var link = staff.open(path).document().selectFirst(".entry .attachment-list a").attr("href");

    var download = staff.download(link);

    assertThat(download.status()).isEqualTo(200);
    assertThat(download.header("Content-Type")).isEqualTo("image/svg+xml");
    assertThat(download.header("Content-Disposition"))
        .isEqualTo("attachment; filename=\"drawing.svg\"; filename*=UTF-8''drawing.svg");
    assertThat(download.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(download.header("Content-Security-Policy")).startsWith("sandbox");
    assertThat(app.browser().download(link).status()).isNotEqualTo(200);
  }

  private static Browser signedIn() {
    var staff = app.browser();
    staff.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return staff;
  }

  private static Socket open() throws IOException {
    var socket = new Socket("127.0.0.1", app.settings().httpPort());
    socket.setSoTimeout(15_000);
    return socket;
  }

  private static String head(Browser staff, String length) {
    var path = "/invoices/" + Cases.invoice(app, "2026-000030") + "/messages";
    return "POST " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\nCookie: " + staff.cookieHeader()
        + "\r\nContent-Type: multipart/form-data; boundary=limit\r\n" + length + "\r\n\r\n";
  }

  /** Sends {@code megabytes} chunks of 1 MB and never ends the body. */
  private static void sendChunks(OutputStream out, int megabytes) {
    try {
      var chunk = new byte[(int) MB];
      for (int i = 0; i < megabytes; i++) {
        write(out, Long.toHexString(MB) + "\r\n");
        out.write(chunk);
        write(out, "\r\n");
      }
      out.flush();
    } catch (IOException e) {
      // The server closed the connection after refusing: what the test expects.
    }
  }

  private static String statusLine(Socket socket) throws IOException {
    var in = new BufferedReader(new InputStreamReader(socket.getInputStream(),
        StandardCharsets.ISO_8859_1));
    return in.readLine();
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.ISO_8859_1));
  }
}
