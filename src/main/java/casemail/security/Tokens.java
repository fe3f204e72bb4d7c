package casemail.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/** Random opaque tokens and one-way digests of them, for API keys and tracking pixels. */
public final class Tokens {

  private static final SecureRandom RANDOM = new SecureRandom();
  private static final Base64.Encoder URL_SAFE = Base64.getUrlEncoder().withoutPadding();

  private Tokens() {
  }

  /** {@code bytes} of randomness, URL-safe base64 (16 bytes = 128 bits → 22 characters). */
  public static String random(int bytes) {
    var value = new byte[bytes];
    RANDOM.nextBytes(value);
    return URL_SAFE.encodeToString(value);
  }

  /** SHA-256 in hex: API keys are stored only as this. */
  public static String sha256(String value) {
    try {
      var digest = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(digest.digest(value.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
