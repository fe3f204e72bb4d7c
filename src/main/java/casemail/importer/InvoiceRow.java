package casemail.importer;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One checked row of invoices.csv. Amounts have scale 2; {@code currency} is an upper-case
 * three-letter code; {@code description} is null when empty.
 */
public record InvoiceRow(
    int line,
    String number,
    String customerNumber,
    LocalDate invoiceDate,
    LocalDate dueDate,
    BigDecimal amount,
    BigDecimal openAmount,
    String currency,
    String description) {}
