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
