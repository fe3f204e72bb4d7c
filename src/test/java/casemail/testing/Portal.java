package casemail.testing;

import io.vertx.core.json.JsonObject;

/** Messages sent through the API, and customers who follow their portal links. */
public final class Portal {

  private Portal() {
  }

  /** Sends a message by Anna on the case named by its number; the API's reply. */
  public static JsonObject send(TestApp app, String type, String number, String subject,
      String body) {
    var key = "matter".equals(type) ? "reference" : "number";
    var reply = app.api().post("/messages", new JsonObject()
        .put("case", new JsonObject().put("type", type).put(key, number))
        .put("author", TestData.ADMIN_EMAIL)
        .put("subject", subject)
        .put("body", body));
    if (reply.status() != 201) {
      throw new AssertionError("Message not created: " + reply.body());
    }
    return reply.json();
  }

  /** A new browser whose portal session was opened by following the message's link. */
  public static Browser enter(TestApp app, JsonObject message) {
    var customer = app.browser();
    var page = customer.open(path(app, message.getString("portal_url")));
    if (page.status() != 200) {
      throw new AssertionError("Portal did not open: " + page.status());
    }
    return customer;
  }

  /** An absolute Casemail URL as a path for {@link Browser}. */
  public static String path(TestApp app, String url) {
    return url.substring(app.url("").length());
  }
}
