package casemail.testing;

import casemail.persistence.Migrations;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.postgresql.PostgreSQLContainer;

/**
 * Real PostgreSQL for the integration tests, one server per test JVM and a fresh database per
 * test class: the server named by {@code CASEMAIL_TEST_DATABASE_URL} if set, else a
 * Testcontainers PostgreSQL where Docker runs, else embedded PostgreSQL (works without Docker,
 * also as root).
 */
public final class TestDatabases {

  private static final AtomicInteger COUNTER = new AtomicInteger();
  private static final String SEEDED_TEMPLATE = "casemail_seeded";
  private static Server server;
  private static boolean seeded;

  private TestDatabases() {
  }

  /** A server's admin URL ({@code postgresql://user:pass@host:port/db}). */
  private record Server(String host, int port, String user, String password) {

    String url(String database) {
      var credentials = password == null ? user : user + ":" + password;
      return "postgresql://" + credentials + "@" + host + ":" + port + "/" + database;
    }

    String jdbc(String database) {
      return "jdbc:postgresql://" + host + ":" + port + "/" + database;
    }
  }

  /** The URL of a new, empty database. */
  public static synchronized String fresh() {
    return create("");
  }

  /**
   * The URL of a new database holding {@link TestData}: migrated and seeded once per test JVM,
   * then copied (a fast {@code CREATE DATABASE ... TEMPLATE}) for each caller.
   */
  public static synchronized String seeded() {
    if (!seeded) {
      var template = server().url(SEEDED_TEMPLATE);
      execute("DROP DATABASE IF EXISTS " + SEEDED_TEMPLATE);
      execute("CREATE DATABASE " + SEEDED_TEMPLATE);
      Seeder.seed(template);
      seeded = true;
    }
    return create(" TEMPLATE " + SEEDED_TEMPLATE);
  }

  private static String create(String options) {
    var name = "casemail_test_" + ProcessHandle.current().pid() + "_"
        + COUNTER.incrementAndGet();
    execute("CREATE DATABASE " + name + options);
    return server().url(name);
  }

  private static void execute(String sql) {
    var server = server();
    try (var connection = DriverManager.getConnection(server.jdbc("postgres"), server.user(),
        server.password()); var statement = connection.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Cannot run: " + sql, e);
    }
  }

  private static Server server() {
    if (server == null) {
      server = start();
    }
    return server;
  }

  private static Server start() {
    var given = System.getenv("CASEMAIL_TEST_DATABASE_URL");
    if (given != null && !given.isBlank()) {
      var url = Migrations.DatabaseUrl.parse(given);
      return new Server(url.host(), url.port(), url.user(), url.password());
    }
    if (dockerRuns()) {
      var container = new PostgreSQLContainer("postgres:16-alpine");
      container.start();
      return new Server(container.getHost(), container.getFirstMappedPort(),
          container.getUsername(), container.getPassword());
    }
    try {
      var postgres = EmbeddedPostgres.builder().start();
      return new Server("localhost", postgres.getPort(), "postgres", null);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot start embedded PostgreSQL for tests", e);
    }
  }

  private static boolean dockerRuns() {
    var socket = Files.exists(Path.of("/var/run/docker.sock"));
    if (!socket && System.getenv("DOCKER_HOST") == null) {
      return false;
    }
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }
}
