package casemail.http.staff;

import casemail.cases.CaseFilter;
import casemail.cases.CaseOrder;
import casemail.http.Formats;
import casemail.http.Pages;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * An overview page's model: the search form, the columns (sortable ones as buttons), one page
 * of rows with their checkboxes, the selection's count and the fields that carry it on.
 */
final class OverviewView {

  // Column labels are staff words keys, read by the template.
  private static final Map<String, List<String[]>> COLUMNS = Map.of(
      "customer", List.of(col("number", "facts.number"), col("name", "profile.name"),
          col(null, "facts.email"), col(null, "column.city")),
      "invoice", List.of(col("number", "facts.number"), col(null, "facts.customer"),
          col("due_date", "facts.due"), col("amount", "facts.amount"),
          col("open_amount", "facts.open"), col(null, "facts.status")),
      "matter", List.of(col("reference", "column.reference"), col(null, "facts.customer"),
          col("opened_on", "facts.opened"), col(null, "facts.status"),
          col("total", "column.total")));
  private static final List<String> NUMERIC = List.of("amount", "open_amount", "total");

  private final Formats formats;

  /** {@code locale}: the reader's, for counts, dates and amounts. */
  OverviewView(Locale locale) {
    // Overviews show dates and amounts only, no times: the zone changes nothing.
    this.formats = new Formats(locale, "UTC");
  }

  private static String[] col(String sort, String label) {
    return new String[] {sort, label};
  }

  /** The page for {@code form}, showing {@code page} ({@code {items, next, total}}). */
  JsonObject of(OverviewForm form, JsonObject page) {
    var items = page.getJsonArray("items");
    var shown = new ArrayList<Long>();
    items.forEach(item -> shown.add(((JsonObject) item).getLong("id")));
    long matching = page.getLong("total");
    long chosen = form.selection().count(matching);
    return base(form.type(), form.filterValues())
        .put("columns", columns(form.order()))
        .put("rows", rows(form, items))
        .put("empty", items.isEmpty())
        .put("matching", matching)
        .put("matchingText", formats.count(matching))
        .put("chosen", chosen)
        .put("chosenText", formats.count(chosen))
        .put("allChosen", form.selection().all())
        .put("exceptText", form.selection().all() && matching > chosen
            ? formats.count(matching - chosen) : null)
        .put("hidden", form.hiddenFields(shown))
        .put("next", page.getString("next"))
        .put("notFirst", form.cursor() != null);
  }

  /** The page with only its search form, for a filter that could not be read. */
  JsonObject refused(String type, JsonObject given, JsonObject problems) {
    return base(type, given).put("problems", problems).put("columns", new JsonArray())
        .put("rows", new JsonArray()).put("empty", true).put("refused", true);
  }

  private static JsonObject base(String type, JsonObject filter) {
    var statuses = new JsonArray();
    CaseFilter.statuses(type).forEach(status -> statuses.add(new JsonObject()
        .put("value", status)
        .put("selected", status.equals(filter.getString("status")))));
    return new JsonObject()
        .put(Pages.TITLE_KEY, "layout." + type + "s")
        .put("type", type)
        .put("path", "/" + type + "s")
        .put(type, true)
        .put("filter", filter)
        .put("statuses", statuses)
        .put("problems", new JsonObject());
  }

  private static JsonArray columns(CaseOrder order) {
    var columns = new JsonArray();
    for (var column : COLUMNS.get(order.type())) {
      var sort = column[0];
      var current = order.sort().equals(sort);
      var next = current ? order.reversed() : CaseOrder.of(order.type(), sort, null);
      columns.add(new JsonObject()
          .put("label", column[1])
          .put("sortable", sort != null)
          .put("sortBy", sort == null ? null : sort + ":" + next.order())
          .put("current", current)
          .put("ariaSort", current ? (order.descending() ? "descending" : "ascending") : "none")
          .put("arrow", current ? (order.descending() ? "↓" : "↑") : "")
          .put("numeric", sort != null && NUMERIC.contains(sort)));
    }
    return columns;
  }

  private JsonArray rows(OverviewForm form, JsonArray items) {
    var view = new CaseView(formats);
    var rows = new JsonArray();
    items.forEach(item -> {
      var row = (JsonObject) item;
      var shown = switch (form.type()) {
        case "invoice" -> view.invoice(row);
        case "customer" -> view.customer(row);
        default -> view.matter(row);
      };
      rows.add(shown
          .put("selected", form.selection().includes(row.getLong("id")))
          .put("customerUrl", row.getLong("customer_id") == null ? null
              : "/customers/" + row.getLong("customer_id")));
    });
    return rows;
  }
}
