package de.umsetzungsmonitor.deliveries;

import de.umsetzungsmonitor.process.InvalidInputException;
import java.util.Locale;
import java.util.Map;

/** Which files a delivery may carry: CSV, XLSX or PDF up to 10 MB. */
final class DeliveryFiles {

  static final Map<String, String> TYPES = Map.of(
      "csv", "text/csv",
      "xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
      "pdf", "application/pdf");

  static final int MAX_BYTES = 10 * 1024 * 1024;

  private DeliveryFiles() {}

  static void check(UploadedFile file) {
    String name = file.safeName();
    String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    if (file.content() == null || file.content().length == 0) {
      throw new InvalidInputException("Die Datei „" + name + "“ ist leer.");
    }
    if (file.content().length > MAX_BYTES) {
      throw new InvalidInputException("Die Datei ist zu groß (höchstens 10 MB).");
    }
    if (!TYPES.containsKey(ending)) {
      throw new InvalidInputException("Bitte nur Dateien im Format CSV, XLSX oder PDF anhängen (nicht „" + name + "“).");
    }
  }

  static String mimeTypeOf(String name) {
    String ending = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
    return TYPES.getOrDefault(ending, "application/octet-stream");
  }
}
