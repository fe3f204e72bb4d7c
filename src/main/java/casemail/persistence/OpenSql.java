package casemail.persistence;

/** The SQL that stores pixel loads. */
final class OpenSql {

  /** Batches smaller than this are counted with the single messages (see V90__open_signals). */
  static final int ANONYMOUS_MIN_BATCH = 10;

  /**
   * Stores a batch of opens in one statement: $1 tokens, $2 epoch milliseconds, $3 client
   * classes. Each delivery's email was built with a tracking mode, kept in its render facts;
   * the stricter of that mode and the administration's current one applies, so an email sent
   * anonymously is never tracked per customer later, and turning tracking down takes effect
   * at once. Per delivery ('individual'): a row in opens and the delivery's aggregates.
   * 'anonymous': a count per batch and month only. 'off', unknown tokens and deliveries no
   * email was built for: nothing. The delivery ids come from the join with deliveries, which
   * is what keeps opens consistent (they have no foreign key, see V91).
   */
  static final String STORE = """
      WITH hits AS (
        SELECT h.token, to_timestamp(h.at_ms / 1000.0) AS opened_at, h.client_class
        FROM unnest($1::text[], $2::bigint[], $3::text[]) AS h(token, at_ms, client_class)
      ),
      found AS (
        SELECT d.id AS delivery_id, d.administration_id, d.message_id, h.opened_at,
          h.client_class,
          """ + trackingMode("d", "a") + """
           AS mode
        FROM hits h
        JOIN deliveries d ON d.tracking_token = h.token
        JOIN administrations a ON a.id = d.administration_id
        WHERE d.render IS NOT NULL
      ),
      stored AS (
        INSERT INTO opens (delivery_id, opened_at, client_class)
        SELECT delivery_id, opened_at, client_class
        FROM found
        WHERE mode = 'individual'
        RETURNING delivery_id, opened_at, client_class
      ),
      totals AS (
        SELECT delivery_id, count(*) AS n, min(opened_at) AS first, max(opened_at) AS last,
          count(*) FILTER (WHERE client_class = 'mail_client') AS person_n,
          min(opened_at) FILTER (WHERE client_class = 'mail_client') AS person_first,
          max(opened_at) FILTER (WHERE client_class = 'mail_client') AS person_last
        FROM stored
        GROUP BY delivery_id
      ),
      updated AS (
        UPDATE deliveries d
        SET open_count = d.open_count + t.n,
          first_opened_at = LEAST(d.first_opened_at, t.first),
          last_opened_at = GREATEST(d.last_opened_at, t.last),
          person_open_count = d.person_open_count + t.person_n,
          first_person_opened_at = LEAST(d.first_person_opened_at, t.person_first),
          last_person_opened_at = GREATEST(d.last_person_opened_at, t.person_last)
        FROM totals t
        WHERE d.id = t.delivery_id
        RETURNING t.n
      ),
      anonymous AS (
        SELECT f.administration_id, m.batch_id, f.client_class,
          date_trunc('month', f.opened_at AT TIME ZONE 'UTC')::date AS month
        FROM found f
        JOIN messages m ON m.id = f.message_id
        WHERE f.mode = 'anonymous'
      ),
      counted_batches AS (
        SELECT b.batch_id
        FROM (SELECT DISTINCT batch_id FROM anonymous WHERE batch_id IS NOT NULL) b
        WHERE (SELECT count(*) FROM messages x WHERE x.batch_id = b.batch_id) >= %d
      ),
      counted AS (
        INSERT INTO anonymous_opens (administration_id, batch_id, month, person_opens,
          automated_opens)
        SELECT an.administration_id, cb.batch_id, an.month,
          count(*) FILTER (WHERE an.client_class = 'mail_client'),
          count(*) FILTER (WHERE an.client_class <> 'mail_client')
        FROM anonymous an
        LEFT JOIN counted_batches cb ON cb.batch_id = an.batch_id
        GROUP BY an.administration_id, cb.batch_id, an.month
        ON CONFLICT (administration_id,
          COALESCE(batch_id, '00000000-0000-0000-0000-000000000000'::uuid), month)
        DO UPDATE SET person_opens = anonymous_opens.person_opens + EXCLUDED.person_opens,
          automated_opens = anonymous_opens.automated_opens + EXCLUDED.automated_opens
        RETURNING 1
      )
      SELECT (SELECT COALESCE(sum(n), 0) FROM updated) AS stored,
        (SELECT count(*) FROM anonymous) AS counted,
        (SELECT count(*) FROM counted) AS buckets""".formatted(ANONYMOUS_MIN_BATCH);

  /**
   * The anonymous opens counted for the batch {@code batchId} (a column), as a JSON object
   * {@code {person_opens, automated_opens}}; null when none were counted for it.
   */
  /**
   * The tracking mode that applies to delivery {@code delivery} of administration
   * {@code administration}: the stricter of the one its email was built with and the
   * administration's current one (null for a delivery no email was built for yet, while the
   * administration tracks individually).
   */
  static String trackingMode(String delivery, String administration) {
    return """
        CASE
          WHEN 'off' IN (%1$s.render->>'tracking_mode', %2$s.tracking_mode) THEN 'off'
          WHEN 'anonymous' IN (%1$s.render->>'tracking_mode', %2$s.tracking_mode)
            THEN 'anonymous'
          ELSE %1$s.render->>'tracking_mode'
        END""".formatted(delivery, administration);
  }

  static String batchOpens(String batchId) {
    return """
        (
          SELECT json_build_object('person_opens', sum(o.person_opens),
            'automated_opens', sum(o.automated_opens))
          FROM anonymous_opens o
          WHERE o.batch_id = %s
          HAVING count(*) > 0
        )""".formatted(batchId);
  }

  private OpenSql() {
  }
}
