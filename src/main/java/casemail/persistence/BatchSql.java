package casemail.persistence;

import java.util.HashMap;
import java.util.Map;

/** The SQL of batches: storing one with its messages and deliveries, and its progress. */
final class BatchSql {

  /** Takes the idempotency key; a key already taken (an earlier submit) inserts nothing. */
  static final String INSERT = """
      INSERT INTO batches (id, administration_id, author_id, case_type, subject, total,
        idempotency_key)
      VALUES ($1, $2, $3, $4, $5, $6, $7)
      ON CONFLICT (administration_id, idempotency_key) DO NOTHING
      RETURNING id""";

  static final String BY_KEY = """
      SELECT id, total
      FROM batches
      WHERE administration_id = $1 AND idempotency_key = $2""";

  /**
   * One chunk of a batch's messages and, per message, its delivery, in one statement: $1
   * administration, $2 author, $3 signature, $4 batch, $5 case type, $6 … $12 the messages'
   * columns, $13 CC, $14 BCC, $15 and $16 why a delivery is not emailed (no address; all
   * bouncing). Only cases of the administration are stored, so a short count means a case is
   * gone. {@code %1$s}: the case table, {@code %2$s}: its customer column.
   */
  private static final String INSERT_MESSAGES = """
      WITH n AS (
        SELECT *
        FROM unnest($6::uuid[], $7::bigint[], $8::text[], $9::text[], $10::uuid[], $11::text[],
            $12::text[])
          AS n(message_id, case_id, subject, body, delivery_id, message_id_header,
            tracking_token)
      ),
      stored AS (
        INSERT INTO messages (id, administration_id, customer_id, case_type, case_id, author_id,
          subject, body, signature, batch_id)
        SELECT n.message_id, $1, k.%2$s, $5, k.id, $2, n.subject, n.body, $3, $4
        FROM n
        JOIN %1$s k ON k.id = n.case_id AND k.administration_id = $1
        RETURNING id, customer_id
      )
      INSERT INTO deliveries (id, administration_id, message_id, batch_id, to_addresses,
        cc_addresses, bcc_addresses, status, error, message_id_header, tracking_token)
      SELECT n.delivery_id, $1, s.id, $4, c.emails, $13::text[], $14::text[],
        CASE WHEN e.emailable THEN 'queued' ELSE 'not_emailed' END,
        CASE WHEN e.emailable THEN NULL WHEN cardinality(c.emails) = 0 THEN $15 ELSE $16 END,
        n.message_id_header, n.tracking_token
      FROM stored s
      JOIN n ON n.message_id = s.id
      JOIN customers c ON c.id = s.customer_id
      CROSS JOIN LATERAL (SELECT %3$s AS emailable) e
      RETURNING status""";

  private static final Map<String, String> INSERT_MESSAGES_BY_TYPE = new HashMap<>();

  static {
    for (var type : CaseType.values()) {
      INSERT_MESSAGES_BY_TYPE.put(type.value(), INSERT_MESSAGES.formatted(
          CaseQuerySql.tableOf(type.value()), CaseQuerySql.customerColumnOf(type.value()),
          CaseQuerySql.EMAILABLE));
    }
  }

  /** How far back a batch's rate looks while it is being mailed. */
  static final int RATE_WINDOW_S = 10;

  /**
   * A batch and its progress, from the state of each of its deliveries: {@code recent} are
   * those sent in the last {@link #RATE_WINDOW_S} seconds, {@code sending_seconds} the time
   * since the first was sent and {@code span_seconds} from the first to the last, for the
   * rate.
   */
  static final String PROGRESS = """
      SELECT b.id, b.case_type, b.subject, b.total, b.created_at, u.name AS author_name,
        count(d.id) AS stored,
        count(d.id) FILTER (WHERE d.status = 'sent') AS sent,
        count(d.id) FILTER (WHERE d.status IN ('failed', 'uncertain')) AS failed,
        count(d.id) FILTER (WHERE d.status = 'not_emailed') AS portal_only,
        count(d.id) FILTER (WHERE d.status IN ('queued', 'sending')) AS remaining,
        count(d.id) FILTER (
          WHERE d.sent_at > now() - interval '1 second' * """ + RATE_WINDOW_S + """
          ) AS recent,
        EXTRACT(EPOCH FROM now() - min(d.sent_at))::float8 AS sending_seconds,
        EXTRACT(EPOCH FROM max(d.sent_at) - min(d.sent_at))::float8 AS span_seconds,
      """ + OpenSql.batchOpens("b.id") + """
         AS anonymous_opens
      FROM batches b
      LEFT JOIN users u ON u.id = b.author_id
      LEFT JOIN deliveries d ON d.batch_id = b.id
      WHERE b.administration_id = $1 AND b.id = $2
      GROUP BY b.id, u.name""";

  /**
   * Marks the batches finished that have nothing left to mail, each once (whichever instance
   * asks first), with their totals. Unfinished batches are few; whether one has anything left
   * is one probe of its deliveries' index.
   */
  static final String FINISH = """
      UPDATE batches b
      SET finished_at = now()
      WHERE b.finished_at IS NULL
        AND NOT EXISTS (
          SELECT 1 FROM deliveries p
          WHERE p.batch_id = b.id AND p.status IN ('queued', 'sending')
        )
      RETURNING b.id,
        (SELECT count(*) FROM deliveries d
          WHERE d.batch_id = b.id AND d.status = 'sent') AS sent,
        (SELECT count(*) FROM deliveries d
          WHERE d.batch_id = b.id AND d.status IN ('failed', 'uncertain')) AS failed,
        (SELECT count(*) FROM deliveries d
          WHERE d.batch_id = b.id AND d.status = 'not_emailed') AS portal_only""";

  private BatchSql() {
  }

  /** The statement storing a chunk of messages of cases of this type. */
  static String insertMessages(String caseType) {
    return INSERT_MESSAGES_BY_TYPE.get(caseType);
  }
}
