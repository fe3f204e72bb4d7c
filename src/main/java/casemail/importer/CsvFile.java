package casemail.importer;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * One import file being parsed with commons-csv: reads the header row, maps column names
 * (trimmed, case-insensitive, any order) to positions and hands out the data rows with their
 * physical line numbers. Structural problems (empty file, missing column, wrong number of
 * fields, broken quoting) are reported as errors here.
 */
final class CsvFile {

  private final String name;
  private final CsvText text;
  private final Problems problems;
  private final CSVParser parser;
  private final Iterator<CSVRecord> records;
  private final Map<String, Integer> columns = new HashMap<>();
  private final Set<String> repeatedColumns = new HashSet<>();
  private int width;
  private boolean broken;

  private CsvFile(String name, CsvText text, Problems problems) {
    this.name = name;
    this.text = text;
    this.problems = problems;
    this.parser = parse(text);
    this.records = parser.iterator();
  }

  /** The file with its header read, or empty after reporting why it cannot be read. */
  static Optional<CsvFile> open(CsvSource source, String name, Problems problems) {
    return CsvText.load(source, name, problems)
        .map(text -> new CsvFile(name, text, problems))
        .filter(CsvFile::readHeader);
  }

  String name() {
    return name;
  }

  Problems problems() {
    return problems;
  }

  /** The decimal mark of amounts: a ';'-delimited file uses ',' because '.' would clash. */
  char decimalMark() {
    return text.delimiter() == ';' ? ',' : '.';
  }

  int column(String column) {
    return columns.getOrDefault(column, -1);
  }

  /** Reports each missing or repeated column at line 1; true if {@code required} are usable. */
  boolean hasColumns(List<String> required) {
    var usable = true;
    for (var column : required) {
      if (!columns.containsKey(column)) {
        problems.error(name, 1, "missing column '" + column + "'");
        usable = false;
      } else if (repeatedColumns.contains(column)) {
        problems.error(name, 1, "column '" + column + "' appears more than once");
        usable = false;
      }
    }
    return usable;
  }

  /** Gives each data row with the right number of fields to {@code action}, in file order. */
  void forEachRow(Consumer<CsvRow> action) {
    for (var record = next(); record != null; record = next()) {
      var line = text.lineAt(record.getCharacterPosition());
      if (isBlank(record)) {
        // Spreadsheets often export trailing rows holding only delimiters.
        continue;
      }
      if (record.size() != width) {
        problems.error(name, line, "the row has " + record.size()
            + " fields but the header has " + width);
        continue;
      }
      action.accept(new CsvRow(this, record, line));
    }
  }

  private boolean readHeader() {
    var header = next();
    if (header == null) {
      if (!broken) {
        problems.error(name, 1, "the file is empty; expected a header row");
      }
      return false;
    }
    width = header.size();
    for (var i = 0; i < width; i++) {
      var column = header.get(i).strip().toLowerCase(Locale.ROOT);
      if (columns.putIfAbsent(column, i) != null) {
        repeatedColumns.add(column);
      }
    }
    return true;
  }

  private CSVRecord next() {
    var startLine = (int) parser.getCurrentLineNumber() + 1;
    try {
      return records.hasNext() ? records.next() : null;
    } catch (UncheckedIOException | IllegalStateException e) {
      broken = true;
      problems.error(name, startLine,
          "a quoted value is not closed properly; the rest of the file was not read");
      return null;
    }
  }

  private static boolean isBlank(CSVRecord record) {
    for (var value : record) {
      if (!value.isBlank()) {
        return false;
      }
    }
    return true;
  }

  private static CSVParser parse(CsvText text) {
    var format = CSVFormat.DEFAULT.builder()
        .setDelimiter(text.delimiter())
        .setIgnoreEmptyLines(true)
        .get();
    try {
      return format.parse(new StringReader(text.content()));
    } catch (IOException e) {
      throw new UncheckedIOException("a StringReader does not fail", e);
    }
  }
}
