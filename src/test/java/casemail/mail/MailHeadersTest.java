package casemail.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.MimeUtility;
import org.junit.jupiter.api.Test;

class MailHeadersTest {

  private static final String LONG = "Herinnering voor Müller Bau GmbH over factuur 2026-000044 – "
      + "een lang onderwerp met speciale tekens éèà en nog wat meer tekst";

  @Test
  void foldsLongEncodedSubjectsWithCrlfOnlyAndReadsBackExactly() throws Exception {
    var subject = MailHeaders.subject(LONG);

    assertThat(subject).contains("\r\n ").doesNotContainPattern("(?<!\r)\n");
    assertThat(("Subject: " + subject).split("\r\n"))
        .allSatisfy(line -> assertThat(line.length()).isLessThanOrEqualTo(78));
    assertThat(MimeUtility.decodeText(MimeUtility.unfold(subject))).isEqualTo(LONG);
  }

  @Test
  void neverTakesALineBreakFromInput() {
    var subject = MailHeaders.subject("Hello\r\nBcc: evil@attacker.example");

    assertThat(subject).doesNotContain("\r\nBcc", "\nBcc");
  }

  @Test
  void aSubjectThatLooksEncodedIsEncodedSoItShowsAsTyped() throws Exception {
    var typed = "hdr test =?utf-8?b?ZXZpbA==?=";

    var subject = MailHeaders.subject(typed);

    assertThat(subject).startsWith("=?UTF-8?B?");
    assertThat(MimeUtility.decodeText(MimeUtility.unfold(subject))).isEqualTo(typed);
  }
}
