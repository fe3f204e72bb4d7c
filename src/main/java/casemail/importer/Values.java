package casemail.importer;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Strict parsing of the typed values in an import: dates (yyyy-mm-dd or dd-mm-yyyy, real
 * calendar dates only), amounts (at most two decimals, no thousands separators) and currency
 * codes. Each returns empty for text that does not qualify; the caller words the error.
 */
final class Values {

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final Pattern DUTCH_DATE = Pattern.compile("\\d{2}-\\d{2}-\\d{4}");
  private static final DateTimeFormatter ISO =
      DateTimeFormatter.ofPattern("uuuu-MM-dd").withResolverStyle(ResolverStyle.STRICT);
  private static final DateTimeFormatter DUTCH =
      DateTimeFormatter.ofPattern("dd-MM-uuuu").withResolverStyle(ResolverStyle.STRICT);
  /** At most 12 digits before the mark: what the database's numeric(14, 2) holds. */
  private static final Pattern POINT_AMOUNT = Pattern.compile("-?\\d{1,12}(\\.\\d{1,2})?");
  private static final Pattern COMMA_AMOUNT = Pattern.compile("-?\\d{1,12}(,\\d{1,2})?");
  private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

  private Values() {}

  static Optional<LocalDate> date(String text) {
    try {
      if (ISO_DATE.matcher(text).matches()) {
        return Optional.of(LocalDate.parse(text, ISO));
      }
      if (DUTCH_DATE.matcher(text).matches()) {
        return Optional.of(LocalDate.parse(text, DUTCH));
      }
      return Optional.empty();
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  /** The amount with scale 2, so that 12 and 12.00 are the same value in every output. */
  static Optional<BigDecimal> amount(String text, char decimalMark) {
    var pattern = decimalMark == ',' ? COMMA_AMOUNT : POINT_AMOUNT;
    if (!pattern.matcher(text).matches()) {
      return Optional.empty();
    }
    return Optional.of(new BigDecimal(text.replace(',', '.')).setScale(2));
  }

  /** The code upper-cased, if it is three letters A-Z. */
  static Optional<String> currency(String text) {
    var code = text.toUpperCase(Locale.ROOT);
    return CURRENCY.matcher(code).matches() ? Optional.of(code) : Optional.empty();
  }
}
