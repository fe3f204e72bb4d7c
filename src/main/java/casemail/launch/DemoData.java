package casemail.launch;

import casemail.importer.CsvSource;

/**
 * The demo administration's export, bundled in the jar: a copy of the shared acme export
 * (2,000 customers, about 20,000 invoices and 600 matters, with its real-world flaws).
 */
public final class DemoData {

  public static final String ADMINISTRATION = "Acme Credit Management";
  public static final String SENDER_ADDRESS = "credit@acme.example";
  public static final String SIGNATURE = "Kind regards,\n\nCredit management\nAcme";

  private DemoData() {
  }

  public static CsvSource source() {
    return fileName -> DemoData.class.getResourceAsStream("/demo/acme/" + fileName);
  }
}
