package casemail.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) at OWASP's recommended minimum: 19 MiB of memory,
 * 2 iterations, 1 lane. Stored in the PHC string format, so parameters can grow later and old
 * hashes still verify; {@link #needsRehash} tells a hash made with other parameters, which is
 * replaced at the user's next sign-in. Hashing takes tens of milliseconds: call it off the
 * event loop.
 */
public final class PasswordHasher {

  /** The shortest password a user may choose. */
  public static final int MIN_LENGTH = 10;
  private static final int MEMORY_KIB = 19 * 1024;
  private static final int ITERATIONS = 2;
  private static final int PARALLELISM = 1;
  private static final int SALT_BYTES = 16;
  private static final int HASH_BYTES = 32;
  private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
  private static final Base64.Decoder B64_DECODER = Base64.getDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private PasswordHasher() {
  }

  public static String hash(String password) {
    var salt = new byte[SALT_BYTES];
    RANDOM.nextBytes(salt);
    var hash = derive(password, salt, MEMORY_KIB, ITERATIONS, PARALLELISM, HASH_BYTES);
    return "$argon2id$v=19$m=%d,t=%d,p=%d$%s$%s".formatted(
        MEMORY_KIB, ITERATIONS, PARALLELISM, B64.encodeToString(salt), B64.encodeToString(hash));
  }

  public static boolean verify(String password, String stored) {
    var parts = stored.split("\\$");
    if (parts.length != 6 || !parts[1].equals("argon2id")) {
      return false;
    }
    try {
      var params = parts[3].split(",");
      var salt = B64_DECODER.decode(parts[4]);
      var expected = B64_DECODER.decode(parts[5]);
      var actual = derive(password, salt, value(params[0]), value(params[1]), value(params[2]),
          expected.length);
      return MessageDigest.isEqual(expected, actual);
    } catch (IllegalArgumentException | ArrayIndexOutOfBoundsException e) {
      return false;
    }
  }

  /** Whether a stored hash was made otherwise than {@link #hash} makes one now. */
  public static boolean needsRehash(String stored) {
    var parts = stored.split("\\$");
    return parts.length != 6 || !parts[1].equals("argon2id") || !parts[2].equals("v=19")
        || !parts[3].equals("m=%d,t=%d,p=%d".formatted(MEMORY_KIB, ITERATIONS, PARALLELISM));
  }

  private static int value(String parameter) {
    return Integer.parseInt(parameter.substring(parameter.indexOf('=') + 1));
  }

  private static byte[] derive(
      String password, byte[] salt, int memoryKib, int iterations, int lanes, int length) {
    var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13)
        .withSalt(salt)
        .withMemoryAsKB(memoryKib)
        .withIterations(iterations)
        .withParallelism(lanes)
        .build();
    var generator = new Argon2BytesGenerator();
    generator.init(parameters);
    var out = new byte[length];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    return out;
  }
}
