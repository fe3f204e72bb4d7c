package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.message.Attachments;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Attachments: pending ones kept for a composer form, attached to a message when it is stored,
 * and read for downloads — by staff within their administration, by the portal only for its
 * customer's messages.
 */
public final class AttachmentRepository {

  private static final String COLUMNS =
      "a.id, a.message_id, a.filename, a.content_type, a.size, a.sha256";

  /** Pending attachments older than this are forgotten when new ones are stored. */
  private static final String PURGE = """
      DELETE FROM attachments
      WHERE administration_id = $1 AND message_id IS NULL AND batch_id IS NULL
        AND created_at < now() - interval '2 days'""";

  private static final String INSERT = """
      INSERT INTO attachments (administration_id, message_id, batch_id, position, filename,
        content_type, size, sha256)
      SELECT $1::bigint, $2::uuid, $3::uuid, n.position, n.filename, n.content_type, n.size,
        n.sha256
      FROM unnest($4::int[], $5::text[], $6::text[], $7::bigint[], $8::text[])
        AS n(position, filename, content_type, size, sha256)
      RETURNING id, message_id, filename, content_type, size, sha256, position""";

  private static final String ATTACH = """
      UPDATE attachments a
      SET message_id = $2, batch_id = $3, position = k.position
      FROM unnest($4::uuid[]) WITH ORDINALITY AS k(id, position)
      WHERE a.id = k.id AND a.administration_id = $1 AND a.message_id IS NULL
        AND a.batch_id IS NULL
      RETURNING a.size""";

  private static final String PENDING = "SELECT " + COLUMNS + """

      FROM attachments a
      JOIN unnest($2::uuid[]) WITH ORDINALITY AS k(id, position) ON k.id = a.id
      WHERE a.administration_id = $1 AND a.message_id IS NULL AND a.batch_id IS NULL
      ORDER BY k.position""";

  private static final String GET = "SELECT " + COLUMNS + """

      FROM attachments a
      WHERE a.administration_id = $1 AND a.id = $2""";

  /**
   * Only an attachment of a message to this customer, or of a batch that sent the customer a
   * message: any other id reads as unknown.
   */
  private static final String PORTAL_GET = "SELECT " + COLUMNS + """

      FROM attachments a
      WHERE a.id = $2 AND EXISTS (
        SELECT 1 FROM messages m
        WHERE m.customer_id = $1 AND (m.id = a.message_id OR m.batch_id = a.batch_id)
      )""";

  private final Pool db;

  public AttachmentRepository(Pool db) {
    this.db = db;
  }

  public Future<JsonObject> store(JsonObject request) {
    long administrationId = request.getLong("administration_id");
    return db.preparedQuery(PURGE).execute(Tuple.of(administrationId))
        .compose(purged -> insert(db, administrationId, Owner.NONE,
            request.getJsonArray("items"), 0))
        .map(rows -> new JsonObject().put("items", toAttachments(rows)));
  }

  public Future<JsonObject> pending(JsonObject request) {
    // Not Tuple.of(id, array): the array would be taken as the rest of its varargs.
    var tuple = Tuple.of(request.getLong("administration_id"))
        .addArrayOfUUID(ids(request.getJsonArray("ids")));
    return db.preparedQuery(PENDING).execute(tuple)
        .map(rows -> new JsonObject().put("items", toAttachments(rows)));
  }

  public Future<JsonObject> get(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"), parseId(request.getString("id")));
    return db.preparedQuery(GET).execute(tuple).map(AttachmentRepository::single);
  }

  public Future<JsonObject> portal(JsonObject request) {
    var tuple = Tuple.of(request.getLong("customer_id"), parseId(request.getString("id")));
    return db.preparedQuery(PORTAL_GET).execute(tuple).map(AttachmentRepository::single);
  }

  /** What stored attachments belong to: one message, every message of one batch, or none yet. */
  record Owner(UUID messageId, UUID batchId) {

    static final Owner NONE = new Owner(null, null);

    static Owner message(UUID id) {
      return new Owner(id, null);
    }

    static Owner batch(UUID id) {
      return new Owner(null, id);
    }
  }

