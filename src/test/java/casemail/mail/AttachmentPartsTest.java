package casemail.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import jakarta.mail.internet.ContentDisposition;
import jakarta.mail.internet.ContentType;
import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class AttachmentPartsTest {

  static Stream<String> names() {
    return Stream.of(
        "invoice.pdf",
        "Rechnung \"März\" €120,50.pdf",
        "Счёт-фактура «Пример» 請求書 €.pdf",
        "a;b=c \\ 'quoted' %41.txt",
        "x",
        "名前がとても長いファイル".repeat(20) + ".pdf");
  }

  @ParameterizedTest
  @MethodSource("names")
  void writesFileNamesThatReadBackExactlyOnShortLines(String name) throws Exception {
    var disposition = "attachment;" + AttachmentParts.parameter("filename", name);
    var type = "application/pdf;" + AttachmentParts.parameter("name", name);

    assertThat(new ContentDisposition(disposition).getParameter("filename")).isEqualTo(name);
    assertThat(new ContentType(type).getParameter("name")).isEqualTo(name);
    assertThat(("Content-Disposition: " + disposition).split("\r\n"))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
    assertThat(disposition.split(";")).allSatisfy(AttachmentPartsTest::decodesOnItsOwn);
  }

  /** A segment holds whole characters: some mail readers decode each segment alone. */
  private static void decodesOnItsOwn(String segment) {
    var value = segment.substring(segment.indexOf('=') + 1).replace("UTF-8''", "");
    var bytes = URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.ISO_8859_1)
        .getBytes(StandardCharsets.ISO_8859_1);
    assertThatCode(() -> StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(bytes)))
        .doesNotThrowAnyException();
  }
}
