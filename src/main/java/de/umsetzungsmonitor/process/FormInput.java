package de.umsetzungsmonitor.process;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;

/**
 * Reads what Camunda Forms submit: dates as ISO strings, lists as JSON. Every failure is an
 * {@link InvalidInputException} naming the field in German.
 */
public final class FormInput {

  private FormInput() {}

  public static String requiredText(String value, String label, int maxLength) {
    String text = optionalText(value, label, maxLength);
    if (text == null) {
      throw new InvalidInputException("Bitte " + label + " angeben.");
    }
    return text;
  }

  public static String optionalText(String value, String label, int maxLength) {
    if (value == null || value.isBlank()) {
      return null;
    }
    String text = value.strip();
    if (text.length() > maxLength) {
      throw new InvalidInputException(
          "Der Text im Feld „" + label + "“ ist zu lang (höchstens " + maxLength + " Zeichen).");
    }
    if (!isPlainText(text)) {
      throw new InvalidInputException("Der Text im Feld „" + label + "“ enthält ein unzulässiges Zeichen (ein Steuerzeichen"
          + " wie das Nullzeichen oder ein unvollständiges Unicode-Zeichen). Bitte geben Sie den Text neu ein.");
    }
    return text;
  }

  /**
   * Whether a text holds only characters that can be stored and shown: no control characters
   * besides tab and line breaks (PostgreSQL refuses the NUL character), no half of a surrogate
   * pair (it would be stored as "?").
   */
  public static boolean isPlainText(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < ' ' && c != '\t' && c != '\n' && c != '\r') {
        return false;
      }
      if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
        i++;
      } else if (Character.isSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  public static LocalDate requiredDate(String value, String label) {
    if (value == null || value.isBlank()) {
      throw new InvalidInputException("Bitte " + label + " angeben.");
    }
    try {
      // form-js sends yyyy-MM-dd; a date-time value carries the date in its first ten characters
      return LocalDate.parse(value.length() > 10 ? value.substring(0, 10) : value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("„" + value + "“ ist kein gültiges Datum (" + label + ").");
    }
  }

  public static LocalTime optionalTime(String value, String label) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalTime.parse(value.length() > 5 ? value.substring(0, 5) : value);
    } catch (DateTimeParseException e) {
      throw new InvalidInputException("„" + value + "“ ist keine gültige Uhrzeit (" + label + ").");
    }
  }

  /**
   * A checkbox's value: a Boolean as Tasklist sends it, or the JSON or text {@code true}/{@code false}
   * another client may send; nothing means unticked. Anything else is refused in German.
   */
  public static boolean checkbox(Object value, String label) {
    if (value == null) {
      return false;
    }
    if (value instanceof Boolean flag) {
      return flag;
    }
    String text = value instanceof SpinJsonNode node ? (node.isBoolean() ? String.valueOf(node.boolValue()) : node.toString())
        : value.toString();
    return switch (text.strip().toLowerCase(java.util.Locale.ROOT)) {
      case "true", "ja" -> true;
      case "false", "nein", "" -> false;
      default -> throw new InvalidInputException("Das Feld „" + label + "“ kennt nur „ja“ und „nein“.");
    };
  }

  /** A JSON array of strings, e.g. the values of a taglist. */
  public static List<String> strings(SpinJsonNode node) {
    List<String> values = new ArrayList<>();
    if (node == null || node.isNull()) {
      return values;
    }
    requireList(node);
    for (SpinJsonNode element : node.elements()) {
      if (element.isString()) {
        values.add(element.stringValue());
      } else if (element.isObject() && element.hasProp("value")) {
        values.add(element.prop("value").stringValue());
      }
    }
    return values;
  }

  /** The items of a dynamic list; items whose every field is empty are left out. */
  public static List<SpinJsonNode> items(SpinJsonNode node) {
    List<SpinJsonNode> items = new ArrayList<>();
    if (node == null || node.isNull()) {
      return items;
    }
    requireList(node);
    for (SpinJsonNode element : node.elements()) {
      if (element.isObject() && !allEmpty(element)) {
        items.add(element);
      }
    }
    return items;
  }

  /** A property of a list item as text, or {@code null}. */
  public static String prop(SpinJsonNode item, String name) {
    if (!item.hasProp(name)) {
      return null;
    }
    SpinJsonNode value = item.prop(name);
    if (value.isNull()) {
      return null;
    }
    return value.isValue() ? String.valueOf(value.value()) : value.toString();
  }

  /** A list field (taglist, dynamic list) that arrives as something else was not sent by the form. */
  private static void requireList(SpinJsonNode node) {
    if (!node.isArray()) {
      throw new InvalidInputException("Eine Liste im Formular kam in falscher Form an (erwartet wird eine Liste, nicht "
          + (node.isObject() ? "ein einzelner Eintrag" : "ein einzelner Wert") + "). Bitte laden Sie das Formular neu.");
    }
  }

  private static boolean allEmpty(SpinJsonNode item) {
    for (String name : item.fieldNames()) {
      String value = prop(item, name);
      if (value != null && !value.isBlank()) {
        return false;
      }
    }
    return true;
  }
}
