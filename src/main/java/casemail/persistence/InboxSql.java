package casemail.persistence;

import casemail.message.InboxQuery.Filter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL of the inbox: one statement per filter, with and without search, so that each is
 * planned for the partial index of its filter. Pages are keyset pages on
 * {@code (created_at, id)}, newest first: {@code $1} administration, {@code $2, $3} the
 * cursor, {@code $4} the limit, {@code $5} the search pattern.
 */
final class InboxSql {

  private static final String SENT = """
        AND m.direction = 'outbound'
      """;

  private static final String REPLIES = """
        AND m.direction = 'inbound'
      """;

  private static final String UNREAD_REPLIES = """
        AND m.direction = 'inbound' AND m.read_at IS NULL
      """;

  private static final String FAILED = """
        AND m.id IN (
          SELECT f.message_id FROM deliveries f
          WHERE f.administration_id = $1 AND f.status = 'failed'
        )
      """;

  /** Customer name, subject or text; the subject-and-text expression is trigram-indexed. */
  private static final String SEARCH = """
        AND ((m.subject || ' ' || m.body) ILIKE $5
          OR m.customer_id = ANY (ARRAY(
            SELECT s.id FROM customers s
            WHERE s.administration_id = $1 AND s.name ILIKE $5
          )))
      """;

  private static final String PAGE = """
        AND (m.created_at, m.id) < ($2, $3)
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $4""";

  static final String UNREAD_COUNT = """
      SELECT count(*) AS unread
      FROM messages
      WHERE administration_id = $1 AND direction = 'inbound' AND read_at IS NULL""";

  static final String MARK_READ = """
      UPDATE messages
      SET read_at = now()
      WHERE administration_id = $1 AND id = $2 AND direction = 'inbound' AND read_at IS NULL""";

  private static final Map<Filter, String> LIST = statements(false);
  private static final Map<Filter, String> SEARCHED = statements(true);

  private InboxSql() {
  }

  static String page(Filter filter, boolean searched) {
    return (searched ? SEARCHED : LIST).get(filter);
  }

  private static Map<Filter, String> statements(boolean searched) {
    var statements = new EnumMap<Filter, String>(Filter.class);
    for (var filter : Filter.values()) {
      statements.put(filter, MessageSql.SELECT + "WHERE m.administration_id = $1\n"
          + condition(filter) + (searched ? SEARCH : "") + PAGE);
    }
    return statements;
  }

  private static String condition(Filter filter) {
    return switch (filter) {
      case ALL -> "";
      case SENT -> SENT;
      case REPLIES -> REPLIES;
      case UNREAD_REPLIES -> UNREAD_REPLIES;
      case FAILED -> FAILED;
    };
  }
}
