package casemail.importer;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.json.JsonObject;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportDataJsonTest {

  @TempDir
  Path directory;

  @Test
  void writesRowsWithSnakeCaseKeysIsoDatesAndPlainAmounts() {
    var json = sample().toJson();

    assertThat(json.getJsonArray("customers").getJsonObject(0)).isEqualTo(new JsonObject("""
        {"line": 2, "number": "C1", "name": "Café \\"Crème\\"",
         "emails": ["a@cafe.example", "b@cafe.example"], "contact_name": "Ann",
         "phone": "+31 6", "language": "fr", "address": "Dijk 1", "postal_code": "1234 AB",
         "city": "Kijfhoek", "country": "BE"}"""));
    assertThat(json.getJsonArray("invoices").getJsonObject(0)).isEqualTo(new JsonObject("""
        {"line": 2, "number": "F1", "customer_number": "C1", "invoice_date": "2026-01-05",
         "due_date": "2026-02-04", "amount": "1000.00", "open_amount": "0.50",
         "currency": "EUR", "description": null}"""));
    assertThat(json.getJsonArray("matters").getJsonObject(0)).isEqualTo(new JsonObject("""
        {"line": 2, "reference": "M1", "customer_number": "C1", "opened_on": "2026-03-01",
         "status": "open", "invoice_numbers": ["F1", "F2"], "principal_amount": "1000.00",
         "collection_costs": "40.00", "interest_amount": "0.00"}"""));
    assertThat(json.getJsonArray("warnings").getJsonObject(0)).isEqualTo(new JsonObject("""
        {"file": "customers.csv", "line": 2, "message": "invalid email address 'x@@y' dropped"}
        """));
    assertThat(json.getJsonArray("errors")).isEmpty();
  }

  @Test
  void readsBackWhatItWrote() {
    var data = sample();

    var copy = ImportData.fromJson(new JsonObject(data.toJson().encode()));

    assertThat(copy).isEqualTo(data);
  }

  @Test
  void carriesErrorsWithFileAndLine() {
    var data = new ImportFiles(directory).customers("customer_number\n").read();

    assertThat(data.toJson().getJsonArray("errors").getJsonObject(0)).isEqualTo(new JsonObject()
        .put("file", "customers.csv").put("line", 1).put("message", "missing column 'name'"));
  }

  private ImportData sample() {
    return new ImportFiles(directory)
        .customers(ImportFiles.CUSTOMERS + "C1,\"Café \"\"Crème\"\"\","
            + "\"a@cafe.example;x@@y, B@cafe.example\",Ann,+31 6,fr,Dijk 1,1234 AB,Kijfhoek,be\n")
        .invoices(ImportFiles.INVOICES + "F1,C1,2026-01-05,04-02-2026,1000,0.5,EUR,\n")
        .matters(ImportFiles.MATTERS + "M1,C1,2026-03-01,open,F1;F2,1000,40,0\n")
        .read();
  }
}
