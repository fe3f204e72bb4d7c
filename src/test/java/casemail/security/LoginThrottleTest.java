package casemail.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

  private Instant now = Instant.parse("2026-05-01T10:00:00Z");
  private final LoginThrottle throttle = new LoginThrottle(new Clock() {
    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }
  });

  @Test
  void anAccountIsHeldBackAfterFiveFailuresUntilTheFirstIsOlderThanTheWindow() {
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.begin("Anna@Acme.example", "a" + i)).isEmpty();
      now = now.plusSeconds(60);
    }

    assertThat(throttle.begin(" anna@acme.example", "z")).contains(Duration.ofMinutes(10));
    now = now.plus(Duration.ofMinutes(10));
    assertThat(throttle.begin("anna@acme.example", "z")).isEmpty();
  }

  @Test
  void aSuccessClearsTheAccountAndGivesTheAddressItsAttemptBack() {
    for (int i = 0; i < 4; i++) {
      throttle.begin("anna@acme.example", "office");
    }
    throttle.begin("anna@acme.example", "office");
    throttle.succeeded("anna@acme.example", "office");

    assertThat(throttle.begin("anna@acme.example", "office")).isEmpty();
    for (int i = 0; i < 15; i++) {
      throttle.begin("mark" + i + "@acme.example", "office");
    }
    assertThat(throttle.begin("someone@acme.example", "office")).isPresent();
    assertThat(throttle.begin("someone@acme.example", "home")).isEmpty();
  }
}
