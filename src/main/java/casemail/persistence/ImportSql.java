package casemail.persistence;

/**
 * The SQL of an import: set-based upserts from parallel arrays ({@code unnest}), each
 * changing a row only when a value differs, so that importing the same files twice changes
 * nothing. Every statement takes the administration as {@code $1}.
 */
final class ImportSql {

  static final String UPSERT_CUSTOMERS = """
      INSERT INTO customers AS c (administration_id, number, name, emails, contact_name, phone,
        language, address, postal_code, city, country)
      SELECT $1, u.number, u.name, string_to_array(u.emails, E'\\n'),
        COALESCE(u.contact_name, ''), COALESCE(u.phone, ''),
        COALESCE(u.language, a.default_language), COALESCE(u.address, ''),
        COALESCE(u.postal_code, ''), COALESCE(u.city, ''), COALESCE(u.country, '')
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
          $8::text[], $9::text[], $10::text[], $11::text[])
        AS u(number, name, emails, contact_name, phone, language, address, postal_code, city,
          country)
      JOIN administrations a ON a.id = $1
      ON CONFLICT (administration_id, number) DO UPDATE
      SET name = EXCLUDED.name, emails = EXCLUDED.emails, contact_name = EXCLUDED.contact_name,
        phone = EXCLUDED.phone, language = EXCLUDED.language, address = EXCLUDED.address,
        postal_code = EXCLUDED.postal_code, city = EXCLUDED.city, country = EXCLUDED.country
      WHERE (c.name, c.emails, c.contact_name, c.phone, c.language, c.address, c.postal_code,
          c.city, c.country)
        IS DISTINCT FROM (EXCLUDED.name, EXCLUDED.emails, EXCLUDED.contact_name, EXCLUDED.phone,
          EXCLUDED.language, EXCLUDED.address, EXCLUDED.postal_code, EXCLUDED.city,
          EXCLUDED.country)
      RETURNING (xmax = 0) AS inserted""";

  static final String UPSERT_INVOICES = """
      INSERT INTO invoices AS i (administration_id, customer_id, number, invoice_date, due_date,
        amount, open_amount, currency, description)
      SELECT $1, c.id, u.number, u.invoice_date::date, u.due_date::date, u.amount::numeric,
        u.open_amount::numeric, u.currency, COALESCE(u.description, '')
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
          $8::text[], $9::text[])
        AS u(number, customer_number, invoice_date, due_date, amount, open_amount, currency,
          description)
      JOIN customers c ON c.administration_id = $1 AND c.number = u.customer_number
      ON CONFLICT (administration_id, number) DO UPDATE
      SET customer_id = EXCLUDED.customer_id, invoice_date = EXCLUDED.invoice_date,
        due_date = EXCLUDED.due_date, amount = EXCLUDED.amount,
        open_amount = EXCLUDED.open_amount, currency = EXCLUDED.currency,
        description = EXCLUDED.description
      WHERE (i.customer_id, i.invoice_date, i.due_date, i.amount, i.open_amount, i.currency,
          i.description)
        IS DISTINCT FROM (EXCLUDED.customer_id, EXCLUDED.invoice_date, EXCLUDED.due_date,
          EXCLUDED.amount, EXCLUDED.open_amount, EXCLUDED.currency, EXCLUDED.description)
      RETURNING (xmax = 0) AS inserted""";

  static final String UPSERT_MATTERS = """
      INSERT INTO matters AS m (administration_id, customer_id, reference, opened_on, status,
        principal_amount, collection_costs, interest_amount)
      SELECT $1, c.id, u.reference, u.opened_on::date, u.status, u.principal::numeric,
        u.costs::numeric, u.interest::numeric
      FROM unnest($2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
          $8::text[])
        AS u(reference, customer_number, opened_on, status, principal, costs, interest)
      JOIN customers c ON c.administration_id = $1 AND c.number = u.customer_number
      ON CONFLICT (administration_id, reference) DO UPDATE
      SET customer_id = EXCLUDED.customer_id, opened_on = EXCLUDED.opened_on,
        status = EXCLUDED.status, principal_amount = EXCLUDED.principal_amount,
        collection_costs = EXCLUDED.collection_costs, interest_amount = EXCLUDED.interest_amount
      WHERE (m.customer_id, m.opened_on, m.status, m.principal_amount, m.collection_costs,
          m.interest_amount)
        IS DISTINCT FROM (EXCLUDED.customer_id, EXCLUDED.opened_on, EXCLUDED.status,
          EXCLUDED.principal_amount, EXCLUDED.collection_costs, EXCLUDED.interest_amount)
      RETURNING (xmax = 0) AS inserted""";

  static final String LINK_MATTER_INVOICES = """
      INSERT INTO matter_invoices (matter_id, invoice_id)
      SELECT m.id, i.id
      FROM unnest($2::text[], $3::text[]) AS u(reference, invoice_number)
      JOIN matters m ON m.administration_id = $1 AND m.reference = u.reference
      JOIN invoices i ON i.administration_id = $1 AND i.number = u.invoice_number
      ON CONFLICT DO NOTHING""";

  /** Unlinks invoices a re-imported matter no longer lists. */
  static final String UNLINK_MATTER_INVOICES = """
      DELETE FROM matter_invoices mi
      USING matters m
      WHERE mi.matter_id = m.id
        AND m.administration_id = $1
        AND m.reference = ANY($2::text[])
        AND NOT EXISTS (
          SELECT 1
          FROM unnest($2::text[], $3::text[]) AS u(reference, invoice_number)
          JOIN invoices i ON i.administration_id = $1 AND i.number = u.invoice_number
          WHERE u.reference = m.reference AND i.id = mi.invoice_id
        )""";

  /** Which of these customer numbers the administration does not have. */
  static final String UNKNOWN_CUSTOMERS = """
      SELECT DISTINCT u.number
      FROM unnest($2::text[]) AS u(number)
      WHERE NOT EXISTS (
        SELECT 1 FROM customers c WHERE c.administration_id = $1 AND c.number = u.number
      )""";

  /** Which of these invoice numbers the administration does not have. */
  static final String UNKNOWN_INVOICES = """
      SELECT DISTINCT u.number
      FROM unnest($2::text[]) AS u(number)
      WHERE NOT EXISTS (
        SELECT 1 FROM invoices i WHERE i.administration_id = $1 AND i.number = u.number
      )""";

  /**
   * The matters' invoices ($2 matter lines, $3 invoice numbers, $4 the matter's customer
   * numbers) that belong to another customer than the matter.
   */
  static final String FOREIGN_INVOICES = """
      SELECT u.line, u.number, c.number AS customer_number
      FROM unnest($2::int[], $3::text[], $4::text[]) AS u(line, number, customer_number)
      JOIN invoices i ON i.administration_id = $1 AND i.number = u.number
      JOIN customers c ON c.id = i.customer_id
      WHERE c.number <> u.customer_number
      ORDER BY u.line, u.number""";

  private ImportSql() {
  }
}
