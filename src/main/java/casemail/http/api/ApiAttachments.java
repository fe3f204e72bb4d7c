package casemail.http.api;

import casemail.bus.BusFailure;
import casemail.message.AttachmentStore;
import casemail.message.Attachments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;

/**
 * The attachments of {@code POST /messages} ({@code [{filename, content_type,
 * content_base64}]}): names and sizes checked from the base64 lengths before anything is
 * decoded (413 for a file or message too large), then decoded and stored.
 */
final class ApiAttachments {

  private final List<JsonObject> given;

  private ApiAttachments(List<JsonObject> given) {
    this.given = given;
  }

  /** Checks what was given; throws the 413 or 422 to answer. */
  static ApiAttachments check(JsonArray attachments) {
    var given = new ArrayList<JsonObject>();
    if (attachments == null) {
      return new ApiAttachments(given);
    }
    if (attachments.size() > Attachments.MAX_FILES) {
      throw BusFailure.invalid(Attachments.FIELD, Attachments.tooMany());
    }
    long total = 0;
    for (int i = 0; i < attachments.size(); i++) {
      var attachment = attachments.getJsonObject(i);
      var name = attachment.getString("filename");
      Attachments.nameProblem(name).ifPresent(problem -> {
        throw BusFailure.invalid(Attachments.FIELD, problem);
      });
      long size = decodedSize(name, attachment.getString("content_base64"));
      if (size > Attachments.MAX_FILE_BYTES) {
        throw tooLarge(Attachments.fileTooLarge(name));
      }
      total += size;
      given.add(attachment);
    }
    if (total > Attachments.MAX_MESSAGE_BYTES) {
      throw tooLarge(Attachments.messageTooLarge());
    }
    return new ApiAttachments(given);
  }

  /** Decodes and stores each file: {@code [{filename, content_type, size, sha256}]}. */
  Future<JsonArray> store(AttachmentStore store) {
    var stored = new ArrayList<Future<JsonObject>>();
    for (var attachment : given) {
      var name = attachment.getString("filename");
      stored.add(store.writeBase64(attachment.getString("content_base64"))
          .recover(failure -> Future.failedFuture(notBase64(name)))
          .map(file -> new JsonObject()
              .put("filename", name)
              .put("content_type", Attachments.contentType(attachment.getString("content_type")))
              .put("size", file.size())
              .put("sha256", file.sha256())));
    }
    return Future.all(stored).map(all -> new JsonArray(all.list()));
  }

  /** The size the base64 text decodes to: exact for strict base64, which the decoder wants. */
  private static long decodedSize(String name, String base64) {
    if (base64 == null || base64.length() % 4 != 0) {
      throw notBase64(name);
    }
    int padding = base64.endsWith("==") ? 2 : base64.endsWith("=") ? 1 : 0;
    return base64.length() / 4L * 3 - padding;
  }

  private static BusFailure notBase64(String name) {
    return BusFailure.invalid(Attachments.FIELD,
        "The content of ‘" + name + "’ is not base64 (RFC 4648, without line breaks)");
  }

  private static BusFailure tooLarge(String problem) {
    return new BusFailure(413, problem, new JsonObject().put(Attachments.FIELD, problem));
  }
}
