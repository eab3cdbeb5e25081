package de.umsetzungsmonitor.deliveries;

import java.time.Period;

/** How often agreed data are delivered. */
public enum Frequency {
  MONTHLY("monatlich", Period.ofMonths(1)),
  QUARTERLY("vierteljährlich", Period.ofMonths(3)),
  HALF_YEARLY("halbjährlich", Period.ofMonths(6)),
  YEARLY("jährlich", Period.ofYears(1)),
  /** Every ISO 8601 period the agreement names (e.g. {@code P2M}, {@code P2W}). */
  CYCLE("im vereinbarten Zyklus", null);

  private final String label;
  private final Period period;

  Frequency(String label, Period period) {
    this.label = label;
    this.period = period;
  }

  public String label() {
    return label;
  }

  /** The length of a reporting period; {@code null} for {@link #CYCLE}, whose agreement names it. */
  public Period period() {
    return period;
  }

  /**
   * The ISO 8601 period of a cycle such as {@code P2M}, {@code R/P2M} or {@code P2W}, or
   * {@code null} if the text is none or not at least one day long.
   */
  public static Period parseCycle(String value) {
    if (value == null) {
      return null;
    }
    String text = value.strip().toUpperCase(java.util.Locale.ROOT);
    if (text.startsWith("R/")) {
      text = text.substring(2);
    }
    try {
      Period period = Period.parse(text);
      return period.isNegative() || period.isZero() ? null : period;
    } catch (java.time.format.DateTimeParseException e) {
      return null;
    }
  }

  /** The frequency for a form or file value, or {@code null} if there is none of that name. */
  public static Frequency parse(String value) {
    if (value == null) {
      return null;
    }
    for (Frequency frequency : values()) {
      if (frequency.name().equalsIgnoreCase(value.strip()) || frequency.label.equalsIgnoreCase(value.strip())) {
        return frequency;
      }
    }
    return null;
  }
}
