package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.persistence.AttachmentRepository.Owner;
import casemail.security.Tokens;
import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.SqlClient;
import io.vertx.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.UUID;

/**
 * Batches. A batch is stored in one transaction with one message and one delivery per case
 * (a few thousand rows per statement, no round trip per row) and its attachments once for all
 * its messages; a submit repeating an idempotency key gets the batch stored first. Progress is
 * read from the state of the batch's deliveries.
 */
public final class BatchRepository {

  /** Rows per insert statement: large enough to be fast, small enough for a quick bind. */
  static final int CHUNK = 2000;
  private static final double MIN_RATE_S = 0.1;
  static final String ALL_BOUNCING = "Not emailed: every address of the customer is bouncing";

  private final Pool db;

  public BatchRepository(Pool db) {
    this.db = db;
  }

  /**
   * Stores a batch ({@code persistence.batch.create}); {@code created} false when its key was
   * used before, and nothing else is stored then.
   */
  public Future<JsonObject> create(JsonObject request) {
    var batch = NewBatch.of(request);
    return db.withTransaction(tx -> MessageRepository.author(tx, batch.administrationId(),
            batch.authorId())
        .compose(author -> tx.preparedQuery(BatchSql.INSERT).execute(batch.row())
            .compose(rows -> rows.size() == 0 ? existing(tx, batch)
                : storeMessages(tx, batch, author, request))));
  }

