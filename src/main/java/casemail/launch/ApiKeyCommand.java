package casemail.launch;

import casemail.bus.Addresses;
import casemail.bus.BusFailure;
import casemail.config.SettingsLoader;
import casemail.security.Tokens;
import io.vertx.core.json.JsonObject;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code api-key create --administration NAME}: prints a new API key, shown only once. */
@Command(name = "api-key", description = "Manage API keys.",
    subcommands = ApiKeyCommand.Create.class)
public final class ApiKeyCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** Creates a key; only its SHA-256 is stored. */
  @Command(name = "create", description = "Print a new API key for an administration.")
  public static final class Create implements Callable<Integer> {

    @Option(names = "--administration", required = true,
        description = "Administration name (as given to import).")
    String administration;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
      var key = newKey();
      try {
        DatabaseTool.run(SettingsLoader.load(System.getenv()),
            bus -> bus.request(Addresses.API_KEY_CREATE, storeRequest(administration, key)));
        spec.commandLine().getOut().println(key);
        return 0;
      } catch (BusFailure failure) {
        spec.commandLine().getErr().println("No key created: " + failure.getMessage());
        return 1;
      }
    }
  }

  /** A new key: only its SHA-256 is ever stored. */
  static String newKey() {
    return "cm_" + Tokens.random(30);
  }

  /** What {@link Addresses#API_KEY_CREATE} takes to store a key for an administration. */
  static JsonObject storeRequest(String administration, String key) {
    return new JsonObject().put("administration", administration)
        .put("key_hash", Tokens.sha256(key));
  }
}
