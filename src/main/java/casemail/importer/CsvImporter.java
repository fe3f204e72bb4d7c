package casemail.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads an accounts-receivable export (customers.csv, invoices.csv, matters.csv) into checked
 * rows. Every error and warning names its file and physical line, and all of them are
 * reported, not just the first. An import with errors must not be applied; whether a customer
 * or invoice number exists in the database is left to the caller.
 */
public final class CsvImporter {

  public static final List<String> FILES =
      List.of(CustomerReader.FILE, InvoiceReader.FILE, MatterReader.FILE);

  private CsvImporter() {}

  /** Reads the three files from a directory. A missing file is an error naming it. */
  public static ImportData read(Path directory) {
    return read(fileName -> open(directory.resolve(fileName)));
  }

  /** Same, from any source of the three files (used for files bundled on the classpath). */
  public static ImportData read(CsvSource source) {
    var problems = new Problems();
    var customers = CsvFile.open(source, CustomerReader.FILE, problems)
        .map(CustomerReader::read)
        .orElse(List.of());
    var invoices = CsvFile.open(source, InvoiceReader.FILE, problems)
        .map(InvoiceReader::read)
        .orElse(List.of());
    var matters = CsvFile.open(source, MatterReader.FILE, problems)
        .map(MatterReader::read)
        .orElse(List.of());
    return new ImportData(customers, invoices, matters, problems.errors(), problems.warnings());
  }

  private static InputStream open(Path file) throws IOException {
    try {
      return Files.newInputStream(file);
    } catch (NoSuchFileException e) {
      return null;
    }
  }
}
