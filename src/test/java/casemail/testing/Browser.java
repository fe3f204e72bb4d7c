package casemail.testing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * A user's browser without JavaScript: keeps cookies, follows redirects when asked, and
 * submits the forms of the pages it shows (hidden fields such as the CSRF token included).
 */
public final class Browser {

  private static final Duration TIMEOUT = Duration.ofSeconds(60);

  private final String baseUrl;
  private final HttpClient client;
  private final CookieManager cookies = new CookieManager();
  private final Map<String, String> headers = new LinkedHashMap<>();

  /** A browser for the Casemail at {@code baseUrl} (no trailing slash). */
  public Browser(String baseUrl) {
    this.baseUrl = baseUrl;
    this.client = HttpClient.newBuilder()
        .cookieHandler(cookies)
        .followRedirects(HttpClient.Redirect.NEVER)
        // As a browser speaks to a plain-http site; a hung request fails the test.
        .version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(TIMEOUT)
        .build();
  }

  /** Sends this header with every request from now on (e.g. as a proxy would add it). */
  public Browser withHeader(String name, String value) {
    headers.put(name, value);
    return this;
  }

  private HttpRequest.Builder to(String url) {
    var builder = HttpRequest.newBuilder(URI.create(url)).timeout(TIMEOUT);
    headers.forEach(builder::header);
    return builder;
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
    return send(to(baseUrl + path).GET().build());
  }

  public Response head(String path) {
    return send(to(baseUrl + path).method("HEAD", HttpRequest.BodyPublishers.noBody()).build());
  }

  /** A download: status, headers and the exact bytes. */
  public record Download(int status, byte[] body, HttpHeaders headers) {

    public String header(String name) {
      return headers.firstValue(name).orElse(null);
    }
  }

  public Download download(String path) {
    var request = to(baseUrl + path).GET().build();
    var response = exchange(request, HttpResponse.BodyHandlers.ofByteArray());
    return new Download(response.statusCode(), response.body(), response.headers());
  }

  public Response post(String path, Map<String, String> form) {
    return postEncoded(path, encode(form));
  }

  /** A form body exactly as given, already URL-encoded (or deliberately not quite). */
  public Response postEncoded(String path, String body) {
    return postRaw(path, "application/x-www-form-urlencoded", body);
  }

