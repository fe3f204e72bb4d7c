package casemail.cases;

import casemail.bus.BusFailure;
import io.vertx.core.json.JsonObject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Which cases of one kind an overview, an API list or a batch is about: a search, an exact
 * number or reference, and the filters of that kind — invoices by status ({@code open},
 * {@code overdue}, {@code paid}), due date and amount; matters by status. Checked here, so
 * pages, the API and the SQL read the same rules; parameters are named as in the query
 * string of both pages and API.
 */
public record CaseFilter(String type, String search, String key, String status,
    LocalDate dueFrom, LocalDate dueTo, BigDecimal amountMin, BigDecimal amountMax) {

  public static final int MAX_SEARCH = 200;
  public static final List<String> TYPES = List.of("customer", "invoice", "matter");
  public static final List<String> INVOICE_STATUSES = List.of("open", "overdue", "paid");
  public static final List<String> MATTER_STATUSES = List.of("open", "payment_plan", "closed");
  /** Every filter parameter, in the order pages show them. */
  public static final List<String> PARAMETERS = List.of("q", "number", "reference", "status",
      "due_from", "due_to", "amount_min", "amount_max");
  private static final Map<String, Set<String>> APPLIES = Map.of(
      "customer", Set.of("q", "number"),
      "invoice", Set.of("q", "number", "status", "due_from", "due_to", "amount_min",
          "amount_max"),
      "matter", Set.of("q", "reference", "status"));
  private static final Pattern AMOUNT = Pattern.compile("-?\\d{1,12}([.,]\\d{1,2})?");

  /**
   * The filter a request asks for, each parameter read through {@code param} (null or blank:
   * not given). A 400 names every parameter that is wrong or does not apply to the type.
   */
  public static CaseFilter of(String type, Function<String, String> param) {
    if (!TYPES.contains(type)) {
      throw new BusFailure(400, "Unknown case type", new JsonObject()
          .put("case_type", "Use customer, invoice or matter"));
    }
    var reader = new Reader(type, param);
    var filter = new CaseFilter(type, reader.search(), reader.key(), reader.status(),
        reader.date("due_from"), reader.date("due_to"), reader.amount("amount_min"),
        reader.amount("amount_max"));
    reader.checkRanges(filter);
    reader.throwProblems();
    return filter;
  }

  /** Every case of the type. */
  public static CaseFilter none(String type) {
    return of(type, name -> null);
  }

  public static CaseFilter fromJson(String type, JsonObject json) {
    var given = json == null ? new JsonObject() : json;
    return of(type, name -> given.getValue(name) == null ? null
        : String.valueOf(given.getValue(name)));
  }

  /** The parameters given, by name, as a query string or a form carries them. */
  public Map<String, String> parameters() {
    var values = new LinkedHashMap<String, String>();
    put(values, "q", search);
    put(values, "number".equals(keyName()) ? "number" : "reference", key);
    put(values, "status", status);
    put(values, "due_from", dueFrom);
    put(values, "due_to", dueTo);
    put(values, "amount_min", amountMin == null ? null : amountMin.toPlainString());
    put(values, "amount_max", amountMax == null ? null : amountMax.toPlainString());
    return values;
  }

  public JsonObject toJson() {
    var json = new JsonObject();
    parameters().forEach(json::put);
    return json;
  }

  /** Whether this kind of case has this filter parameter. */
  public static boolean applies(String type, String parameter) {
    return APPLIES.getOrDefault(type, Set.of()).contains(parameter);
  }

  /** The statuses this kind of case can be filtered on; none for customers. */
  public static List<String> statuses(String type) {
    return switch (type) {
      case "invoice" -> INVOICE_STATUSES;
      case "matter" -> MATTER_STATUSES;
      default -> List.of();
    };
  }

  /** The name of the case's number or reference, as the API calls it. */
  public String keyName() {
    return "matter".equals(type) ? "reference" : "number";
  }

  /** The search as an ILIKE pattern for text anywhere, its wildcards taken literally. */
  public String containsPattern() {
    return search == null ? null : "%" + escaped(search) + "%";
  }

  /** The search as an ILIKE pattern for a number or reference that starts with it. */
  public String prefixPattern() {
    return search == null ? null : escaped(search) + "%";
  }

  private static String escaped(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static void put(Map<String, String> values, String name, Object value) {
    if (value != null) {
      values.put(name, value.toString());
    }
  }

  /** Reads and checks the parameters of one request, gathering every problem. */
  private static final class Reader {

    private final String type;
    private final Function<String, String> param;
    private final Map<String, String> problems = new LinkedHashMap<>();

    Reader(String type, Function<String, String> param) {
      this.type = type;
      this.param = param;
      for (var name : PARAMETERS) {
        if (given(name) != null && !applies(type, name)) {
          problems.put(name, "Not a filter of " + type + "s");
        }
      }
    }

    String given(String name) {
      var value = param.apply(name);
      return value == null || value.isBlank() ? null : value.strip();
    }

    String search() {
      var search = given("q");
      if (search != null && search.length() > MAX_SEARCH) {
        problems.put("q", "Search for at most " + MAX_SEARCH + " characters");
      }
      return search;
    }

    String key() {
      return applies(type, "number") ? given("number") : given("reference");
    }

    String status() {
      var status = given("status");
      var allowed = statuses(type);
      if (status != null && !allowed.isEmpty() && !allowed.contains(status)) {
        problems.put("status", "Use " + String.join(", ", allowed));
      }
      return status;
    }

    LocalDate date(String name) {
      var text = given(name);
      if (text == null) {
        return null;
      }
      try {
        return LocalDate.parse(text);
      } catch (DateTimeParseException e) {
        problems.put(name, "Use a date as yyyy-mm-dd");
        return null;
      }
    }

    BigDecimal amount(String name) {
      var text = given(name);
      if (text == null) {
        return null;
      }
      if (!AMOUNT.matcher(text).matches()) {
        problems.put(name, "Use an amount such as 1250.00, without thousands separators");
        return null;
      }
      return new BigDecimal(text.replace(',', '.'));
    }

    void checkRanges(CaseFilter filter) {
      if (filter.dueFrom() != null && filter.dueTo() != null
          && filter.dueFrom().isAfter(filter.dueTo())) {
        problems.putIfAbsent("due_to", "The end of the range comes before its start");
      }
      if (filter.amountMin() != null && filter.amountMax() != null
          && filter.amountMin().compareTo(filter.amountMax()) > 0) {
        problems.putIfAbsent("amount_max", "The maximum is below the minimum");
      }
    }

    void throwProblems() {
      if (problems.isEmpty()) {
        return;
      }
      var fields = new JsonObject();
      problems.forEach(fields::put);
      throw new BusFailure(400, "Check the filters: " + String.join(", ",
          new ArrayList<>(problems.keySet())), fields);
    }
  }
}
