package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.message.InboxQuery;
import static java.time.ZoneOffset.UTC;

import io.vertx.core.Future;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.util.UUID;

/**
 * The inbox: every message of an administration, newest first, filtered and searched, in
 * keyset pages; the count of unread replies; and opening a reply, which marks it read.
 */
public final class InboxRepository {

  /** Before every real message: where the first page starts. */
  private static final OffsetDateTime END_OF_TIME =
      OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, UTC);
  private static final UUID LAST_ID = new UUID(-1L, -1L);

  private final Pool db;

  public InboxRepository(Pool db) {
    this.db = db;
  }

  /** {@code {administration_id, filter, q, cursor, limit}} → {@code {items, next}}. */
  public Future<JsonObject> list(JsonObject request) {
    var query = InboxQuery.fromJson(request);
    var cursor = query.cursor();
    var tuple = Tuple.of(request.getLong("administration_id"),
        cursor == null ? END_OF_TIME : OffsetDateTime.ofInstant(cursor.createdAt(), UTC),
        cursor == null ? LAST_ID : cursor.id(),
        query.limit() + 1);
    if (query.search() == null) {
      return db.preparedQuery(InboxSql.list(query.filter())).execute(tuple)
          .map(rows -> page(rows, query.limit()));
    }
    tuple.addString(query.searchPattern());
    if (InboxSql.isSmall(query.filter())) {
      return db.preparedQuery(InboxSql.scan(query.filter())).execute(tuple)
          .map(rows -> page(rows, query.limit()));
    }
    return db.preparedQuery(InboxSql.window(query.filter())).execute(tuple)
        .compose(rows -> rows.size() > query.limit() ? Future.succeededFuture(rows)
            : db.preparedQuery(InboxSql.search(query.filter())).execute(tuple))
        .map(rows -> page(rows, query.limit()));
  }

  /** {@code {administration_id}} → {@code {unread}}: replies nobody has opened yet. */
  public Future<JsonObject> unread(JsonObject request) {
    return db.preparedQuery(InboxSql.UNREAD_COUNT)
        .execute(Tuple.of(request.getLong("administration_id")))
        .map(rows -> new JsonObject()
            .put("unread", rows.iterator().next().getLong("unread")));
  }

  /** {@code {administration_id, id}} → the message, a reply now marked read; 404. */
  public Future<JsonObject> read(JsonObject request) {
    long administrationId = request.getLong("administration_id");
    var id = MessageRepository.parseId(request.getString("id"));
    return db.preparedQuery(InboxSql.MARK_READ).execute(Tuple.of(administrationId, id))
        .compose(ignored -> db.preparedQuery(MessageSql.BY_ID)
            .execute(Tuple.of(administrationId, id)))
        .map(rows -> {
          if (rows.size() == 0) {
            throw BusFailure.notFound("Message");
          }
          return MessageRepository.toMessage(rows.iterator().next());
        });
  }

  private static JsonObject page(RowSet<Row> rows, int limit) {
    var items = new JsonArray();
    InboxQuery.Cursor next = null;
    for (var row : rows) {
      if (items.size() == limit) {
        break;
      }
      items.add(MessageRepository.toMessage(row));
      if (items.size() == limit && rows.size() > limit) {
        next = new InboxQuery.Cursor(row.getOffsetDateTime("created_at").toInstant(),
            row.getUUID("id"));
      }
    }
    return new JsonObject()
        .put("items", items)
        .put("next", next == null ? null : next.encode());
  }
}
