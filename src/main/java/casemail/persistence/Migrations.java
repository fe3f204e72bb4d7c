package casemail.persistence;

import java.net.URI;
import org.flywaydb.core.Flyway;

/**
 * Applies the versioned migrations in {@code db/migration} with Flyway. Runs blocking, once, at
 * start-up before any verticle touches the schema.
 */
public final class Migrations {

  private Migrations() {
  }

  public static void apply(String databaseUrl) {
    var url = DatabaseUrl.parse(databaseUrl);
    Flyway.configure()
        .dataSource(url.jdbcUrl(), url.user(), url.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }

  /** The parts of a {@code postgresql://user:pass@host:port/db} URL. */
  public record DatabaseUrl(String host, int port, String database, String user, String password) {

    public static DatabaseUrl parse(String url) {
      var uri = URI.create(url);
      var userInfo = uri.getUserInfo() == null ? "postgres" : uri.getUserInfo();
      var colon = userInfo.indexOf(':');
      var user = colon < 0 ? userInfo : userInfo.substring(0, colon);
      var password = colon < 0 ? null : userInfo.substring(colon + 1);
      var port = uri.getPort() < 0 ? 5432 : uri.getPort();
      return new DatabaseUrl(uri.getHost(), port, uri.getPath().substring(1), user, password);
    }

    public String jdbcUrl() {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }
}
