package de.umsetzungsmonitor.reporting.briefing;

/** Where a committee briefing stands. */
public enum BriefingState {
  IN_PREPARATION("in Vorbereitung"),
  IN_REVIEW("zur Prüfung bei der Amtsleitung"),
  APPROVED("freigegeben, Unterrichtung steht bevor"),
  HELD("Ausschuss unterrichtet"),
  CANCELLED("abgesetzt");

  private final String label;

  BriefingState(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Whether the briefing is still running (a programme has at most one such briefing). */
  public boolean open() {
    return this == IN_PREPARATION || this == IN_REVIEW || this == APPROVED;
  }
}
