package casemail.http;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Currency;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Dates, times and amounts formatted for a reader: in their language, and times in the
 * administration's time zone (daylight saving included), the same way on every page. An
 * instance keeps its amount formats, so it serves one thread (a request, a batch's slice).
 */
public final class Formats {

  private final Locale locale;
  private final ZoneId zone;
  private final DateTimeFormatter dateTime;
  private final DateTimeFormatter date;
  private final Map<String, NumberFormat> amounts = new HashMap<>();
  private NumberFormat counts;

  public Formats(Locale locale, String timeZone) {
    this.locale = locale;
    this.zone = ZoneId.of(timeZone);
    this.dateTime = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
        .withLocale(locale);
    this.date = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale);
  }

  /** An instant ({@code 2026-12-03T16:10:00Z} or with an offset) as local date and time. */
  public String dateTime(String instant) {
    return instant == null ? "" : dateTime.format(zoned(instant));
  }

  /** An instant in the administration's zone as ISO 8601 with offset, for the API. */
  public String iso(String instant) {
    return instant == null ? null
        : zoned(instant).toOffsetDateTime().format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
  }

  public String date(String isoDate) {
    return isoDate == null ? "" : date.format(LocalDate.parse(isoDate));
  }

  /** A count for people: {@code 10,000} in English. */
  public String count(Number count) {
    if (counts == null) {
      counts = NumberFormat.getNumberInstance(locale);
    }
    return counts.format(count);
  }

  public String amount(String decimal, String currency) {
    if (decimal == null) {
      return "";
    }
    return amounts.computeIfAbsent(String.valueOf(currency), this::amountFormat)
        .format(new BigDecimal(decimal));
  }

  private NumberFormat amountFormat(String currency) {
    var format = NumberFormat.getCurrencyInstance(locale);
    try {
      format.setCurrency(Currency.getInstance(currency));
    } catch (IllegalArgumentException e) {
      format = NumberFormat.getNumberInstance(locale);
      format.setMinimumFractionDigits(2);
    }
    return format;
  }

  private ZonedDateTime zoned(String instant) {
    return OffsetDateTime.parse(instant).atZoneSameInstant(zone);
  }
}
