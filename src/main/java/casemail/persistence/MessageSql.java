package casemail.persistence;

/** The SQL that stores and reads messages with their deliveries. */
final class MessageSql {

  /**
   * The attachments of message {@code m} — its own, or its batch's — in order, as a JSON array
   * column.
   */
  static final String ATTACHMENTS = """
        (
          SELECT COALESCE(json_agg(json_build_object(
            'id', at.id, 'filename', at.filename, 'content_type', at.content_type,
            'size', at.size, 'sha256', at.sha256
          ) ORDER BY at.position), '[]'::json)
          FROM attachments at
          WHERE at.message_id = m.id OR at.batch_id = m.batch_id
        ) AS attachments
      """;

  /**
   * A message with its deliveries, portal views, replies' times and attachments as JSON arrays
   * (and its batch's anonymous opens), for timelines, the portal and the API.
   */
  static final String SELECT = """
      SELECT m.id, m.customer_id, m.case_type, m.case_id, m.direction, m.subject, m.body,
        m.signature, m.created_at, m.in_reply_to, m.read_at, m.batch_id,
        u.email AS author_email, u.name AS author_name,
        c.name AS customer_name,
        COALESCE(i.number, mt.reference, c.number) AS case_label,
        (
          SELECT COALESCE(json_agg(json_build_object(
            'id', d.id, 'to', d.to_addresses, 'cc', d.cc_addresses, 'bcc', d.bcc_addresses,
            'status', d.status, 'error', d.error, 'sent_at', d.sent_at,
            'first_opened_at', o.first_opened_at, 'last_opened_at', o.last_opened_at,
            'open_count', COALESCE(o.open_count, 0),
            'person_open_count', COALESCE(o.person_open_count, 0),
            'first_person_opened_at', o.first_person_opened_at,
            'last_person_opened_at', o.last_person_opened_at,
            'tracking_mode', """ + OpenSql.trackingMode("d", "adm") + """
            ,
            'attempts', d.attempts, 'created_at', d.created_at, 'recipients', d.recipients
          ) ORDER BY d.created_at), '[]'::json)
          FROM deliveries d
          LEFT JOIN delivery_opens o ON o.delivery_id = d.id
          WHERE d.message_id = m.id
        ) AS deliveries,
        (
          SELECT COALESCE(json_agg(v.viewed_at ORDER BY v.viewed_at), '[]'::json)
          FROM portal_views v
          WHERE v.message_id = m.id
        ) AS portal_views,
        (
          SELECT COALESCE(json_agg(r.created_at ORDER BY r.created_at), '[]'::json)
          FROM messages r
          WHERE r.in_reply_to = m.id
        ) AS replies,
        """ + OpenSql.batchOpens("m.batch_id") + """
         AS batch_opens,
      """ + MessageSql.ATTACHMENTS + """
      FROM messages m
      JOIN administrations adm ON adm.id = m.administration_id
      JOIN customers c ON c.id = m.customer_id
      LEFT JOIN users u ON u.id = m.author_id
      LEFT JOIN invoices i ON m.case_type = 'invoice' AND i.id = m.case_id
      LEFT JOIN matters mt ON m.case_type = 'matter' AND mt.id = m.case_id
      """;

  static final String BY_ID = SELECT + """
      WHERE m.administration_id = $1 AND m.id = $2""";

  /** A page of a case's messages: $4 rows after the message at ($5, $6), newest first. */
  static final String CASE_TIMELINE = SELECT + """
      WHERE m.administration_id = $1 AND m.case_type = $2 AND m.case_id = $3
        AND (m.created_at, m.id) < ($5, $6)
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $4""";

  /** A customer's timeline holds the messages of all its cases. */
  static final String CUSTOMER_TIMELINE = SELECT + """
      WHERE m.administration_id = $1 AND m.customer_id = $3 AND $2::text = 'customer'
        AND (m.created_at, m.id) < ($5, $6)
      ORDER BY m.created_at DESC, m.id DESC
      LIMIT $4""";

  /** Every message to any of the customer's cases, for the portal; replies show in threads. */
  static final String PORTAL_LIST = SELECT + """
      WHERE m.customer_id = $1 AND m.direction = 'outbound'
      ORDER BY m.created_at DESC
      LIMIT 500""";

  /** One message to the customer, only if it belongs to the portal's customer. */
  static final String PORTAL_ONE = SELECT + """
      WHERE m.customer_id = $1 AND m.id = $2 AND m.direction = 'outbound'""";

  /** The customer's replies to one of its messages, oldest first. */
  static final String PORTAL_REPLIES = SELECT + """
      WHERE m.customer_id = $1 AND m.in_reply_to = $2
      ORDER BY m.created_at, m.id""";

  static final String AUTHOR = """
      SELECT u.id, u.name, u.email, u.signature, a.default_signature, a.sender_address
      FROM users u
      JOIN administrations a ON a.id = u.administration_id
      WHERE u.administration_id = $1 AND u.id = $2""";

  static final String INSERT_MESSAGE = """
      INSERT INTO messages (id, administration_id, customer_id, case_type, case_id, author_id,
        subject, body, signature)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)""";

  static final String INSERT_DELIVERY = """
      INSERT INTO deliveries (id, administration_id, message_id, to_addresses, cc_addresses,
        bcc_addresses, status, error, message_id_header, tracking_token)
      VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)""";

  private MessageSql() {
  }
}
