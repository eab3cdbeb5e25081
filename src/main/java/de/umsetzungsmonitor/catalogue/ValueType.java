package de.umsetzungsmonitor.catalogue;

/** How an indicator's delivered values are typed and checked. */
public enum ValueType {
  NUMBER("Zahl"),
  PERCENT("Prozent"),
  COUNT("Anzahl"),
  TEXT("Text");

  private final String label;

  ValueType(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The type for a form or file value, or {@code null} if there is none of that name. */
  public static ValueType parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (ValueType type : values()) {
      if (type.name().equalsIgnoreCase(value.strip()) || type.label.equalsIgnoreCase(value.strip())) {
        return type;
      }
    }
    return null;
  }
}
