package casemail.launch;

import casemail.bus.Addresses;
import casemail.bus.BusFailure;
import casemail.config.SettingsLoader;
import casemail.message.EmailAddress;
import casemail.message.UserProfile;
import casemail.security.PasswordHasher;
import io.vertx.core.json.JsonObject;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code user add}: adds a staff user; the password is read from standard input. */
@Command(name = "user", description = "Manage staff users.",
    subcommands = UserCommand.Add.class)
public final class UserCommand implements Runnable {


  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /** {@code user add --administration NAME --email E --name N [--admin]}. */
  @Command(name = "add", description = "Add a staff user (password from standard input).")
  public static final class Add implements Callable<Integer> {

    @Option(names = "--administration", required = true,
        description = "The administration's name, as given to import.")
    String administration;

    @Option(names = "--email", required = true, description = "The user's email: the login.")
    String email;

    @Option(names = "--name", required = true,
        description = "The user's name: the sender's name in emails.")
    String name;

    @Option(names = "--admin",
        description = "May change the administration's settings and standard messages.")
    boolean admin;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
      var err = spec.commandLine().getErr();
      var password = readPassword();
      if (password == null || password.length() < PasswordHasher.MIN_LENGTH) {
        err.println("Give a password of at least " + PasswordHasher.MIN_LENGTH
            + " characters on standard input.");
        return 1;
      }
      var profile = UserProfile.check(name, null, "en");
      var address = EmailAddress.parse(email);
      if (!profile.isValid() || address.isEmpty()) {
        err.println(address.isEmpty() ? "Not added: --email is not an email address"
            : "Not added: --name: " + profile.problems().getString("name"));
        return 1;
      }
      var request = new JsonObject()
          .put("administration", administration)
          .put("email", email)
          .put("name", profile.name())
          .put("role", admin ? "admin" : "member")
          .put("password_hash", PasswordHasher.hash(password));
      try {
        var user = DatabaseTool.run(SettingsLoader.load(System.getenv()),
            bus -> bus.request(Addresses.USER_CREATE, request));
        spec.commandLine().getOut().println("Added " + user.getString("role") + " "
            + user.getString("email") + " to " + administration);
        return 0;
      } catch (BusFailure failure) {
        err.println("Not added: " + failure.getMessage());
        return 1;
      }
    }

    private static String readPassword() throws IOException {
      var console = System.console();
      if (console != null) {
        var typed = console.readPassword("Password: ");
        return typed == null ? null : new String(typed);
      }
      var in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
      var line = in.readLine();
      return line == null ? null : line.strip();
    }
  }
}
