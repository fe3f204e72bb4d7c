package casemail.persistence;

import casemail.cases.CaseFilter;
import casemail.cases.CaseOrder;
import casemail.cases.Selection;
import io.vertx.sqlclient.Tuple;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The SQL of overviews, API lists and batch selections, put together from a checked
 * {@link CaseFilter}, {@link CaseOrder} and {@link Selection}. Only the clauses a request
 * needs are added, so each combination is planned for the indexes that serve it (V80 adds one
 * per sort column); every piece of text is a constant of this class, every value a parameter.
 * {@code $1} is always the administration.
 */
final class CaseQuerySql {

  /** A statement and its parameters. */
  record Query(String sql, Tuple params) {
  }

  /** One kind of case: its table and alias, and the columns lists and filters use. */
  private record Table(String name, String alias, String key, String customer, String columns,
      String from, Map<String, String> sorts) {
  }

  private static final String TOTAL =
      "(m.principal_amount + m.collection_costs + m.interest_amount)";

  private static final Map<String, Table> TABLES = Map.of(
      "customer", new Table("customers", "c", "c.number", "c.id", CaseSql.CUSTOMER_COLUMNS,
          "customers c", Map.of("number", "c.number::text", "name", "c.name::text")),
      "invoice", new Table("invoices", "i", "i.number", "i.customer_id", CaseSql.INVOICE_COLUMNS,
          "invoices i JOIN customers c ON c.id = i.customer_id", Map.of(
              "number", "i.number::text", "due_date", "i.due_date::date",
              "amount", "i.amount::numeric", "open_amount", "i.open_amount::numeric")),
      "matter", new Table("matters", "m", "m.reference", "m.customer_id", CaseSql.MATTER_COLUMNS,
          "matters m JOIN customers c ON c.id = m.customer_id", Map.of(
              "reference", "m.reference::text", "opened_on", "m.opened_on::date",
              "total", TOTAL + "::numeric")));

  /**
   * Whether a customer can be emailed: it has an address that is not bouncing. Reads
   * customer {@code c}.
   */
  static final String EMAILABLE = """
      EXISTS (
        SELECT 1 FROM unnest(c.emails) AS e(address)
        WHERE NOT EXISTS (
          SELECT 1 FROM bounces b WHERE b.customer_id = c.id AND b.address = lower(e.address)
        )
      )""";

  /** The customer's facts that placeholders and deliveries need, beside the case's own. */
  private static final String CUSTOMER_FACTS = """
      c.name AS customer_name, c.number AS customer_number,
        c.contact_name AS customer_contact_name, c.language AS customer_language,
        c.emails AS customer_emails, %s AS emailable""".formatted(EMAILABLE);

  private static final String SEARCH_CUSTOMERS = """
      (c.number ILIKE %1$s OR c.name ILIKE %2$s)""";

  /** Invoices and matters: by their own number, or their customer's name or number. */
  private static final String SEARCH_CASES = """
      (%3$s ILIKE %1$s OR %4$s = ANY (ARRAY(
        SELECT s.id FROM customers s
        WHERE s.administration_id = $1 AND (s.name ILIKE %2$s OR s.number ILIKE %1$s)
      )))""";

  private static final Map<String, String> INVOICE_STATUS = Map.of(
      "paid", "i.open_amount = 0",
      "overdue", "i.open_amount <> 0 AND i.due_date < CURRENT_DATE",
      "open", "i.open_amount <> 0 AND i.due_date >= CURRENT_DATE");

  private CaseQuerySql() {
  }

  /** A page of cases for a list: {@code limit} rows after the cursor, with a sort value. */
  static Query page(long administrationId, CaseFilter filter, CaseOrder order,
      CaseOrder.Cursor cursor, Selection selection, int limit) {
    var table = TABLES.get(filter.type());
    var where = new Where(administrationId, table, filter, selection);
    var sort = table.sorts().get(order.sort());
    var direction = order.descending() ? "DESC" : "ASC";
    if (cursor != null) {
      where.add("(" + bare(sort) + ", " + table.alias() + ".id) "
          + (order.descending() ? "<" : ">") + " (" + where.param(cursor.value()) + "::text::"
          + type(sort) + ", " + where.param(cursor.id()) + ")");
    }
    var sql = "SELECT " + table.columns() + ",\n  c.name AS customer_name, " + bare(sort)
        + "::text AS sort_value\nFROM " + table.from() + "\n" + where.sql()
        + "\nORDER BY " + bare(sort) + " " + direction + ", " + table.alias() + ".id "
        + direction + "\nLIMIT " + where.param(limit);
    return new Query(sql, where.params());
  }

