package casemail.http;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpServerResponse;
import java.util.Base64;

/**
 * {@code GET|HEAD /o/{token}.gif}: a 43-byte transparent GIF from memory that no cache keeps,
 * the same for every path under {@code /o/} — a known token, an unknown or a malformed one —
 * so an answer tells nothing about a token. A GET of a well-formed token is handed to the
 * tracking verticle through {@link OpenHandover}; the answer never waits on the database.
 *
 * <p>It is the busiest endpoint (every email, image proxy and re-open), so it is answered
 * before the router, with header values encoded once: no routing context, session, security
 * headers (nothing here is a page) or compression (the GIF is smaller than its gzip).
 */
public final class PixelRoutes {

  static final Buffer GIF = Buffer.buffer(Base64.getDecoder().decode(
      "R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAICRAEAOw=="));
  private static final String PREFIX = "/o/";
  private static final String SUFFIX = ".gif";
  private static final int MIN_TOKEN = 16;
  private static final int MAX_TOKEN = 64;
  private static final CharSequence IMAGE_GIF = HttpHeaders.createOptimized("image/gif");
  private static final CharSequence NO_STORE = HttpHeaders.createOptimized("no-store, max-age=0");
  private static final CharSequence LENGTH = HttpHeaders.createOptimized(
      String.valueOf(GIF.length()));
  private static final CharSequence NOSNIFF = HttpHeaders.createOptimized("nosniff");
  private static final CharSequence CACHE_CONTROL = HttpHeaders.CACHE_CONTROL;
  private static final CharSequence CONTENT_TYPE_OPTIONS =
      HttpHeaders.createOptimized("X-Content-Type-Options");

  private final OpenHandover handover;

  PixelRoutes(OpenHandover handover) {
    this.handover = handover;
  }

  /** Whether the request is for the pixel, which {@link #answer} serves. */
  static boolean isPixel(HttpServerRequest request) {
    var path = request.path();
    return path != null && path.startsWith(PREFIX);
  }

  void answer(HttpServerRequest request) {
    var method = request.method();
    if (method == HttpMethod.HEAD) {
      gif(request.response()).end();
      return;
    }
    if (method != HttpMethod.GET) {
      request.response().setStatusCode(405).putHeader(HttpHeaders.ALLOW, "GET, HEAD").end();
      return;
    }
    var token = token(request.path());
    if (token == null) {
      gif(request.response()).end(GIF);
      return;
    }
    handover.seen(token, request.getHeader(HttpHeaders.USER_AGENT), purpose(request),
        () -> answerIfOpen(request.response()));
  }

  /** An answer that waited for room may find its client gone; the load still counts. */
  private static void answerIfOpen(HttpServerResponse response) {
    if (!response.closed()) {
      gif(response).end(GIF);
    }
  }

  private static HttpServerResponse gif(HttpServerResponse response) {
    var headers = response.headers();
    headers.set(HttpHeaders.CONTENT_TYPE, IMAGE_GIF);
    headers.set(CACHE_CONTROL, NO_STORE);
    headers.set(HttpHeaders.CONTENT_LENGTH, LENGTH);
    headers.set(CONTENT_TYPE_OPTIONS, NOSNIFF);
    return response;
  }

  /** The token of {@code /o/<token>.gif}: 16 to 64 URL-safe base64 characters; else null. */
  static String token(String path) {
    int end = path.length() - SUFFIX.length();
    int length = end - PREFIX.length();
    if (length < MIN_TOKEN || length > MAX_TOKEN || !path.endsWith(SUFFIX)) {
      return null;
    }
    for (int i = PREFIX.length(); i < end; i++) {
      if (!isTokenCharacter(path.charAt(i))) {
        return null;
      }
    }
    return path.substring(PREFIX.length(), end);
  }

  private static boolean isTokenCharacter(char c) {
    return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
        || c == '-' || c == '_';
  }

  /** A prefetch hint, if the client sent one. */
  private static String purpose(HttpServerRequest request) {
    var purpose = request.getHeader("Purpose");
    if (purpose == null) {
      purpose = request.getHeader("Sec-Purpose");
    }
    return purpose == null ? request.getHeader("X-Moz") : purpose;
  }
}
