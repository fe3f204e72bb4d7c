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
   * at once. Per delivery ('individual'): a row in opens and the delivery's counts in
   * delivery_opens (see V130). 'anonymous': a count per batch and month only. 'off', unknown
   * tokens and deliveries no email was built for: nothing. The delivery ids come from the join
   * with deliveries, which is what keeps opens consistent (they have no foreign key, see V91).
   * Each token is looked up by its index on its own (the lateral subquery with its LIMIT): as a
   * plain join the planner hashed every delivery for each statement. Several of these
   * statements run at once, on tokens that never overlap; the counts they can share (anonymous
   * ones) are upserted in one order, so two statements never wait for each other's locks in a
   * circle.
   */
  static final String STORE = """
      WITH hits AS (
        SELECT h.token, to_timestamp(h.at_ms / 1000.0) AS opened_at, h.client_class
        FROM unnest($1::text[], $2::bigint[], $3::text[]) AS h(token, at_ms, client_class)
      ),
      found AS (
        SELECT d.id AS delivery_id, d.administration_id, d.message_id, h.opened_at,
          h.client_class, d.mode
        FROM hits h
        JOIN LATERAL (
          SELECT d.id, d.administration_id, d.message_id,
            """ + trackingMode("d", "a") + """
             AS mode
          FROM deliveries d
          JOIN administrations a ON a.id = d.administration_id
          WHERE d.tracking_token = h.token AND d.render IS NOT NULL
          LIMIT 1
        ) d ON true
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
      totalled AS (
        INSERT INTO delivery_opens AS o (delivery_id, open_count, first_opened_at,
          last_opened_at, person_open_count, first_person_opened_at, last_person_opened_at)
        SELECT delivery_id, n, first, last, person_n, person_first, person_last
        FROM totals
        ON CONFLICT (delivery_id) DO UPDATE
        SET open_count = o.open_count + EXCLUDED.open_count,
          first_opened_at = LEAST(o.first_opened_at, EXCLUDED.first_opened_at),
          last_opened_at = GREATEST(o.last_opened_at, EXCLUDED.last_opened_at),
          person_open_count = o.person_open_count + EXCLUDED.person_open_count,
          first_person_opened_at =
            LEAST(o.first_person_opened_at, EXCLUDED.first_person_opened_at),
          last_person_opened_at =
            GREATEST(o.last_person_opened_at, EXCLUDED.last_person_opened_at)
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
        ORDER BY an.administration_id, cb.batch_id, an.month
        ON CONFLICT (administration_id,
          COALESCE(batch_id, '00000000-0000-0000-0000-000000000000'::uuid), month)
        DO UPDATE SET person_opens = anonymous_opens.person_opens + EXCLUDED.person_opens,
          automated_opens = anonymous_opens.automated_opens + EXCLUDED.automated_opens
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM stored) AS stored,
        (SELECT count(*) FROM anonymous) AS counted,
        (SELECT count(*) FROM counted) AS buckets""".formatted(ANONYMOUS_MIN_BATCH);

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

  /**
   * The anonymous opens counted for the batch {@code batchId} (a column), as a JSON object
   * {@code {person_opens, automated_opens}}; null when none were counted for it.
   */
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
