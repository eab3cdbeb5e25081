package de.umsetzungsmonitor.deliveries;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads what an HTTP source returns into values by indicator name, for one period.
 * <ul>
 *   <li>JSON: an object of indicator name → value ({@code {"Anzahl Plätze": 42}}), or
 *       {@code {"values": {...}}}, or a list of {@code {"indicator": …, "period": …, "value": …}}
 *       rows, of which the period's (by label, e.g. "2019") are taken;</li>
 *   <li>CSV: a header {@code indicator;value} or {@code indicator;period;value} (separator ";" or ","),
 *       one row per value.</li>
 * </ul>
 */
final class SourceData {

  private static final ObjectMapper JSON = new ObjectMapper();

  private SourceData() {}

  static Map<String, String> parse(SourceFormat format, String body, String periodLabel) {
    if (body == null || body.isBlank()) {
      throw new SourceUnusableException("Die Quelle lieferte keine Daten.");
    }
    return format == SourceFormat.CSV ? csv(body, periodLabel) : json(body, periodLabel);
  }

  private static Map<String, String> json(String body, String periodLabel) {
    JsonNode root;
    try {
      root = JSON.readTree(body);
    } catch (Exception e) {
      throw new SourceUnusableException("Die Antwort der Quelle ist kein gültiges JSON.");
    }
    Map<String, String> values = new HashMap<>();
    if (root.isObject() && root.has("values") && root.get("values").isObject()) {
      root = root.get("values");
    }
    if (root.isObject()) {
      root.fields().forEachRemaining(e -> values.put(e.getKey().strip(), e.getValue().asText()));
    } else if (root.isArray()) {
      for (JsonNode row : root) {
        String indicator = row.path("indicator").asText(null);
        String period = row.path("period").asText(null);
        if (indicator != null && row.has("value") && (period == null || period.strip().equals(periodLabel))) {
          values.put(indicator.strip(), row.get("value").asText());
        }
      }
    } else {
      throw new SourceUnusableException("Die Antwort der Quelle enthält keine Werte.");
    }
    return values;
  }

  private static Map<String, String> csv(String body, String periodLabel) {
    String[] lines = body.strip().split("\\r?\\n");
    String separator = lines[0].contains(";") ? ";" : ",";
    String[] header = lines[0].split(separator, -1);
    int indicator = indexOf(header, "indicator", "indikator");
    int value = indexOf(header, "value", "wert");
    int period = indexOf(header, "period", "zeitraum");
    if (indicator < 0 || value < 0) {
      throw new SourceUnusableException("Die CSV-Datei der Quelle braucht die Spalten „indicator“ und „value“ (oder „Indikator“ und „Wert“).");
    }
    Map<String, String> values = new HashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] cells = lines[i].split(separator, -1);
      if (cells.length <= Math.max(indicator, value)) {
        throw new SourceUnusableException("Zeile " + (i + 1) + " der CSV-Datei der Quelle ist unvollständig.");
      }
      if (period >= 0 && cells.length > period && !unquote(cells[period]).equals(periodLabel)) {
        continue;
      }
      values.put(unquote(cells[indicator]), unquote(cells[value]));
    }
    return values;
  }

  private static int indexOf(String[] header, String... names) {
    for (int i = 0; i < header.length; i++) {
      for (String name : names) {
        if (unquote(header[i]).equalsIgnoreCase(name)) {
          return i;
        }
      }
    }
    return -1;
  }

  private static String unquote(String cell) {
    String text = cell.strip();
    return text.length() >= 2 && text.startsWith("\"") && text.endsWith("\"") ? text.substring(1, text.length() - 1) : text;
  }
}
