package de.umsetzungsmonitor.deliveries;

import java.time.Period;

/** How often agreed data are delivered. */
public enum Frequency {
  MONTHLY("monatlich", Period.ofMonths(1)),
  QUARTERLY("vierteljährlich", Period.ofMonths(3)),
  HALF_YEARLY("halbjährlich", Period.ofMonths(6)),
  YEARLY("jährlich", Period.ofYears(1));

  private final String label;
  private final Period period;

  Frequency(String label, Period period) {
    this.label = label;
    this.period = period;
  }

  public String label() {
    return label;
  }

  public Period period() {
    return period;
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
