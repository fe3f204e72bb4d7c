package casemail.importer;

import java.util.List;

/**
 * One checked row of customers.csv. Free-text values are stripped of surrounding whitespace
 * and otherwise exactly as written; null when empty or when the column is absent.
 * {@code emails} holds normalised valid addresses, without duplicates, in file order;
 * {@code language} is nl, en, de, fr or null (the caller applies the administration default);
 * {@code country} is upper-cased.
 */
public record CustomerRow(
    int line,
    String number,
    String name,
    List<String> emails,
    String contactName,
    String phone,
    String language,
    String address,
    String postalCode,
    String city,
    String country) {

  public CustomerRow {
    emails = List.copyOf(emails);
  }
}
