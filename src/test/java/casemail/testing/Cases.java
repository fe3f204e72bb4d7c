package casemail.testing;

/** Finds the ids of the seeded cases by their numbers, through the API. */
public final class Cases {

  private Cases() {
  }

  public static long customer(TestApp app, String number) {
    return id(app, "/customers?number=" + number);
  }

  public static long invoice(TestApp app, String number) {
    return id(app, "/invoices?number=" + number);
  }

  public static long matter(TestApp app, String reference) {
    return id(app, "/matters?reference=" + reference);
  }

  private static long id(TestApp app, String query) {
    var reply = app.api().get(query);
    if (reply.status() != 200 || reply.json().getJsonArray("items").isEmpty()) {
      throw new AssertionError("No case for " + query + ": " + reply.body());
    }
    return reply.json().getJsonArray("items").getJsonObject(0).getLong("id");
  }
}
