package de.umsetzungsmonitor.catalogue.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import org.springframework.stereotype.Component;

/** Reads a programme file (YAML or JSON) into a {@link ProgrammeFile}, or explains in German why not. */
@Component
public class ProgrammeFileReader {

  /** Largest file accepted; the biggest real programme is a few dozen kilobytes. */
  static final int MAX_LENGTH = 2_000_000;

  private final ObjectMapper yaml = configure(YAMLMapper.builder().build());
  private final ObjectMapper json = configure(JsonMapper.builder().build());

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.registerModule(new JavaTimeModule())
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_SINGLE_VALUE_AS_ARRAY);
  }

  public ProgrammeFile read(String content) {
    if (content == null || content.isBlank()) {
      throw new ProgrammeImportException(List.of(new ImportError(null, null, "Die Datei ist leer.")));
    }
    if (content.length() > MAX_LENGTH) {
      throw new ProgrammeImportException(List.of(new ImportError(null, null,
          "Die Datei ist zu groß (höchstens " + MAX_LENGTH / 1_000_000 + " Millionen Zeichen).")));
    }
    boolean isJson = content.stripLeading().startsWith("{");
    try {
      ProgrammeFile file = (isJson ? json : yaml).readValue(content, ProgrammeFile.class);
      if (file == null) {
        throw new ProgrammeImportException(List.of(new ImportError(null, null, "Die Datei enthält kein Programm.")));
      }
      return file;
    } catch (JsonProcessingException e) {
      throw new ProgrammeImportException(List.of(describe(e, isJson ? "JSON" : "YAML", content)));
    }
  }

  private static ImportError describe(JsonProcessingException e, String format, String content) {
    JsonLocation location = e.getLocation();
    Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      // records are bound after all their fields were read, so the parser stands at the record's
      // end; the line of the field itself comes from the file's node tree
      Integer fieldLine = SourceLines.of(content).lineOf(path(mapping));
      line = fieldLine != null ? fieldLine : line;
    }
    if (e instanceof UnrecognizedPropertyException unknown) {
      return new ImportError(line, path(unknown), "unbekanntes Feld „" + unknown.getPropertyName() + "“");
    }
    if (e instanceof InvalidFormatException invalid) {
      return new ImportError(line, path(invalid), "ungültiger Wert „" + invalid.getValue() + "“ (" + expected(invalid.getTargetType()) + ")");
    }
    if (e instanceof MismatchedInputException mismatch) {
      return new ImportError(line, path(mismatch), "falscher Aufbau (" + expected(mismatch.getTargetType()) + ")");
    }
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      return new ImportError(line, path(mapping), "ungültiger Wert");
    }
    return new ImportError(line, null, "Die Datei ist kein gültiges " + format + ": " + e.getOriginalMessage());
  }

  private static String expected(Class<?> type) {
    if (type == null) {
      return "anderer Wert erwartet";
    }
    if (type == LocalDate.class) {
      return "erwartet wird ein Datum JJJJ-MM-TT";
    }
    if (List.class.isAssignableFrom(type)) {
      return "erwartet wird eine Liste";
    }
    if (type == String.class) {
      return "erwartet wird ein Text";
    }
    if (type.isRecord()) {
      return "erwartet werden Felder mit Werten";
    }
    return "anderer Wert erwartet";
  }

  private static String path(JsonMappingException e) {
    StringBuilder path = new StringBuilder();
    for (JsonMappingException.Reference reference : e.getPath()) {
      if (reference.getFieldName() != null) {
        path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.toString();
  }
}
