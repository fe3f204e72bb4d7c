package casemail.persistence;

import casemail.message.InboxQuery.Filter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The SQL of the inbox: statements per filter, so that each is planned for the partial index
 * of its filter. Pages are keyset pages on {@code (created_at, id)}, newest first:
 * {@code $1} administration, {@code $2, $3} the cursor, {@code $4} the limit, {@code $5} the
 * search pattern.
 *
 * <p>Unread replies and failed messages are few, so a search simply scans them. Otherwise a
 * search runs in two steps. The newest {@value #WINDOW_SIZE} messages after the cursor are
 * searched first: a common word fills the page there, by walking the inbox index. Only when
 * they do not fill it is the search run over all messages through the trigram index on
 * subject and text and the customers' names — fast for rare words, whose hits are few.
 */
final class InboxSql {

  static final int WINDOW_SIZE = 2000;

  private static final String SENT = """
        AND m.direction = 'outbound'
      """;

  private static final String REPLIES = """
        AND m.direction = 'inbound'
      """;

  private static final String UNREAD_REPLIES = """
        AND m.direction = 'inbound' AND m.read_at IS NULL
      """;

  /**
   * Messages with a failed or uncertain delivery (both wait for someone to decide on a
   * resend), read from those deliveries (few), never by walking all messages for them.
   */
  private static final String FAILED = """
        AND m.id = ANY (ARRAY(
          SELECT f.message_id FROM deliveries f
          WHERE f.administration_id = $1 AND f.status IN ('failed', 'uncertain')
        ))
      """;

  private static final String AFTER_CURSOR = """
        AND (m.created_at, m.id) < ($2, $3)
      """;

  private static final String PAGE = """
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $4""";

  private static final String MATCHING_CUSTOMERS = """
      ANY (ARRAY(
        SELECT s.id FROM customers s
        WHERE s.administration_id = $1 AND s.name ILIKE $5
      ))""";

  /** A search among few messages: all of them, those that match. */
  private static final String MATCHING = """
        AND ((m.subject || ' ' || m.body) ILIKE $5
          OR m.customer_id =\s""" + MATCHING_CUSTOMERS + """
      )
      """;

  /** Step one: the newest messages after the cursor, then those that match. */
  private static final String WINDOW_START = """
      WHERE m.id IN (
        SELECT w.id
        FROM (
          SELECT m.id, m.created_at, m.customer_id, m.subject, m.body
          FROM messages m
          WHERE m.administration_id = $1
      """;

  private static final String WINDOW_END = """
          ORDER BY m.created_at DESC, m.id DESC
          LIMIT\s""" + WINDOW_SIZE + """

        ) w
        WHERE (w.subject || ' ' || w.body) ILIKE $5
          OR w.customer_id =\s""" + MATCHING_CUSTOMERS + """

        ORDER BY w.created_at DESC, w.id DESC
        LIMIT $4
      )
      """;

  /** Step two: every hit, through the trigram and customer indexes, then the page of them. */
  private static final String SEARCH_START = """
      WHERE m.id IN (
        SELECT m.id
        FROM messages m
        WHERE m.id IN (
          SELECT t.id FROM messages t
          WHERE t.administration_id = $1 AND (t.subject || ' ' || t.body) ILIKE $5
          UNION ALL
          SELECT t.id FROM messages t
          WHERE t.administration_id = $1 AND t.customer_id =\s""" + MATCHING_CUSTOMERS + """

        )
          AND m.administration_id = $1
      """;

  private static final String SEARCH_END = """
        ORDER BY m.created_at DESC, m.id DESC
        LIMIT $4
      )
      """;

  static final String UNREAD_COUNT = """
      SELECT count(*) AS unread
      FROM messages
      WHERE administration_id = $1 AND direction = 'inbound' AND read_at IS NULL""";

  static final String MARK_READ = """
      UPDATE messages
      SET read_at = now()
      WHERE administration_id = $1 AND id = $2 AND direction = 'inbound' AND read_at IS NULL""";

  private static final Map<Filter, String> LIST = new EnumMap<>(Filter.class);
  private static final Map<Filter, String> WINDOW = new EnumMap<>(Filter.class);
  private static final Map<Filter, String> SEARCH = new EnumMap<>(Filter.class);
  private static final Map<Filter, String> SCAN = new EnumMap<>(Filter.class);

  static {
    for (var filter : Filter.values()) {
      var condition = condition(filter);
      LIST.put(filter, MessageSql.SELECT + "WHERE m.administration_id = $1\n" + condition
          + AFTER_CURSOR + PAGE);
      WINDOW.put(filter, MessageSql.SELECT + WINDOW_START + condition + AFTER_CURSOR
          + WINDOW_END + PAGE);
      SEARCH.put(filter, MessageSql.SELECT + SEARCH_START + condition + AFTER_CURSOR
          + SEARCH_END + PAGE);
      SCAN.put(filter, MessageSql.SELECT + "WHERE m.administration_id = $1\n" + condition
          + MATCHING + AFTER_CURSOR + PAGE);
    }
  }

  private InboxSql() {
  }

  /** A page without search. */
  static String list(Filter filter) {
    return LIST.get(filter);
  }

  /** Whether the filter leaves few messages, which a search then simply scans. */
  static boolean isSmall(Filter filter) {
    return filter == Filter.UNREAD_REPLIES || filter == Filter.FAILED;
  }

  /** A page searched by reading every message of a small filter. */
  static String scan(Filter filter) {
    return SCAN.get(filter);
  }

  /** A page searched among the newest messages after the cursor only. */
  static String window(Filter filter) {
    return WINDOW.get(filter);
  }

  /** A page searched among all messages. */
  static String search(Filter filter) {
    return SEARCH.get(filter);
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
