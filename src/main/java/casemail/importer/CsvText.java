package casemail.importer;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * The decoded text of one import file: UTF-8 without its byte-order mark, the delimiter taken
 * from the header row, and an index that turns a character position into the line number an
 * editor shows (LF, CRLF and a lone CR each end a line).
 */
final class CsvText {

  private static final char BOM = '\uFEFF';

  private final String content;
  private final char delimiter;
  private int[] lineStarts = new int[1024];
  private int lineCount;

  private CsvText(String content) {
    this.content = content;
    this.delimiter = detectDelimiter(content);
    indexLines();
  }

  /** The file's text, or empty after reporting why it is missing or unreadable. */
  static Optional<CsvText> load(CsvSource source, String name, Problems problems) {
    try (InputStream in = source.open(name)) {
      if (in == null) {
        problems.error(name, 0, "the file is missing");
        return Optional.empty();
      }
      return decode(name, in.readAllBytes(), problems).map(CsvText::new);
    } catch (IOException e) {
      problems.error(name, 0, "the file could not be read: " + e.getMessage());
      return Optional.empty();
    }
  }

  String content() {
    return content;
  }

  char delimiter() {
    return delimiter;
  }

  /** The line holding the record that the parser says starts at {@code position}. */
  int lineAt(long position) {
    var start = (int) position;
    // The parser's position for a record is taken before it skips empty lines.
    while (start < content.length() && isLineBreak(content.charAt(start))) {
      start++;
    }
    var found = Arrays.binarySearch(lineStarts, 0, lineCount, start);
    return found >= 0 ? found + 1 : -found - 1;
  }

  private static Optional<String> decode(String name, byte[] bytes, Problems problems) {
    var decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    var in = ByteBuffer.wrap(bytes);
    // UTF-8 never yields more chars than bytes, so this buffer cannot overflow.
    var out = CharBuffer.allocate(bytes.length);
    if (decoder.decode(in, out, true).isError()) {
      var line = lineOfByte(bytes, in.position());
      problems.error(name, line, "the file is not UTF-8 text; save it as UTF-8");
      return Optional.empty();
    }
    decoder.flush(out);
    var text = out.flip().toString();
    return Optional.of(!text.isEmpty() && text.charAt(0) == BOM ? text.substring(1) : text);
  }

  private static int lineOfByte(byte[] bytes, int position) {
    var line = 1;
    for (var i = 0; i < position; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }

  private static char detectDelimiter(String content) {
    var semicolons = 0;
    var commas = 0;
    for (var i = 0; i < content.length() && !isLineBreak(content.charAt(i)); i++) {
      var c = content.charAt(i);
      semicolons += c == ';' ? 1 : 0;
      commas += c == ',' ? 1 : 0;
    }
    return semicolons > commas ? ';' : ',';
  }

  private void indexLines() {
    addLineStart(0);
    for (var i = 0; i < content.length(); i++) {
      var c = content.charAt(i);
      var crlf = c == '\r' && i + 1 < content.length() && content.charAt(i + 1) == '\n';
      if (isLineBreak(c) && !crlf) {
        addLineStart(i + 1);
      }
    }
  }

  private void addLineStart(int position) {
    if (lineCount == lineStarts.length) {
      lineStarts = Arrays.copyOf(lineStarts, lineCount * 2);
    }
    lineStarts[lineCount++] = position;
  }

  private static boolean isLineBreak(char c) {
    return c == '\n' || c == '\r';
  }
}
