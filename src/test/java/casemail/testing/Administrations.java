package casemail.testing;

import casemail.bus.Addresses;
import io.vertx.core.json.JsonObject;

/** Changes the test administration's settings directly, for tests of what they switch. */
public final class Administrations {

  private Administrations() {
  }

  /** Sets the given settings (e.g. {@code payment_url_template}), keeping the others. */
  public static void update(TestApp app, JsonObject changes) {
    var bus = app.bus();
    var administration = Futures.await(bus.request(Addresses.ADMINISTRATION_ENSURE,
        new JsonObject().put("name", TestData.ADMINISTRATION)));
    Futures.await(bus.request(Addresses.ADMINISTRATION_UPDATE, administration.copy()
        .put("administration_id", administration.getLong("id"))
        .mergeIn(changes)));
  }
}
