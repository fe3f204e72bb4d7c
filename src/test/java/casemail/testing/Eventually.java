package casemail.testing;

import java.time.Duration;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Polls for a condition that becomes true asynchronously (mail sent, open stored). */
public final class Eventually {

  private Eventually() {
  }

  public static <T> T get(Supplier<T> value, Predicate<T> until) {
    return get(Duration.ofSeconds(15), value, until);
  }

  public static <T> T get(Duration timeout, Supplier<T> value, Predicate<T> until) {
    var deadline = System.currentTimeMillis() + timeout.toMillis();
    T last = value.get();
    while (!until.test(last)) {
      if (System.currentTimeMillis() > deadline) {
        throw new AssertionError("Condition not met; last value: " + last);
      }
      Emails.sleep(100);
      last = value.get();
    }
    return last;
  }
}
