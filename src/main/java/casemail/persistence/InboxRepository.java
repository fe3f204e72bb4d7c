package casemail.persistence;

import casemail.bus.BusFailure;
import casemail.message.InboxQuery;
import io.vertx.core.Future;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Pool;
import io.vertx.sqlclient.Tuple;

/**
 * The inbox: every message of an administration, newest first, filtered and searched, in
 * keyset pages; the count of unread replies; and opening a reply, which marks it read.
 */
public final class InboxRepository {

  private final Pool db;

  public InboxRepository(Pool db) {
    this.db = db;
  }

  /** {@code {administration_id, filter, q, cursor, limit}} → {@code {items, next}}. */
  public Future<JsonObject> list(JsonObject request) {
    var query = InboxQuery.fromJson(request);
    var tuple = MessagePage.after(Tuple.of(request.getLong("administration_id")),
        query.cursor()).addInteger(query.limit() + 1);
    if (query.search() == null) {
      return db.preparedQuery(InboxSql.list(query.filter())).execute(tuple)
          .map(rows -> MessagePage.of(rows, query.limit()));
    }
    tuple.addString(query.searchPattern());
    if (InboxSql.isSmall(query.filter())) {
      return db.preparedQuery(InboxSql.scan(query.filter())).execute(tuple)
          .map(rows -> MessagePage.of(rows, query.limit()));
    }
    return db.preparedQuery(InboxSql.window(query.filter())).execute(tuple)
        .compose(rows -> rows.size() > query.limit() ? Future.succeededFuture(rows)
            : db.preparedQuery(InboxSql.search(query.filter())).execute(tuple))
        .map(rows -> MessagePage.of(rows, query.limit()));
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
}
