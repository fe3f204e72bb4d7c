package casemail.launch;

import casemail.config.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped in the jar, for when no
 * {@code CASEMAIL_DATABASE_URL} is given. Its data stays in {@code <data dir>/postgres} across
 * restarts. Starting it blocks; the launcher does so before Vert.x runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the server on the data directory. A PostgreSQL left running by a Casemail that was
   * killed holds the directory; the first failed start stops it, so a second one is tried.
   */
  public static EmbeddedDatabase start(Path dataDir) {
    var directory = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(directory);
      return new EmbeddedDatabase(startIn(directory));
    } catch (IOException | IllegalStateException first) {
      if (String.valueOf(first.getMessage()).contains("lock")) {
        throw new ConfigException("The data directory " + dataDir + " is in use by another "
            + "Casemail: stop it first, or set CASEMAIL_DATABASE_URL or CASEMAIL_DATA_DIR");
      }
      LOG.warn("Embedded PostgreSQL did not start ({}); trying once more", first.getMessage());
      try {
        return new EmbeddedDatabase(startIn(directory));
      } catch (IOException | IllegalStateException second) {
        second.addSuppressed(first);
        throw new IllegalStateException("Cannot start embedded PostgreSQL in " + directory
            + ": is a PostgreSQL of an earlier Casemail still running on it?", second);
      }
    }
  }

  /**
   * The library's defaults are a test database's: no fsync, no synchronous commit, and a
   * shutdown hook of its own that would stop PostgreSQL while Casemail still records the
   * outcomes of its last sends. Here commits are durable and Casemail closes the database
   * itself, last.
   */
  private static EmbeddedPostgres startIn(Path directory) throws IOException {
    var postgres = EmbeddedPostgres.builder()
        .setDataDirectory(directory)
        .setCleanDataDirectory(false)
        .setRegisterShutdownHook(false)
        .setPort(FreePort.find())
        .setServerConfig("max_connections", "100")
        .setServerConfig("fsync", "on")
        .setServerConfig("synchronous_commit", "on")
        .start();
    LOG.info("Embedded PostgreSQL started on port {} with data in {}", postgres.getPort(),
        directory);
    return postgres;
  }

  public String url() {
    return "postgresql://postgres@localhost:" + postgres.getPort() + "/postgres";
  }

  @Override
  public void close() {
    try {
      postgres.close();
    } catch (IOException e) {
      LOG.warn("Embedded PostgreSQL did not stop cleanly: {}", e.getMessage());
    }
  }
}
