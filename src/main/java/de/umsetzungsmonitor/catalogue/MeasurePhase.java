package de.umsetzungsmonitor.catalogue;

/** Where a measure stands in its implementation, as users read it. */
public enum MeasurePhase {
  NOT_STARTED("Nicht begonnen"),
  TALK_PENDING("Phase I: Gespräch ausstehend"),
  TALK_SCHEDULED("Phase I: Gespräch terminiert"),
  PROTOCOL_IN_SIGNATURE("Phase I: Protokoll in Unterzeichnung"),
  INDICATORS_PENDING("Phase I: Indikatoren zu konkretisieren"),
  MONITORING_AGREED("Phase I: Monitoring vereinbart"),
  COMPLETED("Abgeschlossen");

  private final String label;

  MeasurePhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
