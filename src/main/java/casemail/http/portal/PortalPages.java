package casemail.http.portal;

import casemail.message.Attachments;
import casemail.message.Words;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Models of the portal's own problem pages — not found, errors, a form sent without its token —
 * in the customer's language, and nothing else of the customer.
 */
public final class PortalPages {

  private PortalPages() {
  }

  /** The model of {@code portal/problem} for a failed portal request with this status. */
  public static JsonObject problem(RoutingContext ctx, int status) {
    var words = Words.of(PortalSession.language(ctx));
    var kind = switch (status) {
      case 401 -> "session";
      case 404, 405 -> "notfound";
      case 413 -> "toolarge";
      default -> "error";
    };
    return problem(words, kind, Attachments.limitsInMb()).put("back", words.get("portal.back"));
  }

  /** A problem page of one kind ({@code portal.<kind>.title} and {@code .text}). */
  public static JsonObject problem(Words words, String kind, Object... arguments) {
    return new JsonObject()
        .put("lang", words.language())
        .put("title", words.get("portal." + kind + ".title"))
        .put("text", words.get("portal." + kind + ".text", arguments));
  }

  /**
   * The words of {@code portal/csrf-retry}, which sends a refused form again; {@code dropped}:
   * the names of the files the refused form carried.
   */
  public static JsonObject csrfRetry(RoutingContext ctx, String dropped) {
    var words = Words.of(PortalSession.language(ctx));
    return problem(words, "csrf")
        .put("send", words.get(dropped == null ? "portal.csrf.send"
            : "portal.csrf.send_without_files"))
        .put("dropped", dropped == null ? null : words.get("portal.csrf.files_dropped", dropped));
  }
}
