package casemail.mail;

import casemail.message.AttachmentStore;
import casemail.message.Attachments;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.file.AsyncFile;
import io.vertx.core.file.OpenOptions;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.mail.MailAttachment;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The attachments of one email, streamed from their stored files rather than read into memory
 * (the mail client base64-encodes a stream line by line; whole data would cost several times
 * its size in heap). File names are written by us as RFC 2231 parameters ({@code
 * filename*=UTF-8''…}, split into numbered segments when long), because the mail client's own
 * {@code filename="…"} breaks on quotes and non-Latin names.
 */
final class AttachmentParts {

  private static final Pattern PLAIN_NAME = Pattern.compile("[\\x20-\\x7E&&[^\"\\\\%]]{1,60}");
  private static final int SEGMENT = 50;

  private final Vertx vertx;
  private final AttachmentStore store;

  AttachmentParts(Vertx vertx, AttachmentStore store) {
    this.vertx = vertx;
    this.store = store;
  }

  /** A stored attachment that is gone: the email cannot be sent as written. */
  static final class MissingFile extends RuntimeException {

    MissingFile(String filename) {
      super("The attachment ‘" + filename + "’ is missing from storage", null, false, false);
    }
  }

  /** The opened files of one email; close them once the send is over, however it ended. */
  record Opened(List<MailAttachment> attachments, List<AsyncFile> files) {

    void close() {
      files.forEach(file -> file.close().onFailure(ignored -> { }));
    }
  }

  /** Opens the files of {@code attachments} ({@code [{filename, content_type, size, sha256}]}). */
  Future<Opened> open(JsonArray attachments) {
    var opening = new ArrayList<Future<AsyncFile>>();
    for (int i = 0; i < attachments.size(); i++) {
      opening.add(openFile(attachments.getJsonObject(i)));
    }
    return Future.join(opening).transform(done -> {
      var files = new ArrayList<AsyncFile>();
      opening.stream().filter(Future::succeeded).forEach(file -> files.add(file.result()));
      if (done.failed()) {
        files.forEach(AsyncFile::close);
        return Future.failedFuture(done.cause());
      }
      var parts = new ArrayList<MailAttachment>();
      for (int i = 0; i < files.size(); i++) {
        parts.add(part(attachments.getJsonObject(i), files.get(i)));
      }
      return Future.succeededFuture(new Opened(parts, files));
    });
  }

  private Future<AsyncFile> openFile(JsonObject attachment) {
    var path = store.path(attachment.getString("sha256")).toString();
    return vertx.fileSystem().open(path, new OpenOptions().setRead(true).setWrite(false))
        .recover(failure -> Future.failedFuture(
            new MissingFile(attachment.getString("filename"))));
  }

  static MailAttachment part(JsonObject attachment, AsyncFile file) {
    var name = attachment.getString("filename");
    return MailAttachment.create()
        .setStream(file)
        .setSize(attachment.getLong("size").intValue())
        .setContentType(attachment.getString("content_type") + ";" + parameter("name", name))
        .setDisposition("attachment;" + parameter("filename", name));
  }

  /**
   * A header parameter carrying {@code value} exactly, folded onto its own line: quoted when
   * it is short plain ASCII, else RFC 2231-encoded as UTF-8 in segments of at most 50
   * characters (each line stays far below SMTP's limit, whatever the name's script).
   */
  static String parameter(String name, String value) {
    if (PLAIN_NAME.matcher(value).matches()) {
      return "\r\n " + name + "=\"" + value + "\"";
    }
    var segments = segments(Attachments.percentEncoded(value));
    if (segments.size() == 1) {
      return "\r\n " + name + "*=UTF-8''" + segments.get(0);
    }
    var out = new StringBuilder();
    for (int i = 0; i < segments.size(); i++) {
      out.append(i == 0 ? "" : ";").append("\r\n ").append(name).append('*').append(i)
          .append("*=").append(i == 0 ? "UTF-8''" : "").append(segments.get(i));
    }
    return out.toString();
  }

  /**
   * Cuts at most {@link #SEGMENT} characters per segment, never inside a {@code %XX} nor inside
   * a character's UTF-8 bytes (some readers decode each segment on its own).
   */
  private static List<String> segments(String encoded) {
    var segments = new ArrayList<String>();
    int start = 0;
    while (start < encoded.length()) {
      int end = Math.min(start + SEGMENT, encoded.length());
      if (end < encoded.length()) {
        int percent = encoded.lastIndexOf('%', end - 1);
        if (percent > end - 3 && percent > start) {
          end = percent;
        }
        while (end - start > 3 && isContinuationByte(encoded, end)) {
          end -= 3;
        }
      }
      segments.add(encoded.substring(start, end));
      start = end;
    }
    return segments;
  }

  /** Whether the {@code %XX} at {@code at} is a UTF-8 continuation byte (10xxxxxx). */
  private static boolean isContinuationByte(String encoded, int at) {
    return at + 2 < encoded.length() && encoded.charAt(at) == '%'
        && "89AB".indexOf(encoded.charAt(at + 1)) >= 0;
  }
}
