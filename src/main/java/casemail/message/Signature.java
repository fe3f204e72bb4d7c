package casemail.message;

/** The signature appended to a user's messages: their own, else the administration's. */
public final class Signature {

  public static final int MAX_LENGTH = 2000;

  private Signature() {
  }

  public static String choose(String own, String administrationDefault) {
    if (own != null && !own.isBlank()) {
      return own;
    }
    return administrationDefault == null ? "" : administrationDefault;
  }

  /** Why this signature cannot be kept, if it cannot; {@code text} is normalised. */
  public static String problem(String text) {
    if (text.length() > MAX_LENGTH || MessageDraft.hasControlCharacters(text, "\r\n\t")) {
      return "Use at most " + MAX_LENGTH + " characters of text";
    }
    return null;
  }
}
