package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The HTTP server's own limits, which no page test would notice missing. */
class HttpOptionsTest {

  @Test
  void aSilentConnectionIsClosedAndAnOverviewSelectionFitsTheUrl() {
    var options = HttpVerticle.options();

    assertThat(options.getIdleTimeout()).isBetween(1, 120);
    assertThat(options.getMaxInitialLineLength()).isGreaterThanOrEqualTo(64 * 1024);
  }
}
