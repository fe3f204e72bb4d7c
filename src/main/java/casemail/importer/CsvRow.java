package casemail.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of a {@link CsvFile}, read by column name. Every value is stripped of
 * surrounding whitespace and otherwise kept exactly as written. Typed getters report a bad
 * value as an error on the row's line and return null; {@link #failed()} then tells the reader
 * to leave the row out.
 */
final class CsvRow {

  private final CsvFile file;
  private final CSVRecord record;
  private final int line;
  private boolean failed;

  CsvRow(CsvFile file, CSVRecord record, int line) {
    this.file = file;
    this.record = record;
    this.line = line;
  }

  int line() {
    return line;
  }

  boolean failed() {
    return failed;
  }

  /** The stripped value, or null if it is empty or the column is absent. */
  String text(String column) {
    var index = file.column(column);
    if (index < 0) {
      return null;
    }
    var value = record.get(index).strip();
    return value.isEmpty() ? null : value;
  }

  /** The stripped value; an error if it is empty. */
  String required(String column) {
    var value = text(column);
    if (value == null) {
      error(column + " is empty");
    }
    return value;
  }

  LocalDate date(String column) {
    var value = required(column);
    if (value == null) {
      return null;
    }
    return Values.date(value).orElseGet(() -> {
      error(column + " '" + value + "' is not a valid date (yyyy-mm-dd or dd-mm-yyyy)");
      return null;
    });
  }

  BigDecimal amount(String column) {
    var value = required(column);
    if (value == null) {
      return null;
    }
    var mark = file.decimalMark();
    return Values.amount(value, mark).orElseGet(() -> {
      error(column + " '" + value + "' is not an amount (digits with at most 2 decimals after '"
          + mark + "', no thousands separators)");
      return null;
    });
  }

  String currency(String column) {
    var value = required(column);
    if (value == null) {
      return null;
    }
    return Values.currency(value).orElseGet(() -> {
      error(column + " '" + value + "' is not a three-letter currency code");
      return null;
    });
  }

  void error(String message) {
    failed = true;
    file.problems().error(file.name(), line, message);
  }

  void warning(String message) {
    file.problems().warning(file.name(), line, message);
  }
}
