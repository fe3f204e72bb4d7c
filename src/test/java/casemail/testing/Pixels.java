package casemail.testing;

import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.jsoup.Jsoup;

/** Loads tracking pixels as mail clients, image proxies and scanners do. */
public final class Pixels {

  /** Apple Mail on an iPhone, fetching images itself: a person opened the email. */
  public static final String APPLE_MAIL = "Mozilla/5.0 (iPhone; CPU iPhone OS 17_4 like Mac OS X)"
      + " AppleWebKit/605.1.15 (KHTML, like Gecko) Mobile/15E148";
  /** Gmail's image proxy. */
  public static final String GMAIL_PROXY = "Mozilla/5.0 (Windows NT 5.1; rv:11.0) Gecko"
      + " Firefox/11.0 (via ggpht.com GoogleImageProxy)";
  /** Apple Mail Privacy Protection, which loads every image on delivery. */
  public static final String APPLE_PRIVACY_PROXY = "Mozilla/5.0";

  private static final HttpClient CLIENT = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();

  private Pixels() {
  }

  /** An answer as it came: status, exact bytes, headers. */
  public record Answer(int status, byte[] body, HttpHeaders headers) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public static Answer get(String url, String userAgent) {
    return load(url, "GET", userAgent);
  }

  public static Answer load(String url, String method, String userAgent) {
    var request = HttpRequest.newBuilder(URI.create(url))
        .timeout(Duration.ofSeconds(30))
        .header("User-Agent", userAgent)
        .method(method, HttpRequest.BodyPublishers.noBody())
        .build();
    try {
      var response = CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Answer(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The pixel's URL in the email's HTML part, or null if it has none. */
  public static String in(MimeMessage email) {
    var image = Jsoup.parse(Emails.part(email, "text/html")).selectFirst("img");
    return image == null ? null : image.attr("src");
  }
}
