package casemail.launch;

import casemail.config.ConfigException;
import casemail.config.Settings;
import casemail.mail.DevMailbox;
import casemail.security.Tokens;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The parts Casemail brings itself when the configuration does not name them: embedded
 * PostgreSQL without {@code CASEMAIL_DATABASE_URL}, the capture mailbox without
 * {@code CASEMAIL_SMTP_HOST}, and (for the demo only) a generated secret kept in the data
 * directory. Closing it stops what it started.
 */
public final class Infrastructure implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(Infrastructure.class);

  private final Settings settings;
  private final EmbeddedDatabase database;
  private final DevMailbox mailbox;

  private Infrastructure(Settings settings, EmbeddedDatabase database, DevMailbox mailbox) {
    this.settings = settings;
    this.database = database;
    this.mailbox = mailbox;
  }

  /** What to do when no {@code CASEMAIL_SECRET} is configured. */
  public enum Secret {
    /** Refuse to start ({@code serve}). */
    REQUIRED,
    /** Make one up and keep it in the data directory ({@code demo}). */
    GENERATED,
    /** Not needed (the administrative commands). */
    UNUSED
  }

  /** Starts what is missing. */
  public static Infrastructure start(Settings configured, boolean withMail, Secret secret) {
    var settings = secret == Secret.UNUSED ? configured : withSecret(configured, secret);
    EmbeddedDatabase database = null;
    if (!settings.hasDatabase()) {
      database = EmbeddedDatabase.start(settings.dataDir());
      settings = settings.withDatabaseUrl(database.url());
    }
    DevMailbox mailbox = null;
    if (withMail && !settings.smtp().isConfigured()) {
      mailbox = DevMailbox.start();
      settings = settings.withSmtp(mailbox.host(), mailbox.port());
      if (secret == Secret.REQUIRED) {
        LOG.warn("No CASEMAIL_SMTP_HOST: emails go to the in-memory dev mailbox "
            + "(/dev/mailbox) and never reach a customer; they are gone at restart");
      }
    }
    return new Infrastructure(settings, database, mailbox);
  }

  public Settings settings() {
    return settings;
  }

  /** The capture mailbox, or null when a real SMTP server is configured. */
  public DevMailbox mailbox() {
    return mailbox;
  }

  private static Settings withSecret(Settings settings, Secret secret) {
    if (settings.secret() != null) {
      return settings;
    }
    if (secret == Secret.REQUIRED) {
      throw new ConfigException("CASEMAIL_SECRET must be set: it signs portal links and "
          + "sessions (for example: openssl rand -base64 32)");
    }
    return settings.withSecret(storedSecret(settings));
  }

  private static String storedSecret(Settings settings) {
    var file = settings.dataDir().resolve("secret");
    try {
      if (Files.exists(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).strip();
      }
      Files.createDirectories(settings.dataDir());
      var secret = Tokens.random(32);
      Files.writeString(file, secret, StandardCharsets.UTF_8);
      restrict(file);
      return secret;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot keep the demo secret in " + file, e);
    }
  }

  private static void restrict(Path file) throws IOException {
    try {
      Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException e) {
      // Not a POSIX file system: the data directory's own permissions protect it.
    }
  }

  @Override
  public void close() {
    if (mailbox != null) {
      mailbox.close();
    }
    if (database != null) {
      database.close();
    }
  }
}
