package casemail.http;

import casemail.bus.Addresses;
import casemail.bus.Bus;
import casemail.bus.BusFailure;
import casemail.message.MessageDraft;
import casemail.message.Placeholders;
import casemail.message.Signature;
import casemail.message.Words;
import casemail.security.PortalLinks;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.json.JsonObject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes a message as the customer will get it: the placeholders of a checked draft filled for
 * its case, and the signature that will be appended (the author's own, else the
 * administration's). Used to store a message and to preview one, so both show the same; and
 * for a batch, for every case at once — the subject and text compiled once per worker thread,
 * the cases written in slices on several at once.
 */
public final class MessageWriter {

  /** A batch's cases are written on this many worker threads at once, each a slice. */
  private static final int WORKERS = Math.max(1, Runtime.getRuntime().availableProcessors());
  private static final int SLICE = 500;

  private final Vertx vertx;
  private final Bus bus;
  private final PortalLinks links;
  private final String baseUrl;

  public MessageWriter(Vertx vertx, Bus bus, PortalLinks links, String baseUrl) {
    this.vertx = vertx;
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
    return Future.all(bus.request(Addresses.CASE_GET, caseRequest),
            writing(administrationId, authorId, draft))
        .map(all -> all.<Writing>resultAt(1).write(id, all.resultAt(0)));
  }

  /**
   * The draft written for each of {@code cases} (as {@code persistence.case.get} gives them),
   * in their order. 404 for an unknown author; 422 when a filled subject or text is too long.
   */
  public Future<List<Written>> writeAll(long administrationId, long authorId,
      List<JsonObject> cases, MessageDraft draft) {
    return author(administrationId, authorId).compose(author -> {
      var slices = new ArrayList<Future<List<Written>>>();
      int size = Math.max(SLICE, (cases.size() + WORKERS - 1) / WORKERS);
      for (int start = 0; start < cases.size(); start += size) {
        var slice = cases.subList(start, Math.min(cases.size(), start + size));
        slices.add(vertx.executeBlocking(() -> new Writing(author, draft).writeAll(slice),
            false));
      }
      return Future.all(slices).map(all -> slices.stream()
          .flatMap(slice -> slice.result().stream()).toList());
    });
  }

  private Future<Writing> writing(long administrationId, long authorId, MessageDraft draft) {
    return author(administrationId, authorId).map(author -> new Writing(author, draft));
  }

  private Future<Author> author(long administrationId, long authorId) {
    return Future.all(
            bus.request(Addresses.USER_GET, new JsonObject()
                .put("administration_id", administrationId).put("id", authorId)),
            bus.request(Addresses.ADMINISTRATION_GET, new JsonObject()
                .put("administration_id", administrationId)))
        .map(all -> new Author(all.resultAt(0), all.resultAt(1)));
  }

  /** Who writes: the user and the administration, as their get replies give them. */
  private record Author(JsonObject user, JsonObject administration) {
  }

  /**
   * One draft of one author, compiled once, written for as many cases as asked; used by one
   * thread at a time.
   */
  private final class Writing {

    private final JsonObject user;
    private final JsonObject administration;
    private final Placeholders.Filler subject;
    private final Placeholders.Filler body;
    private final String signature;
    private final Instant now = Instant.now();
    private final Map<String, Formats> formats = new HashMap<>();

    Writing(Author author, MessageDraft draft) {
      this.user = author.user();
      this.administration = author.administration();
      this.subject = Placeholders.compile(draft.subject());
      this.body = Placeholders.compile(draft.body());
      this.signature = Signature.choose(user.getString("signature"),
          administration.getString("default_signature"));
    }

    List<Written> writeAll(List<JsonObject> cases) {
      var written = new ArrayList<Written>(cases.size());
      cases.forEach(found -> written.add(write(UUID.randomUUID(), found)));
      return written;
    }

    Written write(UUID id, JsonObject found) {
      var language = Words.of(found.getJsonObject("customer").getString("language")).language();
      var values = PlaceholderValues.of(found, user, administration,
          links.url(baseUrl, id, now), formats.computeIfAbsent(language,
              ignored -> PlaceholderValues.formats(found, administration)));
      return new Written(id.toString(),
          checked("subject", subject.fill(values), MessageDraft.MAX_SUBJECT),
          checked("body", body.fill(values), MessageDraft.MAX_BODY),
          signature);
    }
  }

  private static String checked(String field, String filled, int max) {
    if (filled.length() > max) {
      throw BusFailure.invalid(field, "With its placeholders filled this is longer than " + max
          + " characters");
    }
    return filled;
  }
}
