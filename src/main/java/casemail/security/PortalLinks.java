package casemail.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring portal links. A token holds only the message's random id and an expiry,
 * authenticated with HMAC-SHA256 under {@code CASEMAIL_SECRET}: nothing personal can be read
 * from it, and an altered token verifies to nothing.
 */
public final class PortalLinks {

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final int PAYLOAD_BYTES = 16 + 8;
  private static final int SIGNATURE_BYTES = 16;

  private final byte[] key;
  private final Duration validity;

  public PortalLinks(String secret, Duration validity) {
    this.key = ("portal-link:" + secret).getBytes(StandardCharsets.UTF_8);
    this.validity = validity;
  }

  /** The link a customer follows to the message: {@code <baseUrl>/portal/l/<token>}. */
  public String url(String baseUrl, UUID messageId, Instant now) {
    return baseUrl + "/portal/l/" + token(messageId, now);
  }

  /** How many whole days a new link stays valid. */
  public long validityDays() {
    return validity.toDays();
  }

  public String token(UUID messageId, Instant now) {
    var payload = ByteBuffer.allocate(PAYLOAD_BYTES)
        .putLong(messageId.getMostSignificantBits())
        .putLong(messageId.getLeastSignificantBits())
        .putLong(now.plus(validity).getEpochSecond())
        .array();
    var token = ByteBuffer.allocate(PAYLOAD_BYTES + SIGNATURE_BYTES)
        .put(payload)
        .put(sign(payload))
        .array();
    return ENCODER.encodeToString(token);
  }

  /** A link this server signed: the message it leads to, and whether it has expired. */
  public record Link(UUID messageId, boolean expired) {
  }

  /** The link in a token this server signed, expired or not; empty if altered or garbage. */
  public Optional<Link> verify(String token, Instant now) {
    byte[] bytes;
    try {
      bytes = DECODER.decode(token == null ? "" : token);
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
    // Only the one canonical spelling: base64 would also accept other values of a last
    // character's unused bits, and an altered link must never still work.
    if (bytes.length != PAYLOAD_BYTES + SIGNATURE_BYTES
        || !ENCODER.encodeToString(bytes).equals(token)) {
      return Optional.empty();
    }
    var payload = Arrays.copyOf(bytes, PAYLOAD_BYTES);
    var signature = Arrays.copyOfRange(bytes, PAYLOAD_BYTES, bytes.length);
    if (!MessageDigest.isEqual(sign(payload), signature)) {
      return Optional.empty();
    }
    var buffer = ByteBuffer.wrap(payload);
    var id = new UUID(buffer.getLong(), buffer.getLong());
    var expiry = Instant.ofEpochSecond(buffer.getLong());
    return Optional.of(new Link(id, !now.isBefore(expiry)));
  }

  private byte[] sign(byte[] payload) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return Arrays.copyOf(mac.doFinal(payload), SIGNATURE_BYTES);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
    }
  }
}
