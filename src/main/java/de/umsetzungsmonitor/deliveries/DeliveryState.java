package de.umsetzungsmonitor.deliveries;

/** Where the delivery of one period stands. */
public enum DeliveryState {
  OPEN("ausstehend"),
  SUBMITTED("geliefert, in Prüfung"),
  RETURNED("zurückgegeben"),
  ACCEPTED("angenommen"),
  LOCKED("gesperrt"),
  MISSED("nicht geliefert");

  private final String label;

  DeliveryState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the supplier office may (still) submit data for the period. */
  public boolean awaitsData() {
    return this == OPEN || this == RETURNED;
  }
}
