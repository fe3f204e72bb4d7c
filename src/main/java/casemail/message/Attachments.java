package casemail.message;

import jakarta.mail.internet.ContentType;
import jakarta.mail.internet.ParseException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;

/**
 * What Casemail accepts as an attachment: at most {@link #MAX_FILES} files of 10 MB each and
 * 25 MB together per message, each kept with its file name exactly as given and a plain
 * {@code type/subtype} content type. Problems are worded for the person who attached the file.
 */
public final class Attachments {

  public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;
  public static final long MAX_MESSAGE_BYTES = 25L * 1024 * 1024;
  public static final int MAX_FILES = 20;
  public static final int MAX_NAME = 255;
  public static final String FIELD = "attachments";
  private static final String DEFAULT_TYPE = "application/octet-stream";
  private static final long MB = 1024 * 1024;
  private static final String ATTRIBUTE_CHARS = "!#$&+-.^_`|~";
  private static final String HEX = "0123456789ABCDEF";

  private Attachments() {
  }

  /** What can be wrong with a file offered as an attachment. */
  public enum Refusal {
    NO_NAME, NAME_TOO_LONG, NAME_CHARACTERS, TOO_MANY, FILE_TOO_LARGE, MESSAGE_TOO_LARGE;

    /** The key of its words for customers ({@code portal.attachments.<key>}). */
    public String key() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /**
   * A file not taken, and why: worded in English for staff by {@link #english()}, or in the
   * customer's words from {@link Refusal#key()} with the file name and the limits in MB.
   */
  public record Problem(Refusal refusal, String filename) {

    public String english() {
      return switch (refusal) {
        case NO_NAME -> "Every attachment needs a file name";
        case NAME_TOO_LONG -> "The file name ‘" + shortName() + "…’ is longer than " + MAX_NAME
            + " characters";
        case NAME_CHARACTERS -> "The file name ‘" + printableName()
            + "’ contains characters that cannot be sent";
        case TOO_MANY -> tooMany();
        case FILE_TOO_LARGE -> fileTooLarge(filename);
        case MESSAGE_TOO_LARGE -> messageTooLarge();
      };
    }

    /**
     * In words of {@code <prefix><key>}: the file name as shown, the limits per file and per
     * message in MB, the most files, and the longest name.
     */
    public String worded(Words words, String prefix) {
      return words.get(prefix + refusal.key(), shownName(), MAX_FILE_BYTES / MB,
          MAX_MESSAGE_BYTES / MB, MAX_FILES, MAX_NAME);
    }

    /** The file name as it may be shown: cut short when too long, without control codes. */
    public String shownName() {
      return refusal == Refusal.NAME_TOO_LONG ? shortName() + "…" : printableName();
    }

    private String shortName() {
      return filename.substring(0, 40);
    }

    private String printableName() {
      return filename == null ? "" : filename.replaceAll("\\p{Cntrl}", " ");
    }
  }

  /** Why this file name cannot be kept, if it cannot. */
  public static Optional<String> nameProblem(String name) {
    return nameRefusal(name).map(Problem::english);
  }

  /** The same, as a {@link Problem}. */
  public static Optional<Problem> nameRefusal(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of(new Problem(Refusal.NO_NAME, name));
    }
    if (name.length() > MAX_NAME) {
      return Optional.of(new Problem(Refusal.NAME_TOO_LONG, name));
    }
    if (MessageDraft.hasControlCharacters(name, "")) {
      return Optional.of(new Problem(Refusal.NAME_CHARACTERS, name));
    }
    return Optional.empty();
  }

  /** The limits in MB, as words for customers take them: per file, then per message. */
  public static Object[] limitsInMb() {
    return new Object[] {MAX_FILE_BYTES / MB, MAX_MESSAGE_BYTES / MB, MAX_FILES};
  }

  /** The base type of a given content type, lower case; anything unreadable is binary. */
  public static String contentType(String given) {
    if (given == null || given.isBlank()) {
      return DEFAULT_TYPE;
    }
    try {
      var type = new ContentType(given.strip());
      var base = type.getBaseType().toLowerCase(Locale.ROOT);
      // A part's type may not make it a container of other parts.
      var container = base.startsWith("multipart/") || base.startsWith("message/");
      return base.length() <= 100 && !container ? base : DEFAULT_TYPE;
    } catch (ParseException | RuntimeException e) {
      return DEFAULT_TYPE;
    }
  }

  public static String fileTooLarge(String name) {
    return "‘" + name + "’ is larger than " + MAX_FILE_BYTES / MB + " MB: attach at most "
        + MAX_FILE_BYTES / MB + " MB per file";
  }

  public static String messageTooLarge() {
    return "Together the attachments are larger than " + MAX_MESSAGE_BYTES / MB
        + " MB: attach at most " + MAX_MESSAGE_BYTES / MB + " MB per message";
  }

  public static String tooMany() {
    return "Attach at most " + MAX_FILES + " files to one message";
  }

  /**
   * The name percent-encoded as UTF-8, keeping only RFC 2231/8187 attribute characters: the
   * value of a {@code filename*=UTF-8''…} parameter, in an email or an HTTP header.
   */
  public static String percentEncoded(String name) {
    var out = new StringBuilder();
    for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
      int c = b & 0xff;
      if (c < 0x80 && (Character.isLetterOrDigit(c) || ATTRIBUTE_CHARS.indexOf(c) >= 0)) {
        out.append((char) c);
      } else {
        out.append('%').append(HEX.charAt(c >> 4)).append(HEX.charAt(c & 0xf));
      }
    }
    return out.toString();
  }

  /** A size for people: {@code 512 bytes}, {@code 14 KB}, {@code 2.4 MB}. */
  public static String sizeText(long bytes) {
    if (bytes < 1024) {
      return bytes + " bytes";
    }
    if (bytes < MB) {
      return Math.round(bytes / 1024.0) + " KB";
    }
    return String.format(Locale.ROOT, "%.1f MB", bytes / (double) MB);
  }
}
