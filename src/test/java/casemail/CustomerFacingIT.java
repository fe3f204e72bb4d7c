package casemail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.testing.Administrations;
import casemail.testing.Browser;
import casemail.testing.Browser.Upload;
import casemail.testing.Emails;
import casemail.testing.Portal;
import casemail.testing.TestApp;
import casemail.testing.TestData;
import io.vertx.core.json.JsonObject;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.imageio.ImageIO;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What customers see of an administration: its logo in the portal's header and the email's
 * (uploaded in Settings → Administration, checked by content, served publicly), and every
 * word in their language — German here.
 */
class CustomerFacingIT {

  private static final String GERMAN_INVOICE = "2026-000044";
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
  void anUploadedLogoIsServedPubliclyAndShownInThePortalAndTheEmail() throws IOException {
    var admin = admin();
    var png = png(120, 40);

    var saved = uploadLogo(admin, new Upload("logo", "acme.png", "image/png", png));

    assertThat(saved.status()).isEqualTo(200);
    assertThat(saved.body()).contains("Logo saved.");
    var path = saved.document().selectFirst("img.logo-preview").attr("src");
    assertThat(path).matches("/logo/\\d+/\\d+");
    var logo = app.browser().download(path);
    assertThat(logo.status()).isEqualTo(200);
    assertThat(logo.body()).isEqualTo(png);
    assertThat(logo.header("Content-Type")).isEqualTo("image/png");
    assertThat(logo.header("X-Content-Type-Options")).isEqualTo("nosniff");
    assertThat(logo.header("Cache-Control")).contains("public", "max-age=");
    assertThat(logo.header("Set-Cookie")).isNull();
    var subject = "Logo " + UUID.randomUUID();
    var message = Portal.send(app, "invoice", GERMAN_INVOICE, subject, "Hallo");
    var html = Jsoup.parse(Emails.part(Emails.withSubject(app, subject), "text/html"));
    var emailLogo = html.selectFirst("img[alt=" + TestData.ADMINISTRATION + "]");
    assertThat(emailLogo).isNotNull();
    assertThat(emailLogo.attr("src")).isEqualTo(app.url(path));
    var portal = Portal.enter(app, message).open("/portal").document();
    assertThat(portal.selectFirst("header img.brand-logo").attr("src")).isEqualTo(path);
    assertThat(portal.selectFirst("header img.brand-logo").attr("alt"))
        .isEqualTo(TestData.ADMINISTRATION);
  }

  @Test
  void thePortalTakesTheAdministrationsColour() {
    Administrations.update(app, new JsonObject().put("portal_colour", "#AA0000"));
    try {
      var message = Portal.send(app, "invoice", GERMAN_INVOICE, "Colour " + UUID.randomUUID(),
          "Hallo");

      var portal = Portal.enter(app, message).open("/portal").document();

      var sheet = portal.select("link[rel=stylesheet][href^=/colour/]").attr("href");
      assertThat(sheet).isEqualTo("/colour/aa0000.css");
      var css = app.browser().get(sheet);
      assertThat(css.status()).isEqualTo(200);
      assertThat(css.header("Content-Type")).startsWith("text/css");
      assertThat(css.body()).contains("--brand: #aa0000");
      assertThat(app.browser().get("/colour/aa0000;x.css").status()).isEqualTo(404);
    } finally {
      Administrations.update(app, new JsonObject().put("portal_colour", "#1d4f91"));
    }
  }

  @Test
  void aFileThatIsNotASmallImageIsRefusedWithAClearMessage() throws IOException {
    var admin = admin();
    var before = admin.open("/settings/administration").document().select("img.logo-preview")
        .attr("src");
    var text = "not an image".getBytes(StandardCharsets.UTF_8);
    var svg = "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
        .getBytes(StandardCharsets.UTF_8);
    var large = Arrays.copyOf(png(10, 10), 201 * 1024);

    var renamed = uploadLogo(admin, new Upload("logo", "logo.png", "image/png", text));
    var vector = uploadLogo(admin, new Upload("logo", "logo.svg", "image/svg+xml", svg));
    var tooLarge = uploadLogo(admin, new Upload("logo", "big.png", "image/png", large));

    for (var refused : List.of(renamed, vector)) {
      assertThat(refused.status()).isEqualTo(422);
      assertThat(refused.document().select("#logo-error").text())
          .startsWith("This file is not a PNG, JPEG or GIF image.");
      assertThat(refused.document().select("#logo").attr("aria-invalid")).isEqualTo("true");
    }
    assertThat(tooLarge.status()).isEqualTo(422);
    assertThat(tooLarge.document().select("#logo-error").text()).contains("at most 200 KB");
    assertThat(admin.open("/settings/administration").document().select("img.logo-preview")
        .attr("src")).isEqualTo(before);
  }

  @Test
  void aRemovedLogoIsGoneFromItsAddress() throws IOException {
    var admin = admin();
    var saved = uploadLogo(admin, new Upload("logo", "a.gif", "image/gif", gif()));
    var path = saved.document().selectFirst("img.logo-preview").attr("src");

    var removed = admin.submit(saved, "form[action=/settings/administration/logo/delete]",
        Map.of());

    assertThat(removed.body()).contains("Logo removed.");
    assertThat(removed.document().select("img.logo-preview")).isEmpty();
    assertThat(app.browser().get(path).status()).isEqualTo(404);
  }

  @Test
  void aGermanCustomersEmailAndPortalAreInGerman() {
    var subject = "Rechnung {{invoice.number}}: {{invoice.open_amount}} offen, fällig "
        + "{{invoice.due_date}} " + UUID.randomUUID();

    var message = Portal.send(app, "invoice", GERMAN_INVOICE, subject, "Guten Tag");
    var email = Emails.withSubject(app, message.getString("subject"));
    var html = Jsoup.parse(Emails.part(email, "text/html"));
    var text = Emails.part(email, "text/plain");
    var portal = app.browser().open(Portal.path(app, html.selectFirst("a[href*=/portal/]")
        .attr("href")));

    // German amounts: a non-breaking space before the euro sign.
    assertThat(message.getString("subject").replace('\u00a0', ' '))
        .startsWith("Rechnung " + GERMAN_INVOICE + ": 1.061,37 € offen, fällig 20.05.2026");
    assertThat(html.selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(html.select("a[href*=/portal/]").text()).isEqualTo("Auf diese Nachricht antworten");
    assertThat(html.text()).contains("Sie haben eine neue Nachricht von");
    assertThat(text).contains("Auf diese Nachricht antworten:", "Diese Nachricht wurde von");
    assertThat(portal.status()).isEqualTo(200);
    assertThat(portal.document().selectFirst("html").attr("lang")).isEqualTo("de");
    assertThat(portal.document().select("#reply-title").text()).isEqualTo("Antworten");
  }

  private static Browser admin() {
    var admin = app.browser();
    admin.login(TestData.ADMIN_EMAIL, TestData.PASSWORD);
    return admin;
  }

  private static Browser.Response uploadLogo(Browser admin, Upload file) {
    return admin.submitWithFiles(admin.open("/settings/administration"), "form.logo", Map.of(),
        List.of(file));
  }

  private static byte[] png(int width, int height) throws IOException {
    return image("png", width, height);
  }

  private static byte[] gif() throws IOException {
    return image("gif", 20, 20);
  }

  private static byte[] image(String format, int width, int height) throws IOException {
    var image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(new Color(0x1d4f91));
    graphics.fillRect(0, 0, width, height);
    graphics.dispose();
    var out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
