package casemail.config;

/** A configuration value is missing or wrong; the message names the variable to fix. */
public class ConfigException extends RuntimeException {

  public ConfigException(String message) {
    super(message);
  }
}
