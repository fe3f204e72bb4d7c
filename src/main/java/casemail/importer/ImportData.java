package casemail.importer;

import io.vertx.core.json.JsonObject;
import java.util.List;

/**
 * The outcome of reading one export: the rows that passed their checks, plus every error and
 * warning. Rows with an error are left out of the row lists; an import with any error must not
 * be applied at all.
 */
public record ImportData(
    List<CustomerRow> customers,
    List<InvoiceRow> invoices,
    List<MatterRow> matters,
    List<ImportProblem> errors,
    List<ImportProblem> warnings) {

  public ImportData {
    customers = List.copyOf(customers);
    invoices = List.copyOf(invoices);
    matters = List.copyOf(matters);
    errors = List.copyOf(errors);
    warnings = List.copyOf(warnings);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /**
   * JSON for the event bus: dates as yyyy-MM-dd strings, amounts as plain decimal strings, rows
   * as objects with snake_case keys, errors and warnings as [{file, line, message}].
   */
  public JsonObject toJson() {
    return ImportJson.toJson(this);
  }

  /** Reads back what {@link #toJson()} wrote. */
  public static ImportData fromJson(JsonObject json) {
    return ImportJson.fromJson(json);
  }
}
