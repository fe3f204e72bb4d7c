package casemail.http.staff;

import casemail.bus.BusFailure;
import casemail.cases.CaseFilter;
import casemail.http.BatchSender;
import casemail.security.Tokens;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The bulk composer's fields beside the message: the overview selection it came from, the
 * count of cases the user confirms by sending ({@code expected}), the key that makes a repeated
 * submit of this form return the batch it stored ({@code idempotency_key}, made when the
 * composer is first shown), and the standard message picked.
 */
record BulkForm(OverviewForm overview, Long expected, String idempotencyKey,
    String standardMessage) {

  private static final Pattern KEY = Pattern.compile("[A-Za-z0-9_-]{1,100}");

  /** Reads the query string or form; a 400 naming the field for anything garbled. */
  static BulkForm read(MultiMap fields) {
    var type = fields.get("case_type");
    if (type == null || !CaseFilter.TYPES.contains(type)) {
      throw new BusFailure(400, "Choose the cases in an overview first");
    }
    var key = fields.get("idempotency_key");
    if (key != null && !KEY.matcher(key).matches()) {
      throw new BusFailure(400, "The form could not be read");
    }
    return new BulkForm(OverviewForm.read(type, fields), expected(fields.get("expected")),
        key == null ? Tokens.random(16) : key, fields.get("standard_message"));
  }

  private static Long expected(String text) {
    try {
      return text == null || text.isBlank() ? null : Long.valueOf(text.strip());
    } catch (NumberFormatException e) {
      throw new BusFailure(400, "The form could not be read");
    }
  }

  String type() {
    return overview.type();
  }

  BatchSender.Chosen chosen(long administrationId) {
    return new BatchSender.Chosen(administrationId, overview.filter(), overview.selection());
  }

  /** The same form, the user now confirming {@code total} cases. */
  BulkForm confirming(long total) {
    return new BulkForm(overview, total, idempotencyKey, standardMessage);
  }

  /** The hidden fields that carry selection, confirmed count and key with the composer. */
  JsonArray hiddenFields() {
    return overview.hiddenFields(List.of())
        .add(field("expected", expected == null ? "" : expected.toString()))
        .add(field("idempotency_key", idempotencyKey));
  }

  /** Back to the overview, with the selection as it was. */
  String overviewUrl() {
    var query = new StringBuilder();
    overview.hiddenFields(List.of()).forEach(item -> {
      var field = (JsonObject) item;
      query.append(query.length() == 0 ? "?" : "&").append(field.getString("name")).append('=')
          .append(URLEncoder.encode(field.getString("value"), StandardCharsets.UTF_8));
    });
    return "/" + type() + "s" + query;
  }

  private static JsonObject field(String name, String value) {
    return new JsonObject().put("name", name).put("value", value);
  }
}
