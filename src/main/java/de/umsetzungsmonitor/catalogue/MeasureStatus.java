package de.umsetzungsmonitor.catalogue;

/** Implementation status as the programme documents state it. */
public enum MeasureStatus {
  PLANNED("geplant"),
  ONGOING("umgesetzt/laufend"),
  DONE("abgeschlossen");

  private final String label;

  MeasureStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
