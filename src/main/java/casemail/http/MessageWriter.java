package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.MessageDraft;
import casemail.message.Placeholders;
import casemail.message.Signature;
import casemail.security.PortalLinks;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.UUID;

/**
 * Writes a message as the customer will get it: the placeholders of a checked draft filled for
 * its case, and the signature that will be appended (the author's own, else the
 * administration's). Used to store a message and to preview one, so both show the same.
 */
public final class MessageWriter {

  private final Bus bus;
  private final PortalLinks links;
  private final String baseUrl;

  public MessageWriter(Bus bus, PortalLinks links, String baseUrl) {
    this.bus = bus;
    this.links = links;
    this.baseUrl = baseUrl;
  }

  /** A message written for a case: its new id, and the final subject, text and signature. */
  public record Written(String id, String subject, String body, String signature) {
  }

  /**
   * Fills the draft's placeholders, which were checked for {@code caseType}. 404 for an unknown
   * case or author; 422 when the filled subject or text is too long.
   */
  public Future<Written> write(long administrationId, long authorId, String caseType,
      long caseId, MessageDraft draft) {
    return write(UUID.randomUUID(), administrationId, authorId, caseType, caseId, draft);
  }

  /** The same, for a message that will be stored under {@code id}. */
  public Future<Written> write(UUID id, long administrationId, long authorId, String caseType,
      long caseId, MessageDraft draft) {
    var caseRequest = new JsonObject().put("administration_id", administrationId)
        .put("type", caseType).put("id", caseId);
    return Future.all(
            bus.request(Addresses.CASE_GET, caseRequest),
            bus.request(Addresses.USER_GET, new JsonObject()
                .put("administration_id", administrationId).put("id", authorId)),
            bus.request(Addresses.ADMINISTRATION_GET, new JsonObject()
                .put("administration_id", administrationId)))
        .map(all -> {
          JsonObject user = all.resultAt(1);
          JsonObject administration = all.resultAt(2);
          var link = links.url(baseUrl, id, Instant.now());
          var values = PlaceholderValues.of(all.resultAt(0), user, administration, link);
          return new Written(id.toString(),
              checked("subject", Placeholders.fill(draft.subject(), values),
                  MessageDraft.MAX_SUBJECT),
              checked("body", Placeholders.fill(draft.body(), values), MessageDraft.MAX_BODY),
              Signature.choose(user.getString("signature"),
                  administration.getString("default_signature")));
        });
  }

  private static String checked(String field, String filled, int max) {
    if (filled.length() > max) {
      throw BusFailure.invalid(field, "With its placeholders filled this is longer than " + max
          + " characters");
    }
    return filled;
  }
}
