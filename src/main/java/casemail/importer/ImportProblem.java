package casemail.importer;

/**
 * An error or warning found while importing, tied to the physical line of the file a user sees
 * in an editor (header = line 1). Line 0 means the file as a whole (missing, unreadable).
 */
public record ImportProblem(String file, int line, String message) {

  @Override
  public String toString() {
    return line == 0 ? file + ": " + message : file + ":" + line + ": " + message;
  }
}
