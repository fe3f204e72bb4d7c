package casemail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * A user's browser without JavaScript: keeps cookies, follows redirects when asked, and
 * submits the forms of the pages it shows (hidden fields such as the CSRF token included).
 */
public final class Browser {

  private final TestApp app;
  private final HttpClient client;

  Browser(TestApp app) {
    this.app = app;
    this.client = HttpClient.newBuilder()
        .cookieHandler(new CookieManager())
        .followRedirects(HttpClient.Redirect.NEVER)
        .build();
  }

  /** A response as it came, redirects not followed. */
  public record Response(int status, String body, HttpHeaders headers) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }

    public Document document() {
      return Jsoup.parse(body);
    }
  }

  public Response get(String path) {
    return send(HttpRequest.newBuilder(URI.create(app.url(path))).GET().build());
  }

  public Response post(String path, Map<String, String> form) {
    var request = HttpRequest.newBuilder(URI.create(app.url(path)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(form)))
        .build();
    return send(request);
  }

  /** GET, following redirects to the page finally shown. */
  public Response open(String path) {
    return follow(get(path));
  }

  /**
   * Fills the form matching {@code selector} on {@code page} with {@code values} (over its own
   * fields) and submits it, following redirects.
   */
  public Response submit(Response page, String selector, Map<String, String> values) {
    var form = page.document().selectFirst(selector);
    if (form == null) {
      throw new AssertionError("No form " + selector + " on the page");
    }
    var fields = new LinkedHashMap<String, String>();
    form.select("input[name], textarea[name]").forEach(input -> {
      if (!input.attr("type").equals("checkbox") || input.hasAttr("checked")) {
        fields.put(input.attr("name"), input.tagName().equals("textarea") ? input.wholeText()
            : input.attr("value"));
      }
    });
    form.select("select[name]").forEach(select -> {
      var chosen = select.selectFirst("option[selected]");
      fields.put(select.attr("name"), (chosen == null ? select.selectFirst("option") : chosen)
          .attr("value"));
    });
    fields.putAll(values);
    return follow(post(form.attr("action"), fields));
  }

  public Response login(String email, String password) {
    return submit(get("/login"), "form[action=/login]",
        Map.of("email", email, "password", password));
  }

  private Response follow(Response response) {
    var current = response;
    for (int hops = 0; hops < 5 && current.status() / 100 == 3; hops++) {
      var location = current.header("Location");
      current = location.startsWith("http")
          ? send(HttpRequest.newBuilder(URI.create(location)).GET().build())
          : get(location);
    }
    return current;
  }

  private Response send(HttpRequest request) {
    try {
      var response = client.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.body(), response.headers());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return form.entrySet().stream()
        .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
