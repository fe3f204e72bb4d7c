package casemail.config;

import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;

/**
 * Reads {@code conf/config.json} (from the working directory, else the copy inside the jar) and
 * lets every key be overridden by the environment variable {@code CASEMAIL_<KEY>}.
 * Wrong values fail with a {@link ConfigException} naming the variable.
 */
public final class SettingsLoader {

  static final String PREFIX = "CASEMAIL_";
  private static final Path DEFAULT_FILE = Path.of("conf", "config.json");
  private static final int MIN_SECRET = 24;

  private final JsonObject values;

  private SettingsLoader(JsonObject values) {
    this.values = values;
  }

  public static Settings load(Map<String, String> env) {
    return from(readDefaults(DEFAULT_FILE), env);
  }

  public static Settings from(JsonObject defaults, Map<String, String> env) {
    var merged = defaults.copy();
    env.forEach((name, value) -> {
      if (name.startsWith(PREFIX)) {
        merged.put(name.substring(PREFIX.length()).toLowerCase(Locale.ROOT), value);
      }
    });
    return new SettingsLoader(merged).settings();
  }

  static JsonObject readDefaults(Path file) {
    try (InputStream in = open(file)) {
      return new JsonObject(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException | DecodeException e) {
      throw new ConfigException("Cannot read " + file + ": " + e.getMessage());
    }
  }

  private static InputStream open(Path file) throws IOException {
    if (Files.exists(file)) {
      return Files.newInputStream(file);
    }
    var bundled = SettingsLoader.class.getResourceAsStream("/conf/config.json");
    if (bundled == null) {
      throw new IOException("file not found");
    }
    return bundled;
  }

  private Settings settings() {
    int port = integer("http_port", 0, 65535);
    return new Settings(
        port,
        baseUrl(port),
        text("database_url"),
        Path.of(required("data_dir")).toAbsolutePath().normalize(),
        smtp(),
        secret(),
        RetrySchedule.parse(required("retry_schedule"), variable("retry_schedule")),
        integer("portal_link_days", 1, 3650),
        flag("trust_forwarded_for"));
  }

  private Settings.Smtp smtp() {
    return new Settings.Smtp(
        text("smtp_host"),
        integer("smtp_port", 1, 65535),
        text("smtp_username"),
        text("smtp_password"),
        startTls(),
        integer("smtp_max_connections", 1, 256),
        integer("send_rate", 0, 1_000_000),
        integer("smtp_timeout", 2, 600));
  }

  private String baseUrl(int port) {
    var url = text("base_url");
    if (url == null) {
      return "http://localhost:" + port;
    }
    if (!url.matches("https?://[^\\s/]+(/[^\\s]*)?")) {
      throw invalid("base_url", url, "an http(s) URL");
    }
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }

  /**
   * The key portal links and sessions are signed with: long enough not to be guessed (a
   * base64 or hex string of at least 16 random bytes), or unset.
   */
  private String secret() {
    var secret = text("secret");
    if (secret != null && secret.strip().length() < MIN_SECRET) {
      throw new ConfigException(variable("secret") + " is too short to sign portal links "
          + "safely: give at least " + MIN_SECRET + " characters, e.g. openssl rand -base64 32");
    }
    return secret;
  }

  private boolean startTls() {
    var value = required("smtp_starttls").toLowerCase(Locale.ROOT);
    return switch (value) {
      case "required", "true" -> true;
      case "disabled", "false" -> false;
      default -> throw invalid("smtp_starttls", value, "required or disabled");
    };
  }

  private boolean flag(String key) {
    var value = text(key) == null ? "false" : text(key).strip().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "true" -> true;
      case "false" -> false;
      default -> throw invalid(key, value, "true or false");
    };
  }

  private int integer(String key, int min, int max) {
    var raw = required(key);
    try {
      int value = Integer.parseInt(raw.trim());
      if (value < min || value > max) {
        throw invalid(key, raw, "a number from " + min + " to " + max);
      }
      return value;
    } catch (NumberFormatException e) {
      throw invalid(key, raw, "a whole number");
    }
  }

  private String required(String key) {
    var value = text(key);
    if (value == null) {
      throw new ConfigException(variable(key) + " must be set");
    }
    return value;
  }

  private String text(String key) {
    var value = values.getValue(key);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    return value.toString();
  }

  private static ConfigException invalid(String key, String value, String expected) {
    return new ConfigException(variable(key) + " is '" + value + "'; expected " + expected);
  }

  static String variable(String key) {
    return PREFIX + key.toUpperCase(Locale.ROOT);
  }
}
