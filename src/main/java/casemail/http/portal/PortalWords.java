package casemail.http.portal;

import casemail.message.Words;
import io.vertx.core.json.JsonObject;

/** Portal words for templates: {@code portal.reply.send} becomes {@code words.reply_send}. */
final class PortalWords {

  private PortalWords() {
  }

  static JsonObject of(Words words, String... keys) {
    var json = new JsonObject();
    for (var key : keys) {
      json.put(key.replace('.', '_'), words.get("portal." + key));
    }
    return json;
  }
}
