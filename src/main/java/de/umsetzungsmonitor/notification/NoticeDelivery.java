package de.umsetzungsmonitor.notification;

import de.umsetzungsmonitor.process.InvalidInputException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** How a person hears about new work: a mail per notice, or one daily overview. */
public enum NoticeDelivery {

  /** One mail per notice, as soon as the work arrives (the default). */
  IMMEDIATE("sofort, eine E-Mail je neuer Aufgabe"),

  /** One mail a day ("Tägliche Übersicht") listing every notice since the last one. */
  DIGEST("einmal täglich gesammelt in der Täglichen Übersicht");

  private final String label;

  NoticeDelivery(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Reads a choice sent by a client; refuses anything else with a German message. */
  public static NoticeDelivery parse(String value) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("Bitte angeben, wie Sie über neue Aufgaben benachrichtigt werden möchten ("
          + allowed() + ").");
    }
    try {
      return valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      // an oversized value is not repeated in full
      String text = value.strip();
      String shown = text.codePointCount(0, text.length()) > 40 ? text.substring(0, text.offsetByCodePoints(0, 40)) + "…" : text;
      throw new InvalidInputException("Unbekannte Zustellart „" + shown + "“. Erlaubt sind " + allowed() + ".");
    }
  }

  private static String allowed() {
    return Arrays.stream(values()).map(d -> d.name() + " (" + d.label + ")").collect(Collectors.joining(" und "));
  }
}
