package casemail.tracking;

import java.util.List;
import java.util.Locale;

/**
 * Tells a person's mail client from automated loads of a pixel, by the request's User-Agent
 * and prefetch hints. Only this coarse class is stored, never the user agent or the address.
 *
 * <p>Image proxies fetch the pixel whether or not anyone reads the email: Apple Mail Privacy
 * Protection on delivery (its user agent is a bare {@code Mozilla/5.0}), Gmail's and Yahoo's
 * proxies for their users. Security scanners and link previews fetch everything in an email.
 * Only {@link #MAIL_CLIENT} counts as read by a person, and even that is a hint.
 */
public final class OpenClassifier {

  public static final String MAIL_CLIENT = "mail_client";
  public static final String IMAGE_PROXY = "image_proxy";
  public static final String PREFETCH = "prefetch";
  public static final String SCANNER = "scanner";

  /** What Apple Mail Privacy Protection sends, and nothing more. */
  private static final String APPLE_PRIVACY_PROXY = "mozilla/5.0";

  private static final List<String> PROXIES = List.of(
      "googleimageproxy", "ggpht.com", "yahoomailproxy", "outlook-ios-imageproxy",
      "imageproxy", "bingpreview");
  private static final List<String> SCANNERS = List.of(
      "bot", "crawler", "spider", "scan", "preview", "barracuda", "mimecast", "proofpoint",
      "urldefense", "symantec", "messagelabs", "trendmicro", "trend micro", "forcepoint",
      "sophos", "fireeye", "zscaler", "cisco", "safelinks", "facebookexternalhit", "whatsapp",
      "curl", "wget", "python", "java/", "java-http-client", "go-http-client", "okhttp",
      "apache-httpclient", "axios", "node-fetch", "libwww", "headless", "phantomjs");

  private OpenClassifier() {
  }

  /** {@code purpose}: a prefetch hint (Purpose, Sec-Purpose or X-Moz header), or null. */
  public static String classify(String userAgent, String purpose) {
    if (isPrefetch(purpose)) {
      return PREFETCH;
    }
    if (userAgent == null || userAgent.isBlank()) {
      return SCANNER;
    }
    var agent = userAgent.strip().toLowerCase(Locale.ROOT);
    if (agent.equals(APPLE_PRIVACY_PROXY) || PROXIES.stream().anyMatch(agent::contains)) {
      return IMAGE_PROXY;
    }
    if (SCANNERS.stream().anyMatch(agent::contains)) {
      return SCANNER;
    }
    return MAIL_CLIENT;
  }

  private static boolean isPrefetch(String purpose) {
    if (purpose == null) {
      return false;
    }
    var hint = purpose.toLowerCase(Locale.ROOT);
    return hint.contains("prefetch") || hint.contains("preview");
  }
}
