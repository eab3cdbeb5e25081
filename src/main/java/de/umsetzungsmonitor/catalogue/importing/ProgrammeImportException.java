package de.umsetzungsmonitor.catalogue.importing;

import java.util.List;
import java.util.stream.Collectors;

/** The import file was refused as a whole; nothing was written. */
public class ProgrammeImportException extends RuntimeException {

  private final List<ImportError> errors;

  public ProgrammeImportException(List<ImportError> errors) {
    super("Die Datei wurde nicht importiert, nichts wurde gespeichert. "
        + errors.stream().map(ImportError::describe).collect(Collectors.joining("; ")));
    this.errors = List.copyOf(errors);
  }

  public List<ImportError> getErrors() {
    return errors;
  }
}
