package casemail.message;

import java.util.ArrayList;
import java.util.List;

/**
 * Addresses a user typed or an API client sent, checked: the valid ones normalised and without
 * repeats, and the invalid ones as typed.
 */
public record AddressList(List<String> valid, List<String> invalid) {

  /** Addresses a field may hold (the API's limit too, in openapi.yaml). */
  public static final int MAX_ADDRESSES = 50;

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

  /** Every address valid, and not more than {@value #MAX_ADDRESSES}. */
  public boolean isValid() {
    return invalid.isEmpty() && valid.size() <= MAX_ADDRESSES;
  }

  /** What is wrong, in the words shown next to an address field (English, for the API). */
  public String problem() {
    return problem(Words.staff("en"));
  }

  /** What is wrong, in these (a staff user's) words; null when nothing is. */
  public String problem(Words words) {
    if (!invalid.isEmpty()) {
      return words.get("problem.addresses", String.join(", ", invalid));
    }
    return valid.size() > MAX_ADDRESSES ? words.get("problem.addresses_many", MAX_ADDRESSES)
        : null;
  }
}
