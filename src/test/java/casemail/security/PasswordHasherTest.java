package casemail.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;
import org.junit.jupiter.api.Test;

public class PasswordHasherTest {

  @Test
  void hashesWithArgon2idAtOwaspsMinimumParameters() {
    var hash = PasswordHasher.hash("correct horse");

    assertThat(hash).matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$"
        + "[A-Za-z0-9+/]{43}");
    assertThat(PasswordHasher.verify("correct horse", hash)).isTrue();
    assertThat(PasswordHasher.verify("correct horse!", hash)).isFalse();
    assertThat(PasswordHasher.hash("correct horse")).isNotEqualTo(hash);
    assertThat(PasswordHasher.needsRehash(hash)).isFalse();
  }

  @Test
  void aHashWithOtherParametersStillVerifiesAndAsksToBeReplaced() {
    var older = hashWith("correct horse", 4096, 1);

    assertThat(PasswordHasher.verify("correct horse", older)).isTrue();
    assertThat(PasswordHasher.needsRehash(older)).isTrue();
    assertThat(PasswordHasher.verify("x", "not a hash")).isFalse();
    assertThat(PasswordHasher.needsRehash("not a hash")).isTrue();
  }

  /** An Argon2id hash in the PHC format made with other memory and time parameters. */
  public static String hashWith(String password, int memoryKib, int iterations) {
    var salt = new byte[16];
    var parameters = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
        .withVersion(Argon2Parameters.ARGON2_VERSION_13).withSalt(salt)
        .withMemoryAsKB(memoryKib).withIterations(iterations).withParallelism(1).build();
    var generator = new Argon2BytesGenerator();
    generator.init(parameters);
    var out = new byte[32];
    generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
    var b64 = Base64.getEncoder().withoutPadding();
    return "$argon2id$v=19$m=%d,t=%d,p=1$%s$%s".formatted(memoryKib, iterations,
        b64.encodeToString(salt), b64.encodeToString(out));
  }
}
