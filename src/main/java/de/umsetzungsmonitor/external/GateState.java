package de.umsetzungsmonitor.external;

/** Where a declaration that all internal information is complete stands. */
public enum GateState {
  CHECKING("wird geprüft"),
  AWAITING_OVERRIDE("offene Punkte, die Amtsleitung entscheidet"),
  OPENED("Umsetzungsphase II eröffnet"),
  REFUSED("zurückgewiesen");

  private final String label;

  GateState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