  /** A POST of exactly this body, whatever it holds. */
  public Response postRaw(String path, String contentType, String body) {
    var request = to(baseUrl + path)
        .header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body))
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
    var form = form(page, selector);
    var fields = new LinkedHashMap<String, String>();
    fields(form).forEach(field -> fields.put(field.getKey(), field.getValue()));
    fields.putAll(values);
    return follow(post(form.attr("action"), fields));
  }

  /**
   * Clicks a submit button as a browser does: the fields of its form (with {@code values} in
   * place of same-named ones, and the boxes named {@code "name=value"} in {@code untick} left
   * out) and the button's own name and value, sent to the button's formaction or else the
   * form's action, by the form's method; follows redirects.
   */
  public Response click(Response page, String button, Map<String, String> values,
      Set<String> untick) {
    var clicked = page.document().selectFirst(button);
    if (clicked == null || clicked.closest("form") == null) {
      throw new AssertionError("No button " + button + " in a form on the page");
    }
    var form = clicked.closest("form");
    var fields = new ArrayList<Map.Entry<String, String>>();
    fields(form).stream()
        .filter(field -> !values.containsKey(field.getKey()))
        .filter(field -> !untick.contains(field.getKey() + "=" + field.getValue()))
        .forEach(fields::add);
    fields.addAll(values.entrySet());
    if (clicked.hasAttr("name")) {
      fields.add(Map.entry(clicked.attr("name"), clicked.attr("value")));
    }
    var action = clicked.hasAttr("formaction") ? clicked.attr("formaction") : form.attr("action");
    if (form.attr("method").equalsIgnoreCase("get")) {
      return open(action + "?" + encode(fields));
    }
    var request = to(baseUrl + action)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(encode(fields)))
        .build();
    return follow(send(request));
  }

  /** A file a form uploads: the field, the name as on the user's disk, type and bytes. */
  public record Upload(String field, String filename, String contentType, byte[] content) {
  }

  /**
   * Submits the form as a browser does when files are chosen ({@code multipart/form-data},
   * file names in UTF-8 with quotes written {@code %22}), following redirects. Fields the form
   * has several of (ticked checkboxes) are all sent; {@code values} replace same-named ones.
   */
  public Response submitWithFiles(Response page, String selector, Map<String, String> values,
      List<Upload> files) {
    var form = form(page, selector);
    var fields = new ArrayList<Map.Entry<String, String>>();
    fields(form).stream().filter(field -> !values.containsKey(field.getKey()))
        .forEach(fields::add);
    fields.addAll(values.entrySet());
    return postWithFiles(form.attr("action"), fields, files);
  }

  /** Posts exactly these fields and files as {@code multipart/form-data}, following redirects. */
  public Response postWithFiles(String path, List<Map.Entry<String, String>> fields,
      List<Upload> files) {
    var boundary = "----casemail" + UUID.randomUUID();
    var request = to(baseUrl + path)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(multipart(boundary, fields, files)))
        .build();
    return follow(send(request));
  }

  /** Drops a cookie, as when it expires or the browser is closed. */
  public void forgetCookie(String name) {
    var store = cookies.getCookieStore();
    store.getCookies().stream().filter(cookie -> cookie.getName().equals(name)).toList()
        .forEach(cookie -> store.remove(null, cookie));
  }

  /**
   * A GET of a request target sent byte for byte as given (with this browser's cookies), for
   * targets a URI would refuse, such as broken percent-encoding. Status and body only.
   */
  public Response getRaw(String target) {
    var url = URI.create(baseUrl);
    try (var socket = new Socket(url.getHost(), url.getPort())) {
      socket.setSoTimeout((int) TIMEOUT.toMillis());
      var request = new StringBuilder("GET " + target + " HTTP/1.1\r\nHost: " + url.getHost()
          + "\r\nCookie: " + cookieHeader() + "\r\nConnection: close\r\n");
      headers.forEach((name, value) -> request.append(name).append(": ").append(value)
          .append("\r\n"));
      request.append("\r\n");
      socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
      var answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      var status = Integer.parseInt(answer.substring(9, 12));
      var body = answer.substring(answer.indexOf("\r\n\r\n") + 4);
      return new Response(status, body, HttpHeaders.of(Map.of(), (name, value) -> true));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The session cookie, for requests written by hand. */
  public String cookieHeader() {
    return cookies.getCookieStore().getCookies().stream()
        .map(cookie -> cookie.getName() + "=" + cookie.getValue())
        .collect(Collectors.joining("; "));
  }

  private static Element form(Response page, String selector) {
    var form = page.document().selectFirst(selector);
    if (form == null) {
      throw new AssertionError("No form " + selector + " on the page");
    }
    return form;
  }

  /** The form's fields as a browser would send them: text, hidden, ticked boxes, selects. */
  private static List<Map.Entry<String, String>> fields(Element form) {
    var fields = new ArrayList<Map.Entry<String, String>>();
    form.select("input[name], textarea[name]").forEach(input -> {
      var type = input.attr("type");
      if (type.equals("file") || (type.equals("checkbox") && !input.hasAttr("checked"))) {
        return;
      }
      fields.add(Map.entry(input.attr("name"), input.tagName().equals("textarea")
          ? input.wholeText() : input.attr("value")));
    });
    form.select("select[name]").forEach(select -> {
      var chosen = select.selectFirst("option[selected]");
      fields.add(Map.entry(select.attr("name"),
          (chosen == null ? select.selectFirst("option") : chosen).attr("value")));
    });
    return fields;
  }

  private static byte[] multipart(String boundary, List<Map.Entry<String, String>> fields,
      List<Upload> files) {
    var out = new ByteArrayOutputStream();
    for (var field : fields) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
          + field.getKey() + "\"\r\n\r\n" + field.getValue() + "\r\n");
    }
    for (var file : files) {
      write(out, "--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + file.field()
          + "\"; filename=\"" + file.filename().replace("\"", "%22") + "\"\r\nContent-Type: "
          + file.contentType() + "\r\n\r\n");
      out.writeBytes(file.content());
      write(out, "\r\n");
    }
    write(out, "--" + boundary + "--\r\n");
    return out.toByteArray();
  }

  private static void write(ByteArrayOutputStream out, String text) {
    out.writeBytes(text.getBytes(StandardCharsets.UTF_8));
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
          ? send(to(location).GET().build())
          : get(location);
    }
    return current;
  }

  private Response send(HttpRequest request) {
    var response = exchange(request, HttpResponse.BodyHandlers.ofString());
    return new Response(response.statusCode(), response.body(), response.headers());
  }

  private <T> HttpResponse<T> exchange(HttpRequest request, HttpResponse.BodyHandler<T> body) {
    try {
      return client.send(request, body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String encode(Map<String, String> form) {
    return encode(List.copyOf(form.entrySet()));
  }

  private static String encode(List<Map.Entry<String, String>> form) {
    return form.stream()
        .map(entry -> URLEncoder.encode(entry.getKey(), StandardCharsets.UTF_8) + "="
            + URLEncoder.encode(entry.getValue(), StandardCharsets.UTF_8))
        .collect(Collectors.joining("&"));
  }
}