  /** How many cases match. */
  static Query count(long administrationId, CaseFilter filter, Selection selection) {
    var table = TABLES.get(filter.type());
    var where = new Where(administrationId, table, filter, selection);
    var sql = "SELECT count(*) AS total\nFROM " + table.name() + " " + table.alias() + "\n"
        + where.sql();
    return new Query(sql, where.params());
  }

  /**
   * The selected cases with their customers' facts ({@link #CUSTOMER_FACTS}), by number or
   * reference, at most {@code limit}.
   */
  static Query selected(long administrationId, CaseFilter filter, Selection selection,
      int limit) {
    var table = TABLES.get(filter.type());
    var where = new Where(administrationId, table, filter, selection);
    var sql = "SELECT " + table.columns() + ",\n  " + CUSTOMER_FACTS + "\nFROM " + table.from()
        + "\n" + where.sql() + "\nORDER BY " + table.key() + ", " + table.alias() + ".id"
        + "\nLIMIT " + where.param(limit);
    return new Query(sql, where.params());
  }

  /** Counts of the selected cases: total, customers, and those with an address to email. */
  static Query summary(long administrationId, CaseFilter filter, Selection selection) {
    var table = TABLES.get(filter.type());
    var where = new Where(administrationId, table, filter, selection);
    var sql = """
        SELECT count(*) AS total, count(DISTINCT s.customer_id) AS customers,
          count(*) FILTER (WHERE e.emailable) AS emailed
        FROM (
          SELECT %s AS customer_id FROM %s %s
          %s
        ) s
        JOIN customers c ON c.id = s.customer_id
        CROSS JOIN LATERAL (SELECT %s AS emailable) e"""
        .formatted(table.customer(), table.name(), table.alias(), where.sql(), EMAILABLE);
    return new Query(sql, where.params());
  }

  /** The case table and the column holding its customer, for inserts that check ownership. */
  static String tableOf(String type) {
    return TABLES.get(type).name();
  }

  static String customerColumnOf(String type) {
    var column = TABLES.get(type).customer();
    return column.substring(column.indexOf('.') + 1);
  }

  /** A sort expression without its cast: {@code i.due_date::date} → {@code i.due_date}. */
  private static String bare(String sort) {
    return sort.substring(0, sort.lastIndexOf("::"));
  }

  private static String type(String sort) {
    return sort.substring(sort.lastIndexOf("::") + 2);
  }

  /** The WHERE clause of a filter and selection, and its parameters. */
  private static final class Where {

    private final List<String> clauses = new ArrayList<>();
    private final Tuple params = Tuple.tuple();

    Where(long administrationId, Table table, CaseFilter filter, Selection selection) {
      params.addLong(administrationId);
      var alias = table.alias();
      clauses.add(alias + ".administration_id = $1");
      if (filter.key() != null) {
        clauses.add(table.key() + " = " + param(filter.key()));
      }
      if (filter.search() != null) {
        search(table, filter);
      }
      if (filter.status() != null) {
        clauses.add("invoice".equals(filter.type()) ? INVOICE_STATUS.get(filter.status())
            : "m.status = " + param(filter.status()));
      }
      range("i.due_date", ">=", filter.dueFrom(), "date");
      range("i.due_date", "<=", filter.dueTo(), "date");
      range("i.amount", ">=", plain(filter.amountMin()), "text::numeric");
      range("i.amount", "<=", plain(filter.amountMax()), "text::numeric");
      if (selection != null) {
        select(alias, selection);
      }
    }

    private void search(Table table, CaseFilter filter) {
      var prefix = param(filter.prefixPattern());
      var contains = param(filter.containsPattern());
      clauses.add("customer".equals(filter.type())
          ? SEARCH_CUSTOMERS.formatted(prefix, contains)
          : SEARCH_CASES.formatted(prefix, contains, table.key(), table.customer()));
    }

    private static String plain(BigDecimal amount) {
      return amount == null ? null : amount.toPlainString();
    }

    private void range(String column, String operator, Object value, String type) {
      if (value != null) {
        clauses.add(column + " " + operator + " " + param(value) + "::" + type);
      }
    }

    private void select(String alias, Selection selection) {
      var ids = selection.ids().toArray(Long[]::new);
      if (!selection.all()) {
        clauses.add(alias + ".id = ANY (" + param(ids) + "::bigint[])");
      } else if (ids.length > 0) {
        clauses.add(alias + ".id <> ALL (" + param(ids) + "::bigint[])");
      }
    }

    void add(String clause) {
      clauses.add(clause);
    }

    String param(Object value) {
      params.addValue(value);
      return "$" + params.size();
    }

    String sql() {
      return "WHERE " + String.join("\n  AND ", clauses);
    }

    Tuple params() {
      return params;
    }
  }
}
