package casemail.message;

import casemail.bus.BusFailure;
import io.vertx.core.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a page of messages (the inbox, a timeline) starts: after the message with this time
 * and id, newest first.
 */
public record MessageCursor(Instant createdAt, UUID id) {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

  public String encode() {
    var text = createdAt + "|" + id;
    return ENCODER.encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /** The cursor in a token made by {@link #encode()}; null for none; a 400 if garbled. */
  public static MessageCursor decode(String token) {
    if (token == null || token.isBlank()) {
      return null;
    }
    try {
      var text = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
      var parts = text.split("\\|", 2);
      return new MessageCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (IllegalArgumentException | DateTimeParseException
        | ArrayIndexOutOfBoundsException e) {
      throw new BusFailure(400, "Bad cursor", new JsonObject().put("cursor",
          "Use the value of 'next' from the previous page"));
    }
  }
}
