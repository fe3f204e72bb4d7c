package casemail.persistence;

/**
 * The SQL that reads one case and its invoices. Every statement takes the administration as
 * {@code $1}; lists and selections are built by {@link CaseQuerySql}.
 */
final class CaseSql {

  static final String CUSTOMER_COLUMNS = """
      c.id, c.administration_id, c.number, c.name, c.emails, c.language, c.contact_name,
      c.phone, c.address, c.postal_code, c.city, c.country""";

  static final String INVOICE_COLUMNS = """
      i.id, i.administration_id, i.number, i.customer_id, i.invoice_date, i.due_date, i.amount,
      i.open_amount, i.currency, i.description,
      CASE
        WHEN i.open_amount = 0 THEN 'paid'
        WHEN i.due_date < CURRENT_DATE THEN 'overdue'
        ELSE 'open'
      END AS status""";

  static final String MATTER_COLUMNS = """
      m.id, m.administration_id, m.reference, m.customer_id, m.status, m.opened_on,
      m.principal_amount, m.collection_costs, m.interest_amount,
      m.principal_amount + m.collection_costs + m.interest_amount AS total,
      ARRAY(
        SELECT mi.invoice_id FROM matter_invoices mi
        WHERE mi.matter_id = m.id ORDER BY mi.invoice_id
      ) AS invoice_ids,
      (
        SELECT min(i.currency) FROM matter_invoices mi JOIN invoices i ON i.id = mi.invoice_id
        WHERE mi.matter_id = m.id
      ) AS currency""";

  private static final String GET_CUSTOMER = "SELECT " + CUSTOMER_COLUMNS + """

      FROM customers c
      WHERE c.administration_id = $1 AND c.id = $2""";

  private static final String GET_INVOICE = "SELECT " + INVOICE_COLUMNS + """

      FROM invoices i
      WHERE i.administration_id = $1 AND i.id = $2""";

  private static final String GET_MATTER = "SELECT " + MATTER_COLUMNS + """

      FROM matters m
      WHERE m.administration_id = $1 AND m.id = $2""";

  static final String CUSTOMER_INVOICES = "SELECT " + INVOICE_COLUMNS + """

      FROM invoices i
      WHERE i.administration_id = $1 AND i.customer_id = $2
      ORDER BY i.due_date DESC, i.number""";

  static final String MATTER_INVOICES = "SELECT " + INVOICE_COLUMNS + """

      FROM invoices i
      JOIN matter_invoices mi ON mi.invoice_id = i.id
      WHERE i.administration_id = $1 AND mi.matter_id = $2
      ORDER BY i.due_date, i.number""";

  private CaseSql() {
  }

  static String get(CaseType type) {
    return switch (type) {
      case CUSTOMER -> GET_CUSTOMER;
      case INVOICE -> GET_INVOICE;
      case MATTER -> GET_MATTER;
    };
  }
}
