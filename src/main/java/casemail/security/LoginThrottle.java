package casemail.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.HashMap;

/**
 * Slows down password guessing: at most {@value #ACCOUNT_LIMIT} failed sign-ins per account
 * and {@value #ADDRESS_LIMIT} per client address within {@link #WINDOW}; past that an attempt
 * is refused, without checking the password, until the oldest failure that counts is older
 * than the window. An attempt counts as failed from its start (so parallel guesses cannot slip
 * through together) and is taken back when it succeeds, which also clears the account's
 * failures. Failures against one account never hold up another account signing in from
 * another address. Unknown emails count like known ones, so the answers tell nothing about
 * which accounts exist. Thread-safe: one instance serves every HTTP verticle of a process.
 *
 * <p>LIMITATION: the counts are kept in memory, per Casemail instance; several instances
 * behind one load balancer each allow the limits, and a restart forgets them.
 */
public final class LoginThrottle {

  public static final int ACCOUNT_LIMIT = 5;
  public static final int ADDRESS_LIMIT = 20;
  public static final Duration WINDOW = Duration.ofMinutes(15);
  /** Past this many accounts and addresses, those without a recent failure are forgotten. */
  private static final int PRUNE_ABOVE = 10_000;

  private final Clock clock;
  private final Map<String, List<Instant>> failures = new HashMap<>();

  public LoginThrottle(Clock clock) {
    this.clock = clock;
  }

  /**
   * Starts an attempt: how long to wait if the account or the address has failed too often
   * (the attempt is then refused and not counted), else empty and the attempt counts as failed
   * until {@link #succeeded}.
   */
  public synchronized Optional<Duration> begin(String email, String address) {
    var now = clock.instant();
    var wait = longest(waitFor(account(email), ACCOUNT_LIMIT, now),
        waitFor(address(address), ADDRESS_LIMIT, now));
    if (wait.isEmpty()) {
      add(account(email), now);
      add(address(address), now);
      prune(now);
    }
    return wait;
  }

  /** The attempt signed in: the account starts afresh and the address gets its count back. */
  public synchronized void succeeded(String email, String address) {
    failures.remove(account(email));
    failures.computeIfPresent(address(address), (key, times) -> times.size() <= 1 ? null
        : List.copyOf(times.subList(0, times.size() - 1)));
  }

  private Optional<Duration> waitFor(String key, int limit, Instant now) {
    var recent = recent(key, now);
    if (recent.size() < limit) {
      return Optional.empty();
    }
    var freed = recent.get(recent.size() - limit).plus(WINDOW);
    return Optional.of(Duration.between(now, freed));
  }

  private List<Instant> recent(String key, Instant now) {
    var since = now.minus(WINDOW);
    return failures.getOrDefault(key, List.of()).stream()
        .filter(time -> time.isAfter(since))
        .toList();
  }

  private void add(String key, Instant now) {
    var times = new ArrayList<>(recent(key, now));
    times.add(now);
    failures.put(key, List.copyOf(times));
  }

  private void prune(Instant now) {
    if (failures.size() > PRUNE_ABOVE) {
      var since = now.minus(WINDOW);
      failures.values().removeIf(times -> times.get(times.size() - 1).isBefore(since));
    }
  }

  private static Optional<Duration> longest(Optional<Duration> one, Optional<Duration> other) {
    if (one.isEmpty()) {
      return other;
    }
    return other.filter(wait -> wait.compareTo(one.get()) > 0).or(() -> one);
  }

  private static String account(String email) {
    return "account:" + (email == null ? "" : email.strip().toLowerCase(Locale.ROOT));
  }

  private static String address(String address) {
    return "address:" + address;
  }
}
