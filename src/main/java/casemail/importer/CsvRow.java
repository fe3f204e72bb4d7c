package casemail.importer;

import casemail.message.MessageDraft;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import org.apache.commons.csv.CSVRecord;

/**
 * One data row of a {@link CsvFile}, read by column name. Every value is stripped of
 * surrounding whitespace and otherwise kept exactly as written. Typed getters report a bad
 * value as an error on the row's line and return null; {@link #failed()} then tells the reader
 * to leave the row out.
 */
final class CsvRow {

  /**
   * Longer is no name, number or description but a broken export; at 4 bytes a character it
   * still fits an index entry (PostgreSQL's b-tree takes about 2,700 bytes).
   */
  static final int MAX_TEXT = 500;

  private final CsvFile file;
  private final CSVRecord record;
  private final int line;
  private boolean failed;
  /** Columns already reported for a control character, not to be called empty as well. */
  private final Set<String> refused = new HashSet<>();

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

  /**
   * The stripped value, or null if it is empty or the column is absent; an error (and null)
   * if it holds a NUL or another C0 control character but a tab or line break (C1 ones, as in
   * mis-decoded names, are kept as written), a bidi override that would make it read as
   * something else, or more than {@value #MAX_TEXT} characters.
   */
  String text(String column) {
    var index = file.column(column);
    if (index < 0) {
      return null;
    }
    var value = record.get(index).strip();
    if (value.chars().anyMatch(c -> c < ' ' && c != '\t' && c != '\r' && c != '\n'
        || MessageDraft.isBidiControl(c))) {
      return refuse(column, column + " holds a control character");
    }
    if (value.length() > MAX_TEXT) {
      return refuse(column, column + " is longer than " + MAX_TEXT + " characters");
    }
    return value.isEmpty() ? null : value;
  }

  private String refuse(String column, String problem) {
    error(problem);
    refused.add(column);
    return null;
  }

  /** The stripped value; an error if it is empty. */
  String required(String column) {
    var value = text(column);
    if (value == null && !refused.contains(column)) {
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
      error(column + " '" + value + "' is not an amount (at most 12 digits, then at most 2 decimals after '"
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
