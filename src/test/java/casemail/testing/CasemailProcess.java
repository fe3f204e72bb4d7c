package casemail.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The real jar ({@code target/casemail.jar}, built by {@code mvn package} before the
 * integration tests) run as its own process, as an operator runs it.
 */
public final class CasemailProcess implements AutoCloseable {

  public static final Path JAR = Path.of("target", "casemail.jar");

  private final Process process;
  private final Path log;

  private CasemailProcess(Process process, Path log) {
    this.process = process;
    this.log = log;
  }

  /** What a finished command printed, and how it ended. */
  public record Result(int exitCode, String out, String err) {
  }

  /** Runs a command to its end, with {@code input} on standard input. */
  public static Result run(Map<String, String> env, String input, String... args) {
    try {
      var out = Files.createTempFile("casemail-out", ".txt");
      var err = Files.createTempFile("casemail-err", ".txt");
      var process = builder(env, args)
          .redirectOutput(out.toFile())
          .redirectError(err.toFile())
          .start();
      try (var stdin = process.getOutputStream()) {
        stdin.write(input.getBytes(StandardCharsets.UTF_8));
      }
      if (!process.waitFor(180, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("casemail " + String.join(" ", args) + " did not finish");
      }
      return new Result(process.exitValue(), Files.readString(out), Files.readString(err));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Starts {@code serve} (or another long-running command) in the background. */
  public static CasemailProcess start(Map<String, String> env, String... args) {
    try {
      var log = Files.createTempFile("casemail-serve", ".log");
      var process = builder(env, args)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .start();
      return new CasemailProcess(process, log);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Waits for {@code /health} to answer 200 at {@code baseUrl}. */
  public CasemailProcess awaitHealthy(String baseUrl) {
    var client = HttpClient.newHttpClient();
    var deadline = System.currentTimeMillis() + 90_000;
    while (System.currentTimeMillis() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Casemail exited " + process.exitValue() + ":\n" + log());
      }
      try {
        var request = HttpRequest.newBuilder(URI.create(baseUrl + "/health")).build();
        if (client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
          return this;
        }
      } catch (IOException e) {
        // Not listening yet.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Emails.sleep(200);
    }
    throw new AssertionError("Casemail did not become healthy:\n" + log());
  }

  public long pid() {
    return process.pid();
  }

  /** SIGTERM, then waits for the exit code. */
  public int terminate() {
    process.destroy();
    return awaitExit();
  }

  /** SIGKILL: no shutdown of any kind. */
  public void kill() {
    process.destroyForcibly();
    awaitExit();
  }

  public String log() {
    try {
      return Files.readString(log);
    } catch (IOException e) {
      return "(no log: " + e.getMessage() + ")";
    }
  }

  private int awaitExit() {
    try {
      if (!process.waitFor(60, TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new AssertionError("Casemail did not stop:\n" + log());
      }
      return process.exitValue();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static ProcessBuilder builder(Map<String, String> env, String... args) {
    var command = new ArrayList<>(List.of(javaBinary(), "-Xmx512m", "-jar",
        JAR.toAbsolutePath().toString()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command);
    builder.environment().keySet().removeIf(name -> name.startsWith("CASEMAIL_"));
    builder.environment().putAll(env);
    return builder;
  }

  private static String javaBinary() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Stops it as an operator would (SIGTERM), so that its embedded PostgreSQL stops too. */
  @Override
  public void close() {
    if (process.isAlive()) {
      terminate();
    }
  }
}
