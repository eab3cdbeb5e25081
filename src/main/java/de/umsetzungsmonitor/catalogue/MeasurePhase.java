package de.umsetzungsmonitor.catalogue;

/** Where a measure stands in its implementation, as users read it. */
public enum MeasurePhase {
  NOT_STARTED("Nicht begonnen"),
  TALK_PENDING("Phase I: Gespräch ausstehend"),
  TALK_SCHEDULED("Phase I: Gespräch terminiert"),
  PROTOCOL_IN_SIGNATURE("Phase I: Protokoll in Unterzeichnung"),
  INDICATORS_PENDING("Phase I: Indikatoren zu konkretisieren"),
  MONITORING_AGREED("Phase I: Monitoring vereinbart"),
  PHASE_TWO("Phase II: Bearbeitung mit externen Stellen"),
  IMPLEMENTED("Abgeschlossen: umgesetzt"),
  NOT_IMPLEMENTABLE("Abgeschlossen: nicht umsetzbar"),
  COMPLETED("Abgeschlossen");

  private final String label;

  MeasurePhase(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the measure is closed: nothing is asked of anybody any more. */
  public boolean closed() {
    return this == IMPLEMENTED || this == NOT_IMPLEMENTABLE || this == COMPLETED;
  }
}
