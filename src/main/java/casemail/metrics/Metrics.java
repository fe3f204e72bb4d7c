package casemail.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.VertxOptions;
import io.vertx.core.shareddata.Shareable;
import io.vertx.micrometer.MicrometerMetricsFactory;
import io.vertx.micrometer.MicrometerMetricsOptions;

/**
 * One Prometheus registry per running Casemail, served at {@code /metrics}: Vert.x's own
 * meters (HTTP server latency, event bus, pools) and Casemail's ({@code casemail_*}: messages
 * created, deliveries queued, sent, failed and uncertain, SMTP send time, outbox depth,
 * opens). Each verticle finds it through its Vert.x instance.
 */
public final class Metrics {

  private static final String MAP = "casemail.metrics";
  private static final String KEY = "registry";
  private static final MeterRegistry NOWHERE = new CompositeMeterRegistry();

  private record Holder(PrometheusMeterRegistry registry) implements Shareable {
  }

  private Metrics() {
  }

  /** A Vert.x instance whose meters go to a registry of its own. */
  public static Vertx vertx() {
    var registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    var options = new VertxOptions()
        // epoll where the platform has it (see pom.xml), else Java's NIO.
        .setPreferNativeTransport(true)
        .setMetricsOptions(new MicrometerMetricsOptions()
            .setEnabled(true)
            .setJvmMetricsEnabled(true));
    var vertx = Vertx.builder()
        .with(options)
        .withMetrics(new MicrometerMetricsFactory(registry))
        .build();
    vertx.sharedData().getLocalMap(MAP).put(KEY, new Holder(registry));
    return vertx;
  }

  /**
   * Where a verticle counts: the registry of this Vert.x instance, or a registry that keeps
   * nothing when it was built without one (the administrative commands), so counting costs
   * nothing there.
   */
  public static MeterRegistry meters(Vertx vertx) {
    var holder = vertx.sharedData().<String, Holder>getLocalMap(MAP).get(KEY);
    return holder == null ? NOWHERE : holder.registry();
  }

  /** The registry of this Vert.x instance for {@code /metrics}; made now if it had none. */
  public static PrometheusMeterRegistry registry(Vertx vertx) {
    var map = vertx.sharedData().<String, Holder>getLocalMap(MAP);
    var holder = map.get(KEY);
    if (holder == null) {
      map.putIfAbsent(KEY, new Holder(new PrometheusMeterRegistry(PrometheusConfig.DEFAULT)));
      holder = map.get(KEY);
    }
    return holder.registry();
  }
}
