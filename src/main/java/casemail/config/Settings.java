package casemail.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * Casemail's configuration, read once at start-up from {@code conf/config.json} with every key
 * overridable by a {@code CASEMAIL_*} environment variable (see {@link SettingsLoader}).
 *
 * <p>{@code databaseUrl} and {@code smtp.host} may be null: the launcher then starts the
 * embedded PostgreSQL and the capture mailbox and fills them in with {@link #withDatabaseUrl}
 * and {@link #withSmtp}.
 *
 * <p>{@code trustForwardedFor}: whether the client address is the last one in the
 * {@code X-Forwarded-For} header (set it only behind a proxy that sets that header).
 */
public record Settings(
    int httpPort,
    String baseUrl,
    String databaseUrl,
    Path dataDir,
    Smtp smtp,
    String secret,
    List<Duration> retrySchedule,
    int portalLinkDays,
    boolean trustForwardedFor) {

  /**
   * Outgoing SMTP: where, as whom, how many connections, how fast, and how long one attempt
   * may take.
   */
  public record Smtp(
      String host,
      int port,
      String username,
      String password,
      boolean startTls,
      int maxConnections,
      int sendRate,
      int timeoutSeconds) {

    public boolean isConfigured() {
      return host != null;
    }
  }

  public boolean hasDatabase() {
    return databaseUrl != null;
  }

  public boolean isHttps() {
    return URI.create(baseUrl).getScheme().equals("https");
  }

  public Path uploadsDir() {
    return dataDir.resolve("uploads");
  }

  public Settings withDatabaseUrl(String url) {
    return new Settings(
        httpPort, baseUrl, url, dataDir, smtp, secret, retrySchedule, portalLinkDays,
        trustForwardedFor);
  }

  public Settings withSmtp(String host, int port) {
    var local = new Smtp(host, port, null, null, false, smtp.maxConnections, smtp.sendRate,
        smtp.timeoutSeconds);
    return new Settings(
        httpPort, baseUrl, databaseUrl, dataDir, local, secret, retrySchedule, portalLinkDays,
        trustForwardedFor);
  }

  public Settings withHttpPort(int port) {
    return new Settings(port, baseUrl, databaseUrl, dataDir, smtp, secret, retrySchedule,
        portalLinkDays, trustForwardedFor);
  }

  public Settings withSecret(String value) {
    return new Settings(
        httpPort, baseUrl, databaseUrl, dataDir, smtp, value, retrySchedule, portalLinkDays,
        trustForwardedFor);
  }
}
