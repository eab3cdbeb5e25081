package de.umsetzungsmonitor.deliveries;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.process.InvalidInputException;
import java.math.BigDecimal;

/** Checks a delivered value against its indicator's type, with German messages for the office. */
final class DeliveryValues {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
  private static final BigDecimal LIMIT = new BigDecimal("1E15");

  private DeliveryValues() {}

  static DeliveryValue parse(Indicator indicator, String raw) {
    String name = "„" + indicator.getName() + "“";
    if (raw == null || raw.isBlank()) {
      throw new InvalidInputException("Bitte einen Wert für " + name + " angeben.");
    }
    String text = raw.strip();
    switch (indicator.getValueType()) {
      case TEXT -> {
        if (text.length() > 4000) {
          throw new InvalidInputException("Der Text für " + name + " ist zu lang (höchstens 4000 Zeichen).");
        }
        return DeliveryValue.text(indicator, text);
      }
      case COUNT -> {
        BigDecimal number = number(text, name);
        if (number.signum() < 0 || number.stripTrailingZeros().scale() > 0) {
          throw new InvalidInputException(name + " ist eine Anzahl: bitte eine ganze Zahl ab 0 angeben (nicht „" + text + "“).");
        }
        return DeliveryValue.number(indicator, number);
      }
      case PERCENT -> {
        BigDecimal number = number(text.replace("%", "").strip(), name);
        if (number.signum() < 0 || number.compareTo(HUNDRED) > 0) {
          throw new InvalidInputException(name + " ist ein Anteil in Prozent: bitte einen Wert von 0 bis 100 angeben (nicht „" + text + "“).");
        }
        return DeliveryValue.number(indicator, number);
      }
      default -> {
        return DeliveryValue.number(indicator, number(text, name));
      }
    }
  }

  /** A number as staff type it: "1234", "1234,5" or "1234.5" (no thousands separators). */
  private static BigDecimal number(String text, String name) {
    String normalised = text.replace(" ", "").replace(',', '.');
    try {
      BigDecimal number = new BigDecimal(normalised);
      if (number.abs().compareTo(LIMIT) >= 0 || number.scale() > 4) {
        throw new InvalidInputException("Der Wert für " + name + " ist zu groß oder hat mehr als 4 Nachkommastellen.");
      }
      return number;
    } catch (NumberFormatException e) {
      throw new InvalidInputException("„" + text + "“ ist keine Zahl: bitte für " + name
          + " eine Zahl angeben (Dezimalkomma erlaubt, ohne Tausenderpunkte).");
    }
  }
}
