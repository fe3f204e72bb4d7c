package casemail.importer;

import java.util.HashMap;
import java.util.Map;

/** The keys seen so far in one file, so that a duplicate names the line of the first. */
final class Keys {

  private final String column;
  private final Map<String, Integer> firstLines = new HashMap<>();

  Keys(String column) {
    this.column = column;
  }

  /** The row's key; an error if it is empty or was seen before in this file. */
  String unique(CsvRow row) {
    var key = row.required(column);
    if (key == null) {
      return null;
    }
    var first = firstLines.putIfAbsent(key, row.line());
    if (first != null) {
      row.error("duplicate " + column + " '" + key + "' (first on line " + first + ")");
    }
    return key;
  }
}
