package casemail.http.staff;

import casemail.cases.CaseFilter;
import casemail.cases.CaseOrder;
import casemail.cases.Selection;
import io.vertx.core.MultiMap;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * What an overview page was asked for: its filter and sort, the page (a keyset cursor), and the
 * selection carried from page to page. The page's selection form sends the ids it showed
 * ({@code shown}) and those ticked ({@code case_id}), so ticks and unticks on it are honoured;
 * its buttons choose the page ({@code go}), the sort ({@code sort_by}) or a selection ({@code
 * select}: {@code page}, {@code all}, {@code none}). The search form sends only the filter and
 * so starts a new selection.
 */
record OverviewForm(CaseFilter filter, CaseOrder order, String cursor, Selection selection) {

  /** Reads a query string or form; a 400 naming the field for a bad filter or selection. */
  static OverviewForm read(String type, MultiMap params) {
    var filter = CaseFilter.of(type, params::get);
    var resort = params.get("sort_by");
    var order = resort == null ? CaseOrder.of(type, params.get("sort"), params.get("order"))
        : CaseOrder.of(type, resort.replaceFirst(":.*", ""), resort.replaceFirst("^[^:]*:?", ""));
    var shown = List.copyOf(Selection.parseIds("shown", params.get("shown")));
    var ticked = Selection.parseIds("case_id", String.join(",", params.getAll("case_id")));
    var selection = Selection.parse(params.get("all"), params.get("ids")).update(shown, ticked);
    selection = switch (String.valueOf(params.get("select"))) {
      case "page" -> selection.withPage(shown);
      case "all" -> Selection.everything();
      case "none" -> Selection.none();
      default -> selection;
    };
    String cursor = params.contains("go") ? params.get("go")
        : resort == null ? params.get("at") : null;
    return new OverviewForm(filter, order, cursor == null || cursor.isBlank() ? null : cursor,
        selection);
  }

  String type() {
    return filter.type();
  }

  /** The filter's fields for the search form, with every parameter present. */
  JsonObject filterValues() {
    var values = new JsonObject();
    CaseFilter.PARAMETERS.forEach(name -> values.put(name, ""));
    filter.parameters().forEach(values::put);
    return values;
  }

  /**
   * The hidden fields that carry filter, sort, page and selection to the next request;
   * {@code shown} the ids of the page now shown.
   */
  JsonArray hiddenFields(List<Long> shown) {
    var fields = new ArrayList<Map.Entry<String, String>>(filter.parameters().entrySet());
    fields.add(Map.entry("case_type", type()));
    fields.add(Map.entry("sort", order.sort()));
    fields.add(Map.entry("order", order.order()));
    fields.add(Map.entry("at", cursor == null ? "" : cursor));
    fields.add(Map.entry("all", selection.all() ? "1" : "0"));
    fields.add(Map.entry("ids", selection.idsText()));
    fields.add(Map.entry("shown", Selection.of(shown).idsText()));
    var hidden = new JsonArray();
    fields.forEach(field -> hidden.add(new JsonObject().put("name", field.getKey())
        .put("value", field.getValue())));
    return hidden;
  }
}
