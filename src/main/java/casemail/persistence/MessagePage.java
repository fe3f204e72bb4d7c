package casemail.persistence;

import casemail.message.MessageCursor;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.sqlclient.Row;
import io.vertx.sqlclient.RowSet;
import io.vertx.sqlclient.Tuple;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/**
 * A page of messages newest first, read by key: the query's next two parameters say after
 * which message ({@code (created_at, id) < (…, …)}), and it asks for one row more than the
 * page holds, to know whether another page follows.
 */
final class MessagePage {

  private static final OffsetDateTime END_OF_TIME =
      OffsetDateTime.of(9999, 12, 31, 0, 0, 0, 0, ZoneOffset.UTC);
  private static final UUID LAST_ID = new UUID(-1L, -1L);

  private MessagePage() {
  }

  /** Adds where the page starts to the query's parameters: after the cursor, or at the top. */
  static Tuple after(Tuple tuple, MessageCursor cursor) {
    return tuple
        .addOffsetDateTime(cursor == null ? END_OF_TIME
            : OffsetDateTime.ofInstant(cursor.createdAt(), ZoneOffset.UTC))
        .addUUID(cursor == null ? LAST_ID : cursor.id());
  }

  /** {@code {items, next}}: up to {@code limit} messages, and the cursor of the next page. */
  static JsonObject of(RowSet<Row> rows, int limit) {
    var items = new JsonArray();
    MessageCursor next = null;
    for (var row : rows) {
      if (items.size() == limit) {
        break;
      }
      items.add(MessageRepository.toMessage(row));
      if (items.size() == limit && rows.size() > limit) {
        next = new MessageCursor(row.getOffsetDateTime("created_at").toInstant(),
            row.getUUID("id"));
      }
    }
    return new JsonObject()
        .put("items", items)
        .put("next", next == null ? null : next.encode());
  }
}
