package casemail.http;

import casemail.message.AttachmentStore;
import casemail.message.Attachments;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * Sends a stored attachment as a download, never as a page: {@code Content-Disposition:
 * attachment} with the exact name ({@code filename*}) and a safe ASCII one for old clients,
 * the stored content type, no sniffing, and a sandbox policy in case a browser shows it anyway
 * (an HTML or SVG file then runs no script).
 */
public final class Downloads {

  private final AttachmentStore store;

  public Downloads(AttachmentStore store) {
    this.store = store;
  }

  /** {@code attachment}: as read by {@code persistence.attachment.get}. */
  public void send(RoutingContext ctx, JsonObject attachment) {
    var path = store.path(attachment.getString("sha256"));
    ctx.response()
        .putHeader("Content-Type", attachment.getString("content_type"))
        .putHeader("Content-Disposition", disposition(attachment.getString("filename")))
        .putHeader("X-Content-Type-Options", "nosniff")
        .putHeader("Content-Security-Policy", "sandbox; default-src 'none'")
        .putHeader("Cache-Control", "private, no-store")
        .sendFile(path.toString())
        .onFailure(ctx::fail);
  }

  static String disposition(String filename) {
    return "attachment; filename=\"" + asciiName(filename) + "\"; filename*=UTF-8''"
        + Attachments.percentEncoded(filename);
  }

  /**
   * The name with anything but plain printable ASCII replaced by {@code _}: quotes, percent
   * signs and path separators too, so that no browser reads a folder into it.
   */
  static String asciiName(String filename) {
    var out = new StringBuilder();
    filename.codePoints().forEach(c -> out.append(
        c >= 0x20 && c < 0x7f && "\"\\%/".indexOf(c) < 0 ? (char) c : '_'));
    var name = out.toString().strip();
    return name.replace("_", "").isBlank() ? "attachment" : name;
  }
}
