package casemail.persistence;

/** The SQL of the outbox: claiming due deliveries, recording outcomes, and bounces. */
final class DeliverySql {

  /** What an email is built from, kept at the first attempt (see V50__delivery_recipients). */
  private static final String RENDER = """
      jsonb_build_object('author_name', u.name, 'author_email', u.email,
        'administration_name', a.name, 'sender_name', a.sender_name,
        'sender_address', a.sender_address,
        'portal_colour', a.portal_colour, 'tracking_mode', a.tracking_mode,
        'language', c.language,
        'logo_path', '/logo/' || a.id || '/' || a.logo_version)""";

  /** The columns {@code DeliveryRepository.toEmail} reads. */
  private static final String EMAIL_COLUMNS = """
      d.id, d.message_id, d.to_addresses, d.cc_addresses, d.bcc_addresses,
        d.message_id_header, d.tracking_token, d.attempts, d.lease_until, d.recipients,
        d.render, d.rendered_at, m.subject, m.body, m.signature,
      """ + MessageSql.ATTACHMENTS + """
        ,
        (
          SELECT COALESCE(json_agg(json_build_object('address', b.address, 'reason', b.reason)),
            '[]'::json)
          FROM bounces b
          WHERE b.customer_id = m.customer_id
        ) AS bouncing""";

  /**
   * Leases up to $1 due deliveries for $2 seconds: ones whose lease ran out (their instance
   * died) first, then queued ones whose time has come. SKIP LOCKED: instances never take the
   * same one. Each kind is read in the order of its own partial index, so a claim reads only
   * the rows it takes, however many are queued (one condition with OR would read them all).
   */
  static final String CLAIM = """
      WITH expired AS (
        SELECT id
        FROM deliveries
        WHERE status = 'sending' AND lease_until < now()
        ORDER BY lease_until
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ),
      queued AS (
        SELECT id
        FROM deliveries
        WHERE status = 'queued' AND next_attempt_at <= now()
        ORDER BY next_attempt_at
        LIMIT $1
        FOR UPDATE SKIP LOCKED
      ),
      due AS (
        SELECT id FROM expired
        UNION ALL
        (SELECT id FROM queued LIMIT $1 - (SELECT count(*) FROM expired))
      )
      UPDATE deliveries d
      SET status = 'sending',
        lease_until = now() + make_interval(secs => $2),
        attempts = d.attempts + 1,
        rendered_at = COALESCE(d.rendered_at, now()),
        render = COALESCE(d.render, %s)
      FROM due, messages m, administrations a, customers c, users u
      WHERE d.id = due.id
        AND m.id = d.message_id
        AND a.id = d.administration_id
        AND c.id = m.customer_id
        AND u.id = m.author_id
      RETURNING %s""".formatted(RENDER, EMAIL_COLUMNS);

  /** One delivery as its email was (or will be) built, for "View email". */
  static final String EMAIL = """
      SELECT %s, %s AS current_render
      FROM deliveries d
      JOIN messages m ON m.id = d.message_id
      JOIN administrations a ON a.id = d.administration_id
      JOIN customers c ON c.id = m.customer_id
      JOIN users u ON u.id = m.author_id
      WHERE d.administration_id = $1 AND d.id = $2""".formatted(EMAIL_COLUMNS, RENDER);

  /**
   * Records outcomes; only while the delivery is still leased under the same attempt, so a
   * late answer never overwrites the work of an instance that took over an expired lease.
   * A released delivery gets its attempt back. Addresses that failed permanently become
   * bounces of the delivery's customer.
   */
  static final String RECORD = """
      WITH recorded AS (
        UPDATE deliveries d
        SET status = o.status,
          error = o.error,
          sent_at = COALESCE(o.sent_at, d.sent_at),
          next_attempt_at = COALESCE(o.next_attempt_at, d.next_attempt_at),
          recipients = COALESCE(o.recipients::jsonb, d.recipients),
          attempts = d.attempts - CASE WHEN o.released THEN 1 ELSE 0 END,
          lease_until = NULL
        FROM unnest($1::uuid[], $2::text[], $3::text[], $4::timestamptz[], $5::timestamptz[],
            $6::text[], $7::int[], $8::bool[])
          AS o(id, status, error, sent_at, next_attempt_at, recipients, attempt, released)
        WHERE d.id = o.id AND d.status = 'sending' AND d.attempts = o.attempt
        RETURNING d.id
      ),
      bounced AS (
        INSERT INTO bounces (customer_id, address, administration_id, reason, delivery_id)
        SELECT DISTINCT ON (m.customer_id, lower(b.address))
          m.customer_id, lower(b.address), m.administration_id, b.reason, d.id
        FROM unnest($9::uuid[], $10::text[], $11::text[]) AS b(delivery_id, address, reason)
        JOIN recorded r ON r.id = b.delivery_id
        JOIN deliveries d ON d.id = b.delivery_id
        JOIN messages m ON m.id = d.message_id
        ON CONFLICT (customer_id, address)
          DO UPDATE SET reason = EXCLUDED.reason, delivery_id = EXCLUDED.delivery_id,
            created_at = now()
        RETURNING 1
      )
      SELECT (SELECT count(*) FROM recorded) AS updated,
        (SELECT count(*) FROM bounced) AS bounced""";

  /** Deliveries waiting to be mailed (due or not) and being mailed now. */
  static final String QUEUE_DEPTH = """
      SELECT count(*) FILTER (WHERE status = 'queued') AS queued,
        count(*) FILTER (WHERE status = 'sending') AS sending
      FROM deliveries
      WHERE status IN ('queued', 'sending')""";

  static final String BOUNCES = """
      SELECT address, reason, created_at
      FROM bounces
      WHERE administration_id = $1 AND customer_id = $2
      ORDER BY address""";

  static final String CLEAR_BOUNCE = """
      DELETE FROM bounces
      WHERE administration_id = $1 AND customer_id = $2 AND address = lower($3)""";

  private DeliverySql() {
  }
}
