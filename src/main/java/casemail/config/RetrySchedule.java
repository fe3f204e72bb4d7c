package casemail.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** Parses delays such as {@code 1m,5m,30m,2h,6h} (units s, m, h, d). */
public final class RetrySchedule {

  private static final Pattern DELAY = Pattern.compile("(\\d{1,6})([smhd])");

  private RetrySchedule() {
  }

  public static List<Duration> parse(String text, String variable) {
    var delays = new ArrayList<Duration>();
    for (var part : text.split(",")) {
      var match = DELAY.matcher(part.trim());
      if (!match.matches()) {
        throw new ConfigException(
            variable + " has '" + part.trim() + "'; expected delays like 1m,5m,30m,2h,6h");
      }
      delays.add(delay(Long.parseLong(match.group(1)), match.group(2)));
    }
    return List.copyOf(delays);
  }

  private static Duration delay(long amount, String unit) {
    return switch (unit) {
      case "s" -> Duration.ofSeconds(amount);
      case "m" -> Duration.ofMinutes(amount);
      case "h" -> Duration.ofHours(amount);
      default -> Duration.ofDays(amount);
    };
  }
}
