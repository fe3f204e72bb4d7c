package casemail.tracking;

import java.util.List;
import java.util.Locale;

/**
 * Tells a person's mail client from automated loads of a pixel, by the request's User-Agent
 * and prefetch hints. Only this coarse class is stored, never the user agent or the address.
 */
public final class OpenClassifier {

  public static final String MAIL_CLIENT = "mail_client";
  public static final String IMAGE_PROXY = "image_proxy";
  public static final String PREFETCH = "prefetch";
  public static final String SCANNER = "scanner";

  private static final List<String> PROXIES = List.of(
      "googleimageproxy", "ggpht.com", "yahoomailproxy", "outlook-ios-imageproxy",
      "bingpreview", "apple-mail-privacy");
  private static final List<String> SCANNERS = List.of(
      "bot", "crawler", "spider", "scanner", "barracuda", "mimecast", "proofpoint",
      "symantec", "trendmicro", "forcepoint", "sophos", "curl", "wget", "python", "java/",
      "go-http-client", "okhttp", "headlesschrome", "libwww");

  private OpenClassifier() {
  }

  public static String classify(String userAgent, String purpose) {
    if (purpose != null && purpose.toLowerCase(Locale.ROOT).contains("prefetch")) {
      return PREFETCH;
    }
    if (userAgent == null || userAgent.isBlank()) {
      return SCANNER;
    }
    var agent = userAgent.toLowerCase(Locale.ROOT);
    if (PROXIES.stream().anyMatch(agent::contains)) {
      return IMAGE_PROXY;
    }
    if (SCANNERS.stream().anyMatch(agent::contains)) {
      return SCANNER;
    }
    return MAIL_CLIENT;
  }

  /** Whether a person probably saw the email, as opposed to a machine fetching it. */
  public static boolean isHuman(String clientClass) {
    return MAIL_CLIENT.equals(clientClass);
  }
}
