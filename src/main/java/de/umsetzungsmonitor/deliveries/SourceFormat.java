package de.umsetzungsmonitor.deliveries;

/** What an HTTP source returns. */
public enum SourceFormat {
  CSV,
  JSON;

  /** The format for a file or form value, or {@code null} if there is none of that name. */
  public static SourceFormat parse(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    for (SourceFormat format : values()) {
      if (format.name().equalsIgnoreCase(value.strip())) {
        return format;
      }
    }
    return null;
  }
}
