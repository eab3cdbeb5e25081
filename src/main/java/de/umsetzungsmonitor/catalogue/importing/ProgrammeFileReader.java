package de.umsetzungsmonitor.catalogue.importing;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import de.umsetzungsmonitor.process.FormInput;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** Reads a programme file (YAML or JSON) into a {@link ProgrammeFile}, or explains in German why not. */
@Component
public class ProgrammeFileReader {

  /** Largest file accepted; the biggest real programme is a few dozen kilobytes. */
  static final int MAX_LENGTH = 2_000_000;

  private static final Pattern DUPLICATE_FIELD = Pattern.compile("^Duplicate field '(.*)'");

  private final ObjectMapper yaml = configure(YAMLMapper.builder().build());
  private final ObjectMapper json = configure(JsonMapper.builder().build());

  private static ObjectMapper configure(ObjectMapper mapper) {
    return mapper.registerModule(new JavaTimeModule())
        .registerModule(new SimpleModule().addDeserializer(String.class, new PlainTextDeserializer()))
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
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
    if (e instanceof JsonMappingException mapping && mapping.getCause() instanceof JsonProcessingException syntax
        && !(syntax instanceof JsonMappingException)) {
      // a syntax error met while reading a field's value: the file is broken, not the value
      return describe(syntax, format, content);
    }
    JsonLocation location = e.getLocation();
    Integer line = location == null || location.getLineNr() < 1 ? null : location.getLineNr();
    if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
      // records are bound after all their fields were read, so the parser stands at the record's
      // end; the line of the field itself comes from the file's node tree
      Integer fieldLine = SourceLines.of(content).lineOf(path(mapping));
      line = fieldLine != null ? fieldLine : line;
    }
    if (e instanceof ForbiddenCharacter invalid) {
      return new ImportError(line, path(invalid), "enthält ein unzulässiges Zeichen (ein Steuerzeichen wie das Nullzeichen"
          + " oder ein unvollständiges Unicode-Zeichen)");
    }
    if (e instanceof YamlAlias alias) {
      return new ImportError(line, path(alias), "Verweise auf andere Stellen der Datei (*" + alias.getValue()
          + ") sind nicht erlaubt; bitte den Wert ausschreiben");
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
    Matcher duplicate = DUPLICATE_FIELD.matcher(String.valueOf(e.getOriginalMessage()));
    if (duplicate.find()) {
      return new ImportError(line, null, "Die Datei ist kein gültiges " + format + ": das Feld „" + duplicate.group(1)
          + "“ ist doppelt angegeben");
    }
    if (e instanceof StreamConstraintsException) {
      return new ImportError(line, null, "Die Datei ist zu tief verschachtelt oder enthält zu lange Werte.");
    }
    return new ImportError(line, null, "Die Datei ist kein gültiges " + format + ": " + syntaxProblem(e, location));
  }

  /** What is wrong with the file's syntax, in German (the parsers say it in English); the line is given apart. */
  private static String syntaxProblem(JsonProcessingException e, JsonLocation location) {
    String original = String.valueOf(e.getOriginalMessage());
    String column = location == null || location.getColumnNr() < 1 ? "" : " (Spalte " + location.getColumnNr() + ")";
    if (e instanceof JsonEOFException || original.contains("end-of-input") || original.contains("end of stream")) {
      return "die Datei endet, bevor alle Klammern und Anführungszeichen geschlossen sind";
    }
    if (original.contains("special characters are not allowed")) {
      return "die Datei enthält ein unzulässiges Steuerzeichen (z. B. ein Nullzeichen)";
    }
    if (original.contains("(TAB)")) {
      return "Tabulatoren sind zum Einrücken nicht erlaubt, bitte Leerzeichen verwenden" + column;
    }
    if (original.contains("mapping values are not allowed")) {
      return "ein Doppelpunkt steht, wo kein neues Feld beginnen kann; Texte mit Doppelpunkt bitte in Anführungszeichen"
          + " setzen" + column;
    }
    if (original.contains("quoted scalar")) {
      return "ein Text in Anführungszeichen ist nicht richtig geschlossen" + column;
    }
    if (original.contains("flow sequence") || original.contains("flow mapping")) {
      return "eine Liste [ … ] oder ein Eintrag { … } ist nicht richtig geschlossen" + column;
    }
    return "der Aufbau ist an dieser Stelle fehlerhaft" + column;
  }

  /**
   * Texts as the file has them, refusing characters no text of a programme may hold (see
   * {@link FormInput#isPlainText}) and YAML aliases ({@code *name}), which the YAML reader would
   * take as the text "name" instead of the anchored value.
   */
  private static final class PlainTextDeserializer extends StringDeserializer {

    @Override
    public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
      String text = super.deserialize(parser, context);
      if (parser instanceof YAMLParser yamlParser && yamlParser.isCurrentAlias()) {
        throw new YamlAlias(parser, text);
      }
      if (text != null && !FormInput.isPlainText(text)) {
        throw new ForbiddenCharacter(parser, text);
      }
      return text;
    }
  }

  private static final class ForbiddenCharacter extends InvalidFormatException {
    ForbiddenCharacter(JsonParser parser, String text) {
      super(parser, "Text with a control character or an unpaired surrogate", text, String.class);
    }
  }

  private static final class YamlAlias extends InvalidFormatException {
    YamlAlias(JsonParser parser, String anchor) {
      super(parser, "YAML alias *" + anchor, anchor, String.class);
    }
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
