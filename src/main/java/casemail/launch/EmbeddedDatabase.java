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

  public static EmbeddedDatabase start(Path dataDir) {
    var directory = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(directory);
      var postgres = EmbeddedPostgres.builder()
          .setDataDirectory(directory)
          .setCleanDataDirectory(false)
          .setPort(FreePort.find())
          .setServerConfig("max_connections", "100")
          .start();
      LOG.info("Embedded PostgreSQL started on port {} with data in {}",
          postgres.getPort(), directory);
      return new EmbeddedDatabase(postgres);
    } catch (IOException | IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("lock")) {
        throw new ConfigException("The data directory " + dataDir + " is in use by another "
            + "Casemail: stop it first, or set CASEMAIL_DATABASE_URL or CASEMAIL_DATA_DIR");
      }
      throw new IllegalStateException("Cannot start embedded PostgreSQL in " + directory, e);
    }
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
