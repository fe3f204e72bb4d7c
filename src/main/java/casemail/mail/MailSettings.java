package casemail.mail;

import casemail.config.Settings;
import java.time.Duration;
import java.util.List;

/** What the outbox needs from the configuration. */
record MailSettings(int maxConnections, int sendRate, List<Duration> retrySchedule,
    Duration attemptTimeout) {

  static MailSettings of(Settings settings) {
    return new MailSettings(settings.smtp().maxConnections(), settings.smtp().sendRate(),
        settings.retrySchedule(), Duration.ofSeconds(settings.smtp().timeoutSeconds()));
  }

  /**
   * How long a claim holds a delivery: two attempts' time and a margin. A delivery whose
   * instance died is taken up again after this.
   */
  int leaseSeconds() {
    return (int) attemptTimeout.toSeconds() * 2 + 10;
  }
}
