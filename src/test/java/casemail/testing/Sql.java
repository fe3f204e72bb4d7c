package casemail.testing;

import casemail.persistence.Migrations;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Plain JDBC on a test database, to look at stored state the API does not show. */
public final class Sql {

  private interface Column<T> {
    T read(ResultSet rows) throws SQLException;
  }

  private Sql() {
  }

  /** The first column of the first row of {@code query}, as a long. */
  public static long count(String databaseUrl, String query) {
    return first(databaseUrl, query, rows -> {
      rows.next();
      return rows.getLong(1);
    });
  }

  /**
   * A digest of everything a request could change (deliveries, notifications and batches by id
   * only: the mailer changes their state in the background), to assert that a refused request
   * changed nothing.
   */
  public static String fingerprint(String databaseUrl) {
    return text(databaseUrl, """
        SELECT md5(string_agg(x, '|' ORDER BY x)) FROM (
          SELECT 'a' || t::text AS x FROM administrations t
          UNION ALL SELECT 'u' || t::text FROM users t
          UNION ALL SELECT 'k' || t::text FROM api_keys t
          UNION ALL SELECT 'c' || t::text FROM customers t WHERE t.id < 50 OR t.number LIKE 'Z%'
          UNION ALL SELECT 'm' || t::text FROM messages t
          UNION ALL SELECT 'd' || t.id || t.to_addresses::text FROM deliveries t
          UNION ALL SELECT 't' || t::text FROM attachments t
          UNION ALL SELECT 's' || t::text FROM standard_messages t
          UNION ALL SELECT 'b' || t::text FROM bounces t
          UNION ALL SELECT 'r' || t::text FROM mandates t
          UNION ALL SELECT 'n' || t.id FROM notifications t
          UNION ALL SELECT 'h' || t.id FROM batches t
        ) all_rows""");
  }

  /** The first column of the first row of {@code query}, as text (null if no row). */
  public static String text(String databaseUrl, String query) {
    return first(databaseUrl, query, rows -> rows.next() ? rows.getString(1) : null);
  }

  private static <T> T first(String databaseUrl, String query, Column<T> column) {
    var url = Migrations.DatabaseUrl.parse(databaseUrl);
    try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        var statement = connection.createStatement();
        var rows = statement.executeQuery(query)) {
      return column.read(rows);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run: " + query, e);
    }
  }

  public static void execute(String databaseUrl, String sql) {
    var url = Migrations.DatabaseUrl.parse(databaseUrl);
    try (var connection = DriverManager.getConnection(url.jdbcUrl(), url.user(), url.password());
        var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run: " + sql, e);
    }
  }
}
