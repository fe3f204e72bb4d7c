package casemail.persistence;

import io.vertx.core.json.JsonArray;
import io.vertx.sqlclient.Row;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.UUID;

/** Conversions from database values to the JSON values carried on the event bus. */
final class Rows {

  private Rows() {
  }

  /** A timestamp as an ISO-8601 instant ({@code 2026-12-03T16:10:00Z}), or null. */
  static String instant(Row row, String column) {
    OffsetDateTime value = row.getOffsetDateTime(column);
    return value == null ? null : value.toInstant().toString();
  }

  static String date(Row row, String column) {
    LocalDate value = row.getLocalDate(column);
    return value == null ? null : value.toString();
  }

  /** An amount as a plain decimal string with its scale ({@code "1250.00"}). */
  static String amount(Row row, String column) {
    BigDecimal value = row.getBigDecimal(column);
    return value == null ? null : value.toPlainString();
  }

  static String uuid(Row row, String column) {
    UUID value = row.getUUID(column);
    return value == null ? null : value.toString();
  }

  static JsonArray strings(Row row, String column) {
    String[] values = row.getArrayOfStrings(column);
    return values == null ? new JsonArray() : new JsonArray(Arrays.asList((Object[]) values));
  }

  static String[] array(JsonArray values) {
    return values == null ? new String[0] : values.stream().map(String::valueOf)
        .toArray(String[]::new);
  }

  /** An ISO-8601 instant from the bus as a database timestamp, or null. */
  static OffsetDateTime timestamp(String instant) {
    return instant == null ? null : OffsetDateTime.ofInstant(Instant.parse(instant), ZoneOffset.UTC);
  }
}
