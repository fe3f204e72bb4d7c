package casemail.http;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** How an attachment's name travels in a download's Content-Disposition. */
class DownloadsTest {

  @Test
  void thePlainNameHoldsNoPathQuoteOrPercentAndTheExactNameIsEncoded() {
    var disposition = Downloads.disposition("../..\\etc/\"pass%wd\" €.txt");

    assertThat(disposition).startsWith("attachment; filename=\".._.._etc__pass_wd_ _.txt\"")
        .contains("filename*=UTF-8''..%2F..%5Cetc%2F%22pass%25wd%22%20%E2%82%AC.txt");
  }
}
