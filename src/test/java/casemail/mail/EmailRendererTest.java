package casemail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;

class EmailRendererTest {

  @Test
  void theHtmlPartIsAFewLinesOfAsciiThatReadTheSame() {
    var html = "<p>Beste Jürgen,</p>\n<p>Factuur van € 1.250,00 — 😀</p>\n".repeat(40);

    var compact = EmailRenderer.compactHtml(html);

    assertThat(compact.chars()).allMatch(c -> c < 0x80 && c != '\r');
    assertThat(compact.lines()).hasSizeLessThan(5).allMatch(line -> line.length() <= 900);
    assertThat(Jsoup.parse(compact).text()).isEqualTo(Jsoup.parse(html).text());
    assertThat(compact).contains("J&#252;rgen", "&#8364; 1.250,00", "&#128512;");
  }
}
