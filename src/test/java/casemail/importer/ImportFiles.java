package casemail.importer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes small import files into a test directory; files not given hold just a header. */
final class ImportFiles {

  static final String CUSTOMERS = "customer_number,name,email,contact_name,phone,language,"
      + "address,postal_code,city,country\n";
  static final String INVOICES = "invoice_number,customer_number,invoice_date,due_date,amount,"
      + "open_amount,currency,description\n";
  static final String MATTERS = "matter_reference,customer_number,opened_on,status,"
      + "invoice_numbers,principal_amount,collection_costs,interest_amount\n";

  private final Path directory;

  ImportFiles(Path directory) {
    this.directory = directory;
    customers(CUSTOMERS).invoices(INVOICES).matters(MATTERS);
  }

  ImportFiles customers(String content) {
    return write("customers.csv", content.getBytes(StandardCharsets.UTF_8));
  }

  ImportFiles invoices(String content) {
    return write("invoices.csv", content.getBytes(StandardCharsets.UTF_8));
  }

  ImportFiles matters(String content) {
    return write("matters.csv", content.getBytes(StandardCharsets.UTF_8));
  }

  ImportFiles write(String fileName, byte[] content) {
    try {
      Files.write(directory.resolve(fileName), content);
      return this;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  ImportData read() {
    return CsvImporter.read(directory);
  }
}
