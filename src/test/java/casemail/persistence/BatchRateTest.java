package casemail.persistence;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class BatchRateTest {

  @Test
  void aBatchJustStartedIsMeasuredOverTheTimeItHasBeenSending() {
    assertThat(BatchRepository.rate(900, 58, 58, 0.5, 0.45)).isEqualTo(116.0);
  }

  @Test
  void aBatchSendingForLongerIsMeasuredOverItsLastTenSeconds() {
    assertThat(BatchRepository.rate(5_000, 20_000, 15_000, 60.0, 59.9)).isEqualTo(1_500.0);
  }

  @Test
  void aDoneBatchIsMeasuredFromItsFirstToItsLastEmail() {
    assertThat(BatchRepository.rate(0, 41, 41, 3.0, 0.5)).isEqualTo(82.0);
    assertThat(BatchRepository.rate(0, 9_161, 0, 600.0, 4.0)).isEqualTo(2_290.3);
  }

  @Test
  void thereIsNoRateBeforeTwoEmailsWereSent() {
    assertThat(BatchRepository.rate(10, 0, 0, null, null)).isZero();
    assertThat(BatchRepository.rate(0, 1, 1, 0.2, 0.0)).isZero();
  }
}
