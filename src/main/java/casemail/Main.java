package casemail;

import casemail.config.ConfigException;
import casemail.launch.ApiKeyCommand;
import casemail.launch.DemoCommand;
import casemail.launch.ImportCommand;
import casemail.launch.ServeCommand;
import casemail.launch.Server;
import casemail.launch.UserCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ScopeType;

/** {@code java -jar casemail.jar <command>}: demo, serve, import, user add, api-key create. */
@Command(
    name = "casemail",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    scope = ScopeType.INHERIT,
    description = "Messages from credit management to customers, with a portal to reply.",
    subcommands = {DemoCommand.class, ServeCommand.class, ImportCommand.class,
        UserCommand.class, ApiKeyCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    var commandLine = new CommandLine(new Main())
        .setExecutionExceptionHandler((e, line, parsed) -> {
          if (e instanceof ConfigException) {
            line.getErr().println("Configuration problem: " + e.getMessage());
          } else {
            line.getErr().println("Error: " + e.getMessage());
          }
          return 2;
        });
    int exit = commandLine.execute(args);
    if (!Server.served()) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    // No command given: say which there are, and fail, so that a script notices.
    throw new CommandLine.ParameterException(new CommandLine(this), "Name a command.");
  }

  /** {@code --version}: the version the jar was built as. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      var version = Main.class.getPackage().getImplementationVersion();
      return new String[] {"Casemail " + (version == null ? "(development build)" : version)};
    }
  }
}
