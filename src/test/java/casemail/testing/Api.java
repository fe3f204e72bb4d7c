package casemail.testing;

import io.vertx.core.json.JsonObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** A client of the JSON API with one API key. */
public final class Api {

  private final TestApp app;
  private final String key;
  private final HttpClient client = HttpClient.newBuilder()
      .version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(60)).build();

  Api(TestApp app, String key) {
    this.app = app;
    this.key = key;
  }

  /** A response: its status and body (JSON when the body is JSON). */
  public record Reply(int status, String body) {

    public JsonObject json() {
      return new JsonObject(body);
    }
  }

  public Api withKey(String otherKey) {
    return new Api(app, otherKey);
  }

  public Reply get(String path) {
    return send(request(path).GET());
  }

  public Reply post(String path, JsonObject body) {
    return post(path, body.encode());
  }

  public Reply post(String path, String body) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply put(String path, JsonObject body) {
    return put(path, body.encode());
  }

  public Reply put(String path, String body) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply patch(String path, JsonObject body) {
    return patch(path, body.encode());
  }

  public Reply patch(String path, String body) {
    return send(request(path)
        .header("Content-Type", "application/json")
        .method("PATCH", HttpRequest.BodyPublishers.ofString(body)));
  }

  public Reply delete(String path) {
    return send(request(path).DELETE());
  }

  private HttpRequest.Builder request(String path) {
    var builder = HttpRequest.newBuilder(URI.create(app.url("/api/v1" + path)))
        .timeout(Duration.ofSeconds(60));
    return key == null ? builder : builder.header("Authorization", "Bearer " + key);
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      var response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      return new Reply(response.statusCode(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
