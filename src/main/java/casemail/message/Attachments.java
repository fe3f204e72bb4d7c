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

  /** Why this file name cannot be kept, if it cannot. */
  public static Optional<String> nameProblem(String name) {
    if (name == null || name.isBlank()) {
      return Optional.of("Every attachment needs a file name");
    }
    if (name.length() > MAX_NAME) {
      return Optional.of("The file name ‘" + name.substring(0, 40) + "…’ is longer than "
          + MAX_NAME + " characters");
    }
    if (MessageDraft.hasControlCharacters(name, "")) {
      return Optional.of("The file name ‘" + name.replaceAll("\\p{Cntrl}", " ")
          + "’ contains characters that cannot be sent");
    }
    return Optional.empty();
  }

  /** The base type of a given content type, lower case; anything unreadable is binary. */
  public static String contentType(String given) {
    if (given == null || given.isBlank()) {
      return DEFAULT_TYPE;
    }
    try {
      var type = new ContentType(given.strip());
      var base = type.getBaseType().toLowerCase(Locale.ROOT);
      return base.length() <= 100 ? base : DEFAULT_TYPE;
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
