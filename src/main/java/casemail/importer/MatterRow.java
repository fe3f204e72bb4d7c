package casemail.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One checked row of matters.csv. {@code status} is open, payment_plan or closed;
 * {@code invoiceNumbers} is never empty; amounts have scale 2 and the claim is their sum.
 */
public record MatterRow(
    int line,
    String reference,
    String customerNumber,
    LocalDate openedOn,
    String status,
    List<String> invoiceNumbers,
    BigDecimal principalAmount,
    BigDecimal collectionCosts,
    BigDecimal interestAmount) {

  public MatterRow {
    invoiceNumbers = List.copyOf(invoiceNumbers);
  }
}
