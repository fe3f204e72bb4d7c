package casemail.launch;

import casemail.bus.Addresses;
import casemail.bus.BusFailure;
import casemail.config.SettingsLoader;
import casemail.importer.CsvImporter;
import io.vertx.core.json.JsonArray;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code import --administration NAME DIR}: reads customers.csv, invoices.csv and matters.csv,
 * and if they have no errors stores them, creating the administration if new and updating
 * existing cases by number. With any error nothing is imported and every error is printed
 * with its file and line.
 */
@Command(name = "import", description = "Import customers, invoices and matters from CSV.")
public final class ImportCommand implements Callable<Integer> {

  private static final long IMPORT_TIMEOUT_MS = 600_000;

  @Option(names = "--administration", required = true, description = "Administration name.")
  String administration;

  @Parameters(paramLabel = "DIR", description = "Directory with the three CSV files.")
  Path directory;

  @Spec
  CommandSpec spec;

  @Override
  public Integer call() {
    var out = spec.commandLine().getOut();
    var err = spec.commandLine().getErr();
    if (!Files.isDirectory(directory)) {
      err.println("error: " + directory + " is not a directory; give the directory that holds "
          + "customers.csv, invoices.csv and matters.csv");
      return 1;
    }
    var data = CsvImporter.read(directory);
    data.warnings().forEach(warning -> err.println("warning: " + warning));
    if (data.hasErrors()) {
      data.errors().forEach(error -> err.println("error: " + error));
      err.println("Nothing was imported: " + count(data.errors().size(), "error") + ".");
      return 1;
    }
    var request = data.toJson().put("administration", administration);
    try {
      var counts = DatabaseTool.run(SettingsLoader.load(System.getenv()),
          bus -> bus.request(Addresses.IMPORT_APPLY, request, IMPORT_TIMEOUT_MS));
      for (var file : new String[] {"customers", "invoices", "matters"}) {
        var count = counts.getJsonObject(file);
        out.printf("%s: %s, %d new, %d updated%n", file, count(count.getInteger("rows"), "row"),
            count.getInteger("inserted"), count.getInteger("updated"));
      }
      return 0;
    } catch (BusFailure failure) {
      var errors = failure.fields().getJsonArray("errors", new JsonArray());
      errors.forEach(error -> err.println("error: " + error));
      err.println("Nothing was imported: " + (errors.isEmpty() ? failure.getMessage()
          : count(errors.size(), "error") + "."));
      return 1;
    }
  }

  private static String count(int n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
