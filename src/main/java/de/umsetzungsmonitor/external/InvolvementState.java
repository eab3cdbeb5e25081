package de.umsetzungsmonitor.external;

/** Where the involvement of an external body in a measure stands. */
public enum InvolvementState {
  ADDED("einbezogen, Kontakt steht aus"),
  CONTACTED("Kontakt aufgenommen"),
  AGREED("Beitrag vereinbart"),
  FINISHED("Beteiligung abgeschlossen"),
  WITHDRAWN("zurückgezogen");

  private final String label;

  InvolvementState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the involvement has ended (finished or withdrawn). */
  public boolean ended() {
    return this == FINISHED || this == WITHDRAWN;
  }
}
