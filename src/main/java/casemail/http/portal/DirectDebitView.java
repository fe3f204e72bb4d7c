package casemail.http.portal;

import io.vertx.core.json.JsonObject;

/** The direct-debit page's model: the active mandate, or the form with its problems. */
final class DirectDebitView {

  private final PortalView portal;

  DirectDebitView(PortalView portal) {
    this.portal = portal;
  }

  /** {@code notice}: authorised, revoked, already or null. */
  JsonObject of(JsonObject mandate, MandateForm form, String notice) {
    var words = portal.words();
    var problems = new JsonObject();
    form.problems().forEach(problem -> problems.put(problem.getKey(),
        words.get((String) problem.getValue(), MandateForm.MAX_HOLDER)));
    return portal.common()
        .put("title", words.get("portal.dd.title"))
        .put("back", words.get("portal.back"))
        .put("notice", notice == null ? null
            : words.get("portal.dd." + notice, portal.administrationName()))
        .put("mandate", mandate == null ? null : mandate(mandate))
        .put("form", form.values())
        .put("problems", problems)
        .put("hasProblems", !problems.isEmpty());
  }

  private JsonObject mandate(JsonObject mandate) {
    var iban = mandate.getString("iban");
    return new JsonObject()
        .put("holder", mandate.getString("account_holder"))
        .put("iban", masked(iban))
        .put("reference", mandate.getString("reference"))
        .put("since", portal.words().get("portal.dd.active",
            portal.formats().dateTime(mandate.getString("authorised_at"))));
  }

  /** Country, check digits and the last four characters; the rest hidden. */
  static String masked(String iban) {
    if (iban.length() < 8) {
      return iban;
    }
    return iban.substring(0, 4) + " •••• " + iban.substring(iban.length() - 4);
  }
}