  /**
   * Attaches the request's pending {@code attachment_ids} and new {@code attachments} to a
   * message or batch being stored in {@code tx}: 422 if a pending one is gone, 413 if together
   * they are larger than a message may carry.
   */
  static Future<Void> attach(SqlClient tx, long administrationId, Owner owner,
      JsonObject request) {
    var requested = request.getJsonArray("attachment_ids", new JsonArray());
    var pending = ids(requested);
    var added = request.getJsonArray("attachments", new JsonArray());
    if (requested.size() + added.size() > Attachments.MAX_FILES) {
      return Future.failedFuture(BusFailure.invalid(Attachments.FIELD, Attachments.tooMany()));
    }
    var attached = requested.isEmpty() ? Future.succeededFuture(List.<Long>of())
        : tx.preparedQuery(ATTACH).execute(Tuple.of(administrationId, owner.messageId(),
                owner.batchId(), pending))
            .map(rows -> sizes(rows, requested.size()));
    return attached.compose(sizes -> insert(tx, administrationId, owner, added,
            requested.size()).map(rows -> total(sizes, rows)))
        .compose(total -> total > Attachments.MAX_MESSAGE_BYTES
            ? Future.failedFuture(new BusFailure(413, Attachments.messageTooLarge(),
                new JsonObject().put(Attachments.FIELD, Attachments.messageTooLarge())))
            : Future.succeededFuture());
  }

  private static Future<RowSet<Row>> insert(SqlClient client, long administrationId,
      Owner owner, JsonArray items, int firstPosition) {
    var positions = new ArrayList<Integer>();
    var names = new ArrayList<String>();
    var types = new ArrayList<String>();
    var sizes = new ArrayList<Long>();
    var hashes = new ArrayList<String>();
    for (int i = 0; i < items.size(); i++) {
      var item = items.getJsonObject(i);
      positions.add(firstPosition + i + 1);
      names.add(item.getString("filename"));
      types.add(item.getString("content_type"));
      sizes.add(item.getLong("size"));
      hashes.add(item.getString("sha256"));
    }
    var tuple = Tuple.of(administrationId, owner.messageId(), owner.batchId(),
            positions.toArray(Integer[]::new), names.toArray(String[]::new),
            types.toArray(String[]::new))
        .addArrayOfLong(sizes.toArray(Long[]::new))
        .addArrayOfString(hashes.toArray(String[]::new));
    return client.preparedQuery(INSERT).execute(tuple);
  }

  private static List<Long> sizes(RowSet<Row> rows, int expected) {
    if (rows.rowCount() != expected) {
      throw BusFailure.invalid(Attachments.FIELD,
          "An attachment is no longer available: add the file again");
    }
    var sizes = new ArrayList<Long>();
    rows.forEach(row -> sizes.add(row.getLong("size")));
    return sizes;
  }

  private static long total(List<Long> sizes, RowSet<Row> added) {
    long total = sizes.stream().mapToLong(Long::longValue).sum();
    for (var row : added) {
      total += row.getLong("size");
    }
    return total;
  }

  private static UUID[] ids(JsonArray ids) {
    var parsed = new ArrayList<UUID>();
    for (int i = 0; i < ids.size(); i++) {
      try {
        parsed.add(UUID.fromString(ids.getString(i)));
      } catch (IllegalArgumentException | ClassCastException | NullPointerException e) {
        // An id that is not a UUID names no attachment: it is simply not found.
      }
    }
    return parsed.toArray(UUID[]::new);
  }

  private static UUID parseId(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException | NullPointerException e) {
      throw BusFailure.notFound("Attachment");
    }
  }

  private static JsonObject single(RowSet<Row> rows) {
    if (rows.size() == 0) {
      throw BusFailure.notFound("Attachment");
    }
    return toAttachment(rows.iterator().next());
  }

  private static JsonArray toAttachments(RowSet<Row> rows) {
    var items = new JsonArray();
    rows.forEach(row -> items.add(toAttachment(row)));
    return items;
  }

  static JsonObject toAttachment(Row row) {
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("message_id", Rows.uuid(row, "message_id"))
        .put("filename", row.getString("filename"))
        .put("content_type", row.getString("content_type"))
        .put("size", row.getLong("size"))
        .put("sha256", row.getString("sha256"));
  }
}
