package casemail.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Addresses a user typed or an API client sent, checked: the valid ones normalised and without
 * repeats, and the invalid ones as typed.
 */
public record AddressList(List<String> valid, List<String> invalid) {

  /** Addresses separated by commas, semicolons or white space. */
  public static AddressList parse(String text) {
    return of(EmailAddress.split(text));
  }

  public static AddressList of(List<String> parts) {
    var valid = new ArrayList<String>();
    var invalid = new ArrayList<String>();
    for (var part : parts) {
      EmailAddress.parse(part).ifPresentOrElse(
          address -> {
            if (!valid.contains(address.value())) {
              valid.add(address.value());
            }
          },
          () -> invalid.add(part));
    }
    return new AddressList(List.copyOf(valid), List.copyOf(invalid));
  }

  public boolean isValid() {
    return invalid.isEmpty();
  }

  /** What is wrong, in the words shown next to an address field. */
  public String problem() {
    return "Not a valid email address: " + String.join(", ", invalid);
  }
}
