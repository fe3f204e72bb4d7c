package casemail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import casemail.config.Settings;
import casemail.testing.Futures;
import io.vertx.core.Vertx;
import io.vertx.ext.mail.MailClient;
import io.vertx.ext.mail.StartTLSOptions;
import org.junit.jupiter.api.Test;

/** The mail client's settings as its connection pool ends up using them. */
class MailConfigTest {

  @Test
  void startTlsRequiredVerifiesTheServersHostName() {
    var config = MailVerticle.mailConfig(smtp(true));
    var vertx = Vertx.vertx();
    try {
      var client = MailClient.create(vertx, config);

      assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.REQUIRED);
      assertThat(config.getHostnameVerificationAlgorithm()).isEqualTo("HTTPS");
      assertThat(config.isTrustAll()).isFalse();
      Futures.await(client.close());
    } finally {
      Futures.await(vertx.close());
    }
  }

  @Test
  void everyAttemptEndsWithinItsTimeout() {
    var config = MailVerticle.mailConfig(smtp(false));

    assertThat(config.getStarttls()).isEqualTo(StartTLSOptions.DISABLED);
    assertThat(config.getIdleTimeout()).isEqualTo(15);
    assertThat(config.getConnectTimeout()).isEqualTo(10_000);
    assertThat(config.getKeepAliveTimeout()).isLessThanOrEqualTo(config.getIdleTimeout());
    assertThat(config.getMaxPoolSize()).isEqualTo(8);
    assertThat(config.isAllowRcptErrors()).isFalse();
  }

  private static Settings.Smtp smtp(boolean startTls) {
    return new Settings.Smtp("smtp.example.com", 587, null, null, startTls, 8, 0, 30);
  }
}
