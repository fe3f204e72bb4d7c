package casemail.message;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class AttachmentsTest {

  @ParameterizedTest
  @CsvSource({
      "application/pdf; name=x.pdf, application/pdf",
      "IMAGE/PNG, image/png",
      "multipart/mixed, application/octet-stream",
      "message/rfc822, application/octet-stream",
      "not a type, application/octet-stream",
      "'', application/octet-stream"})
  void aFileKeepsItsTypeUnlessItWouldMakeItAContainer(String given, String stored) {
    assertThat(Attachments.contentType(given)).isEqualTo(stored);
  }
}
