package de.umsetzungsmonitor.catalogue.importing;

/**
 * One reason an import file was refused.
 *
 * @param line the line in the file (1-based), or {@code null} where no line can be named
 * @param field the field's path in the file, e.g. {@code measures[3].leadOffices[0]}
 * @param message what is wrong, in German
 */
public record ImportError(Integer line, String field, String message) {

  /** "Zeile 42, Feld measures[3].code: fehlt" */
  public String describe() {
    StringBuilder text = new StringBuilder();
    if (line != null) {
      text.append("Zeile ").append(line);
    }
    if (field != null && !field.isEmpty()) {
      text.append(text.isEmpty() ? "Feld " : ", Feld ").append(field);
    }
    return text.isEmpty() ? message : text + ": " + message;
  }
}
