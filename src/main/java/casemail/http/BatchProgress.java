package casemail.http;

import io.vertx.core.json.JsonObject;
import java.util.List;

/** A batch's progress as the batch page's script and the API read it. */
public final class BatchProgress {

  private static final List<String> COUNTS = List.of("total", "stored", "sent", "failed",
      "portal_only", "remaining", "finished", "rate", "done");

  private BatchProgress() {
  }

  /**
   * From a {@code persistence.batch.progress} reply: {@code {total, stored, sent, failed,
   * portal_only, remaining, finished, rate, done}}.
   */
  public static JsonObject counts(JsonObject progress) {
    var counts = new JsonObject();
    COUNTS.forEach(name -> counts.put(name, progress.getValue(name)));
    return counts;
  }
}
