package casemail.launch;

import casemail.config.SettingsLoader;
import picocli.CommandLine.Command;

/** {@code serve}: runs Casemail with the configured database and SMTP server. */
@Command(name = "serve", description = "Serve with the configured database and SMTP server.")
public final class ServeCommand implements Runnable {

  @Override
  public void run() {
    Server.run(SettingsLoader.load(System.getenv()), Infrastructure.Secret.REQUIRED,
        running -> { });
  }
}
