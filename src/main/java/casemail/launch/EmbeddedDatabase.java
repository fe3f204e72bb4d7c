package casemail.launch;

import casemail.config.ConfigException;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A real PostgreSQL server run from the binaries shipped in the jar, for when no
 * {@code CASEMAIL_DATABASE_URL} is given. Its data stays in {@code <data dir>/postgres} across
 * restarts. Starting it blocks; the launcher does so before Vert.x runs.
 */
public final class EmbeddedDatabase implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDatabase.class);
  private static final long STOP_WAIT_S = 30;
  /** The file the library locks while its server runs. */
  private static final String LOCK_FILE = "epg-lock";

  private final EmbeddedPostgres postgres;

  private EmbeddedDatabase(EmbeddedPostgres postgres) {
    this.postgres = postgres;
  }

  /**
   * Starts the server on the data directory, unless a running Casemail holds it. A PostgreSQL
   * left running by a Casemail that was killed is stopped first.
   */
  public static EmbeddedDatabase start(Path dataDir) {
    var directory = dataDir.resolve("postgres").toAbsolutePath();
    try {
      Files.createDirectories(directory);
      if (heldByAnother(directory)) {
        throw inUse(dataDir);
      }
      stopLeftOver(directory);
      return new EmbeddedDatabase(startIn(directory));
    } catch (IOException | IllegalStateException e) {
      if (String.valueOf(e.getMessage()).contains("lock")) {
        throw inUse(dataDir);
      }
      throw new IllegalStateException("Cannot start embedded PostgreSQL in " + directory, e);
    }
  }

  private static ConfigException inUse(Path dataDir) {
    return new ConfigException("The data directory " + dataDir + " is in use by another "
        + "Casemail: stop it first, or set CASEMAIL_DATABASE_URL or CASEMAIL_DATA_DIR");
  }

  /**
   * Whether a running Casemail holds the directory: the library locks a file of it (made after
   * the directory's first initialisation, which needs it empty).
   */
  private static boolean heldByAnother(Path directory) throws IOException {
    var lockFile = directory.resolve(LOCK_FILE);
    if (!Files.exists(lockFile)) {
      return false;
    }
    try (var channel = FileChannel.open(lockFile, StandardOpenOption.WRITE);
        var lock = channel.tryLock()) {
      return lock == null;
    }
  }

  /**
   * Stops the PostgreSQL that {@code directory}'s {@code postmaster.pid} names, if that process
   * is a server of this directory: with no Casemail holding the directory, one whose Casemail
   * was killed. SIGTERM lets it shut down cleanly; its clients died with that Casemail.
   */
  private static void stopLeftOver(Path directory) {
    Optional<ProcessHandle> named;
    try (var lines = Files.lines(directory.resolve("postmaster.pid"))) {
      named = lines.findFirst().map(line -> Long.parseLong(line.strip()))
          .flatMap(ProcessHandle::of);
    } catch (IOException | RuntimeException e) {
      return;
    }
    var server = named.filter(process -> process.info().arguments()
        .map(arguments -> List.of(arguments).contains(directory.toString())).orElse(false));
    if (server.isEmpty()) {
      return;
    }
    LOG.warn("Stopping the PostgreSQL (pid {}) an earlier Casemail left running on {}",
        server.get().pid(), directory);
    server.get().destroy();
    try {
      server.get().onExit().get(STOP_WAIT_S, TimeUnit.SECONDS);
    } catch (ExecutionException | TimeoutException e) {
      LOG.warn("The PostgreSQL (pid {}) did not stop within {} s", server.get().pid(),
          STOP_WAIT_S);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
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
