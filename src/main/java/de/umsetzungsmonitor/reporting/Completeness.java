package de.umsetzungsmonitor.reporting;

/** How complete one reporting period of a data agreement is, as the overview shows it. */
public enum Completeness {
  /** Accepted, and its (latest) submission came in by the due date. */
  ON_TIME("fristgerecht geliefert", "angenommen; die Daten sind bis zum Fälligkeitstag eingegangen"),
  /** Accepted, but its (latest) submission came in after the due date. */
  LATE("verspätet geliefert", "angenommen; die Daten sind nach dem Fälligkeitstag eingegangen"),
  /** Open and not yet due: the office may still deliver on time. */
  PENDING("ausstehend", "noch nichts geliefert, die Frist läuft noch"),
  /** Open although the due date has passed: nothing received. */
  OVERDUE("überfällig", "der Fälligkeitstag ist vorbei, es ist nichts eingegangen"),
  /** Received, then sent back for correction; corrected data are awaited. */
  RETURNED("zurückgegeben", "geliefert, aber zur Korrektur zurückgegeben; die berichtigten Daten stehen aus"),
  /** Received, not yet checked by the coordinating unit. */
  IN_REVIEW("in Prüfung", "geliefert, die Koordinierungsstelle prüft die Daten noch (Werte vorläufig)"),
  /** Closed for submissions after the lock date without usable data (may be reopened). */
  LOCKED("gesperrt", "nach dem Sperrtermin ohne verwertbare Daten für Lieferungen gesperrt (kann wieder geöffnet werden)"),
  /** Closed for good without a delivery. */
  MISSED("nicht geliefert", "ohne Lieferung abgeschlossen");

  private final String label;
  private final String explanation;

  Completeness(String label, String explanation) {
    this.label = label;
    this.explanation = explanation;
  }

  public String label() {
    return label;
  }

  /** What the label means, in German, for the legend of the overview page. */
  public String explanation() {
    return explanation;
  }
}
