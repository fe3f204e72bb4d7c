package casemail.message;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.stream.ImageInputStream;

/**
 * An administration's logo, checked by its content, never by its name: a PNG, JPEG or GIF of
 * at most 200 KB and 2000 × 2000 pixels that decodes as what its first bytes say it is. SVG
 * and anything else is refused, so the logo's public address only ever serves a plain image.
 * Decoding blocks: call it off the event loop.
 */
public final class LogoImage {

  public static final int MAX_BYTES = 200 * 1024;
  public static final int MAX_PIXELS_PER_SIDE = 2000;

  /** Why a file is not taken, named by its staff words key {@code logo.<key>}. */
  public enum Problem {
    MISSING("missing"), TOO_LARGE("too_large"), NOT_AN_IMAGE("not_an_image"),
    TOO_WIDE("too_wide");

    private final String key;

    Problem(String key) {
      this.key = key;
    }

    public String key() {
      return key;
    }
  }

  /** The image's MIME type, or the problem that refuses it. */
  public record Checked(String type, Problem problem) {

    public boolean isValid() {
      return problem == null;
    }
  }

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  private static final byte[] JPEG = {(byte) 0xff, (byte) 0xd8, (byte) 0xff};
  private static final byte[] GIF87 = {'G', 'I', 'F', '8', '7', 'a'};
  private static final byte[] GIF89 = {'G', 'I', 'F', '8', '9', 'a'};

  private LogoImage() {
  }

  public static Checked check(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return refused(Problem.MISSING);
    }
    if (bytes.length > MAX_BYTES) {
      return refused(Problem.TOO_LARGE);
    }
    var type = declaredType(bytes);
    if (type == null) {
      return refused(Problem.NOT_AN_IMAGE);
    }
    try {
      return decoded(bytes, type);
    } catch (IOException | RuntimeException unreadable) {
      return refused(Problem.NOT_AN_IMAGE);
    }
  }

  /** The type the first bytes declare: PNG, JPEG or GIF, else null. */
  static String declaredType(byte[] bytes) {
    if (startsWith(bytes, PNG)) {
      return "image/png";
    }
    if (startsWith(bytes, JPEG)) {
      return "image/jpeg";
    }
    return startsWith(bytes, GIF87) || startsWith(bytes, GIF89) ? "image/gif" : null;
  }

  /** Reads the size from the header before decoding, so a huge declared size costs nothing. */
  private static Checked decoded(byte[] bytes, String type) throws IOException {
    try (ImageInputStream input = ImageIO.createImageInputStream(
        new ByteArrayInputStream(bytes))) {
      var readers = ImageIO.getImageReaders(input);
      if (!readers.hasNext()) {
        return refused(Problem.NOT_AN_IMAGE);
      }
      ImageReader reader = readers.next();
      try {
        reader.setInput(input, true, true);
        if (!Arrays.asList(reader.getOriginatingProvider().getMIMETypes()).contains(type)) {
          return refused(Problem.NOT_AN_IMAGE);
        }
        if (reader.getWidth(0) > MAX_PIXELS_PER_SIDE
            || reader.getHeight(0) > MAX_PIXELS_PER_SIDE) {
          return refused(Problem.TOO_WIDE);
        }
        reader.read(0);
        return new Checked(type, null);
      } finally {
        reader.dispose();
      }
    }
  }

  private static boolean startsWith(byte[] bytes, byte[] prefix) {
    return bytes.length >= prefix.length
        && Arrays.equals(bytes, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static Checked refused(Problem problem) {
    return new Checked(null, problem);
  }
}
