package casemail.http.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaymentLinkTest {

  @Test
  void fillsEachPlaceholderPercentEncoded() {
    var link = PaymentLink.of("https://pay.example/{currency}/{invoice_number}?a={amount}",
        "2026/01 & co", "1250.00", "EUR");

    assertThat(link).contains("https://pay.example/EUR/2026%2F01%20%26%20co?a=1250.00");
  }

  @Test
  void noLinkWithoutATemplateOrForAnythingButAWebAddress() {
    assertThat(PaymentLink.of(null, "1", "1.00", "EUR")).isEmpty();
    assertThat(PaymentLink.of("javascript:alert({invoice_number})", "1", "1.00", "EUR"))
        .isEmpty();
  }

  @Test
  void aValueCannotAddQueryParameters() {
    var link = PaymentLink.of("https://pay.example/?inv={invoice_number}", "1&amount=0#x",
        "9.99", "EUR");

    assertThat(link).contains("https://pay.example/?inv=1%26amount%3D0%23x");
  }
}
