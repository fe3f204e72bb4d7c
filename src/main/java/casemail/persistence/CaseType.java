package casemail.persistence;

import casemail.bus.BusFailure;

/** The three kinds of case a message can be sent from. */
public enum CaseType {
  CUSTOMER("customer", "Customer", "number"),
  INVOICE("invoice", "Invoice", "number"),
  MATTER("matter", "Matter", "reference");

  private final String value;
  private final String label;
  private final String keyName;

  CaseType(String value, String label, String keyName) {
    this.value = value;
    this.label = label;
    this.keyName = keyName;
  }

  public static CaseType parse(String value) {
    for (var type : values()) {
      if (type.value.equals(value)) {
        return type;
      }
    }
    throw BusFailure.invalid("type", "Case type must be customer, invoice or matter");
  }

  public String value() {
    return value;
  }

  public String label() {
    return label;
  }

  /** The column that identifies a case of this type to people: number or reference. */
  public String keyName() {
    return keyName;
  }
}