  /** {@code {administration_id, idempotency_key}} → {@code {id, total}}; 404 if none. */
  public Future<JsonObject> find(JsonObject request) {
    var tuple = Tuple.of(request.getLong("administration_id"),
        request.getString("idempotency_key"));
    return db.preparedQuery(BatchSql.BY_KEY).execute(tuple).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("Batch");
      }
      return toFound(rows.iterator().next());
    });
  }

  /** {@code {administration_id, id}} → the batch with its progress; 404. */
  public Future<JsonObject> progress(JsonObject request) {
    var id = MessageRepository.parseId(request.getString("id"));
    var tuple = Tuple.of(request.getLong("administration_id"), id);
    return db.preparedQuery(BatchSql.PROGRESS).execute(tuple).map(rows -> {
      if (rows.size() == 0) {
        throw BusFailure.notFound("Batch");
      }
      return toProgress(rows.iterator().next());
    });
  }

  /**
   * {@code {}} → {@code {items: [{id, sent, failed, portal_only}]}}: the batches now marked
   * finished, nothing of them being left to mail.
   */
  public Future<JsonObject> finish(JsonObject ignored) {
    return db.preparedQuery(BatchSql.FINISH).execute().map(rows -> {
      var items = new JsonArray();
      rows.forEach(row -> items.add(new JsonObject()
          .put("id", Rows.uuid(row, "id"))
          .put("sent", row.getLong("sent"))
          .put("failed", row.getLong("failed"))
          .put("portal_only", row.getLong("portal_only"))));
      return new JsonObject().put("items", items);
    });
  }

  private Future<JsonObject> existing(SqlClient tx, NewBatch batch) {
    var tuple = Tuple.of(batch.administrationId(), batch.idempotencyKey());
    return tx.preparedQuery(BatchSql.BY_KEY).execute(tuple)
        .map(rows -> toFound(rows.iterator().next()).put("created", false));
  }

  /**
   * The chunks' statements go out at once, pipelined on the transaction's connection: the
   * database runs them one after the other without waiting for the client in between.
   */
  private Future<JsonObject> storeMessages(SqlClient tx, NewBatch batch, Row author,
      JsonObject request) {
    var chunks = new ArrayList<Future<Long>>();
    for (int start = 0; start < batch.size(); start += CHUNK) {
      chunks.add(chunk(tx, batch, author, start));
    }
    return Future.all(chunks)
        .map(all -> chunks.stream().mapToLong(Future::result).sum())
        .compose(emailed -> AttachmentRepository.attach(tx, batch.administrationId(),
                Owner.batch(batch.id()), request)
            .map(ignored -> new JsonObject()
                .put("id", batch.id().toString())
                .put("total", batch.size())
                .put("emailed", emailed)
                .put("portal_only", batch.size() - emailed)
                .put("created", true)));
  }

  /** Stores messages {@code start} … of the batch with their deliveries; how many to email. */
  private static Future<Long> chunk(SqlClient tx, NewBatch batch, Row author, int start) {
    int end = Math.min(start + CHUNK, batch.size());
    var sender = author.getString("sender_address");
    var deliveryIds = new UUID[end - start];
    var headers = new String[end - start];
    var tokens = new String[end - start];
    for (int i = 0; i < deliveryIds.length; i++) {
      deliveryIds[i] = UUID.randomUUID();
      headers[i] = MessageRepository.messageIdHeader(deliveryIds[i], sender);
      tokens[i] = Tokens.random(16);
    }
    var tuple = Tuple.of(batch.administrationId(), batch.authorId(),
            MessageRepository.signatureOf(author), batch.id(), batch.caseType())
        .addArrayOfUUID(batch.messageIds(start, end))
        .addArrayOfLong(batch.caseIds(start, end))
        .addArrayOfString(batch.subjects(start, end))
        .addArrayOfString(batch.bodies(start, end))
        .addArrayOfUUID(deliveryIds)
        .addArrayOfString(headers)
        .addArrayOfString(tokens)
        .addArrayOfString(batch.cc())
        .addArrayOfString(batch.bcc())
        .addString(MessageRepository.NO_ADDRESS)
        .addString(ALL_BOUNCING);
    return tx.preparedQuery(BatchSql.insertMessages(batch.caseType())).execute(tuple)
        .map(rows -> {
          if (rows.rowCount() != end - start) {
            throw new BusFailure(409, "A case of the selection no longer exists: choose the "
                + "cases again");
          }
          long emailed = 0;
          for (var row : rows) {
            emailed += "queued".equals(row.getString("status")) ? 1 : 0;
          }
          return emailed;
        });
  }

  private static JsonObject toFound(Row row) {
    return new JsonObject().put("id", Rows.uuid(row, "id")).put("total", row.getLong("total"));
  }

  private static JsonObject toProgress(Row row) {
    long remaining = row.getLong("remaining");
    return new JsonObject()
        .put("id", Rows.uuid(row, "id"))
        .put("case_type", row.getString("case_type"))
        .put("subject", row.getString("subject"))
        .put("author_name", row.getString("author_name"))
        .put("created_at", Rows.instant(row, "created_at"))
        .put("total", row.getLong("total"))
        .put("stored", row.getLong("stored"))
        .put("sent", row.getLong("sent"))
        .put("failed", row.getLong("failed"))
        .put("portal_only", row.getLong("portal_only"))
        .put("remaining", remaining)
        .put("finished", row.getLong("stored") - remaining)
        .put("done", remaining == 0)
        .put("rate", rate(remaining, row.getLong("sent"), row.getLong("recent"),
            row.getDouble("sending_seconds"), row.getDouble("span_seconds")))
        .put("anonymous_opens", row.getJsonObject("anonymous_opens"));
  }

  /**
   * Emails per second: while the batch is being mailed, those of the last
   * {@link BatchSql#RATE_WINDOW_S} seconds over the time they took (less just after the start);
   * once it is done, all of them over the time from the first to the last. 0 until two were
   * sent.
   */
  static double rate(long remaining, long sent, long recent, Double sendingSeconds,
      Double spanSeconds) {
    if (sent < 2 || sendingSeconds == null) {
      return 0;
    }
    double perSecond = remaining > 0
        ? recent / Math.min(BatchSql.RATE_WINDOW_S, Math.max(MIN_RATE_S, sendingSeconds))
        : sent / Math.max(MIN_RATE_S, spanSeconds);
    return Math.round(perSecond * 10) / 10.0;
  }

  /** A batch as {@code persistence.batch.create} asks for it, its messages written. */
  private record NewBatch(UUID id, long administrationId, long authorId, String caseType,
      String subject, String idempotencyKey, String[] cc, String[] bcc, JsonObject messages) {

    static NewBatch of(JsonObject request) {
      var messages = request.getJsonObject("messages");
      if (messages.getJsonArray("ids").isEmpty()) {
        throw BusFailure.invalid("case_ids", "Choose at least one case");
      }
      return new NewBatch(UUID.randomUUID(), request.getLong("administration_id"),
          request.getLong("author_id"), CaseType.parse(request.getString("case_type")).value(),
          request.getString("subject"), request.getString("idempotency_key"),
          Rows.array(request.getJsonArray("cc")), Rows.array(request.getJsonArray("bcc")),
          messages);
    }

    int size() {
      return messages.getJsonArray("ids").size();
    }

    Tuple row() {
      return Tuple.of(id, administrationId, authorId, caseType, subject, size())
          .addString(idempotencyKey);
    }

    UUID[] messageIds(int start, int end) {
      var ids = messages.getJsonArray("ids");
      var slice = new UUID[end - start];
      for (int i = start; i < end; i++) {
        slice[i - start] = MessageRepository.parseId(ids.getString(i));
      }
      return slice;
    }

    Long[] caseIds(int start, int end) {
      var ids = messages.getJsonArray("case_ids");
      var slice = new Long[end - start];
      for (int i = start; i < end; i++) {
        slice[i - start] = ids.getLong(i);
      }
      return slice;
    }

    String[] subjects(int start, int end) {
      return strings("subjects", start, end);
    }

    String[] bodies(int start, int end) {
      return strings("bodies", start, end);
    }

    private String[] strings(String column, int start, int end) {
      var values = messages.getJsonArray(column);
      var slice = new ArrayList<String>(end - start);
      for (int i = start; i < end; i++) {
        slice.add(values.getString(i));
      }
      return slice.toArray(String[]::new);
    }
  }
}
