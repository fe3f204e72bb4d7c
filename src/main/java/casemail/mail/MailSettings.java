package casemail.mail;

import casemail.config.Settings;
import java.time.Duration;
import java.util.List;

/** What the outbox needs from the configuration. */
record MailSettings(int maxConnections, int sendRate, List<Duration> retrySchedule) {

  static MailSettings of(Settings settings) {
    return new MailSettings(settings.smtp().maxConnections(), settings.smtp().sendRate(),
        settings.retrySchedule());
  }
}
