package de.umsetzungsmonitor.catalogue.importing;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.DataAgreementEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.History;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.IndicatorEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.MeasureEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.SignatureEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.TalkEntry;
import de.umsetzungsmonitor.catalogue.ValueType;
import de.umsetzungsmonitor.deliveries.Frequency;
import de.umsetzungsmonitor.deliveries.SourceFormat;
import de.umsetzungsmonitor.security.Directory;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * Checks a programme file completely before anything is written: each field on its own, then
 * what fields say about each other (known offices, participants, a consistent history).
 */
@Component
public class ProgrammeFileValidator {

  private final Validator validator;
  private final Directory directory;

  public ProgrammeFileValidator(Validator validator, Directory directory) {
    this.validator = validator;
    this.directory = directory;
  }

  /** All errors, each with its line; empty when the file can be imported. */
  public List<ImportError> validate(ProgrammeFile file, String content) {
    SourceLines lines = SourceLines.of(content);
    Errors errors = new Errors(lines);
    for (ConstraintViolation<ProgrammeFile> violation : validator.validate(file)) {
      errors.add(fieldPath(violation.getPropertyPath().toString()), violation.getMessage());
    }
    if (errors.isEmpty()) {
      checkReferences(file, errors);
    }
    return errors.sorted();
  }

  private void checkReferences(ProgrammeFile file, Errors errors) {
    Set<String> offices = unique(file.offices(), ProgrammeFile.OfficeEntry::code, "offices", "Stelle", errors);
    Set<String> fields = unique(file.fieldsOfAction(), ProgrammeFile.FieldOfActionEntry::code, "fieldsOfAction", "Handlungsfeld", errors);
    unique(file.measures(), m -> m.code().replaceAll("\\s+", "").toUpperCase(Locale.ROOT), "measures", "Maßnahme", errors);
    if (file.externalBodies() != null) {
      unique(file.externalBodies(), ProgrammeFile.ExternalBodyEntry::code, "externalBodies", "Externe Stelle", errors);
    }
    List<String> managers = file.managers() == null ? List.of() : file.managers();
    for (int i = 0; i < managers.size(); i++) {
      if (!directory.groupExists(managers.get(i))) {
        errors.add("managers[" + i + "]", "unbekannte Gruppe „" + managers.get(i) + "“");
      }
    }
    if (!offices.contains(file.coordinatingOffice())) {
      errors.add("coordinatingOffice", "„" + file.coordinatingOffice() + "“ ist nicht unter offices aufgeführt");
    }
    for (int i = 0; i < file.measures().size(); i++) {
      MeasureEntry measure = file.measures().get(i);
      String at = "measures[" + i + "]";
      if (Measure.businessKeyOf(file.code(), measure.code()).length() > 40) {
        errors.add(at + ".code", "ergibt zusammen mit dem Programmcode ein zu langes Kennzeichen (höchstens 40 Zeichen)");
      }
      if (!fields.contains(measure.fieldOfAction())) {
        errors.add(at + ".fieldOfAction", "unbekanntes Handlungsfeld „" + measure.fieldOfAction() + "“");
      }
      if (status(measure.status()) == null) {
        errors.add(at + ".status", "„" + measure.status() + "“ ist kein Status; erlaubt sind planned, ongoing, done");
      }
      for (int j = 0; j < measure.leadOffices().size(); j++) {
        if (!offices.contains(measure.leadOffices().get(j))) {
          errors.add(at + ".leadOffices[" + j + "]", "unbekannte Stelle „" + measure.leadOffices().get(j) + "“");
        }
      }
      if (measure.history() != null) {
        checkHistory(measure, at + ".history", offices, errors);
      }
    }
  }

  private void checkHistory(MeasureEntry measure, String at, Set<String> offices, Errors errors) {
    History history = measure.history();
    TalkEntry talk = history.talk();
    if ("done".equals(measure.status())) {
      errors.add(at, "eine abgeschlossene Maßnahme (status: done) hat keinen Verlauf in Phase I");
      return;
    }
    if (talk == null) {
      if (history.protocol() != null || history.indicators() != null) {
        errors.add(at, "Protokoll und Indikatoren setzen ein Gespräch (talk) voraus");
      }
      return;
    }
    Set<String> participants = new HashSet<>();
    for (int k = 0; k < talk.participants().size(); k++) {
      String userId = talk.participants().get(k);
      if (!participants.add(userId)) {
        errors.add(at + ".talk.participants[" + k + "]", "„" + userId + "“ ist doppelt genannt");
      } else if (directory.user(userId).isEmpty()) {
        errors.add(at + ".talk.participants[" + k + "]", "unbekannte Person „" + userId + "“ (kein Benutzerkonto)");
      }
    }
    if (talk.heldOn() == null) {
      if (talk.approach() != null || talk.taskAreas() != null || talk.dataAgreements() != null || history.protocol() != null) {
        errors.add(at + ".talk", "Vorgehensweise, Aufgabenbereiche, Datenvereinbarungen und Protokoll setzen ein stattgefundenes Gespräch (heldOn) voraus");
      }
      return;
    }
    if (history.protocol() == null) {
      errors.add(at + ".talk", "zu einem stattgefundenen Gespräch gehört ein Protokoll (protocol)");
    }
    if (talk.heldOn().isBefore(talk.scheduledFor().minusYears(1))) {
      errors.add(at + ".talk.heldOn", "liegt mehr als ein Jahr vor dem geplanten Termin");
    }
    if (talk.approach() == null || talk.approach().isBlank()) {
      errors.add(at + ".talk.approach", "fehlt (Vorgehensweise eines stattgefundenen Gesprächs)");
    }
    List<ProgrammeFile.TaskAreaEntry> taskAreas = talk.taskAreas() == null ? List.of() : talk.taskAreas();
    for (int k = 0; k < taskAreas.size(); k++) {
      if (!offices.contains(taskAreas.get(k).office())) {
        errors.add(at + ".talk.taskAreas[" + k + "].office", "unbekannte Stelle „" + taskAreas.get(k).office() + "“");
      }
    }
    List<DataAgreementEntry> agreements = talk.dataAgreements() == null ? List.of() : talk.dataAgreements();
    for (int k = 0; k < agreements.size(); k++) {
      DataAgreementEntry agreement = agreements.get(k);
      if (!offices.contains(agreement.office())) {
        errors.add(at + ".talk.dataAgreements[" + k + "].office", "unbekannte Stelle „" + agreement.office() + "“");
      }
      if (Frequency.parse(agreement.frequency()) == null && Frequency.parseCycle(agreement.frequency()) == null) {
        errors.add(at + ".talk.dataAgreements[" + k + "].frequency", "„" + agreement.frequency()
            + "“ ist kein Lieferrhythmus; erlaubt sind MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY oder ein ISO-8601-Zeitraum wie P2M");
      }
      if (agreement.source() != null && !agreement.source().strip().matches("https?://\\S+")) {
        errors.add(at + ".talk.dataAgreements[" + k + "].source", "„" + agreement.source() + "“ ist keine http(s)-Adresse");
      }
      if (agreement.sourceFormat() != null && SourceFormat.parse(agreement.sourceFormat()) == null) {
        errors.add(at + ".talk.dataAgreements[" + k + "].sourceFormat", "„" + agreement.sourceFormat()
            + "“ ist kein Format; erlaubt sind CSV und JSON");
      }
    }
    boolean signedByAll = false;
    if (history.protocol() != null) {
      List<SignatureEntry> signatures = history.protocol().signatures() == null ? List.of() : history.protocol().signatures();
      Set<String> signed = new HashSet<>();
      for (int k = 0; k < signatures.size(); k++) {
        SignatureEntry signature = signatures.get(k);
        String sat = at + ".protocol.signatures[" + k + "]";
        if (!participants.contains(signature.participant())) {
          errors.add(sat + ".participant", "„" + signature.participant() + "“ hat nicht am Gespräch teilgenommen");
        } else if (!signed.add(signature.participant())) {
          errors.add(sat + ".participant", "„" + signature.participant() + "“ hat bereits unterzeichnet");
        }
        if (signature.signedOn().isBefore(talk.heldOn())) {
          errors.add(sat + ".signedOn", "liegt vor dem Gespräch (" + talk.heldOn() + ")");
        }
      }
      signedByAll = signed.containsAll(participants);
    }
    List<IndicatorEntry> indicators = history.indicators() == null ? List.of() : history.indicators();
    if (!indicators.isEmpty() && !signedByAll) {
      errors.add(at + ".indicators", "Indikatoren setzen ein von allen unterzeichnetes Protokoll voraus");
    }
    Set<String> names = new HashSet<>();
    for (int k = 0; k < indicators.size(); k++) {
      if (!offices.contains(indicators.get(k).sourceOffice())) {
        errors.add(at + ".indicators[" + k + "].sourceOffice", "unbekannte Stelle „" + indicators.get(k).sourceOffice() + "“");
      }
      if (indicators.get(k).type() != null && ValueType.parse(indicators.get(k).type()) == null) {
        errors.add(at + ".indicators[" + k + "].type", "„" + indicators.get(k).type()
            + "“ ist kein Werttyp; erlaubt sind NUMBER, PERCENT, COUNT, TEXT");
      }
      if (!names.add(indicators.get(k).name().toLowerCase(Locale.ROOT))) {
        errors.add(at + ".indicators[" + k + "].name", "der Indikator „" + indicators.get(k).name() + "“ ist doppelt genannt");
      }
    }
  }

  static MeasureStatus status(String value) {
    if (value == null) {
      return null;
    }
    return switch (value.strip()) {
      case "planned" -> MeasureStatus.PLANNED;
      case "ongoing" -> MeasureStatus.ONGOING;
      case "done" -> MeasureStatus.DONE;
      default -> null;
    };
  }

  private static <T> Set<String> unique(List<T> items, Function<T, String> code, String at, String what, Errors errors) {
    Set<String> seen = new HashSet<>();
    for (int i = 0; i < items.size(); i++) {
      String value = code.apply(items.get(i));
      if (!seen.add(value)) {
        errors.add(at + "[" + i + "].code", what + " „" + value + "“ ist doppelt aufgeführt");
      }
    }
    return seen;
  }

  /** Bean Validation writes {@code leadOffices[0].<list element>}; the file knows {@code leadOffices[0]}. */
  private static String fieldPath(String propertyPath) {
    return propertyPath.replace(".<list element>", "").replace("<list element>", "");
  }

  private static final class Errors {
    private final SourceLines lines;
    private final List<ImportError> errors = new ArrayList<>();

    Errors(SourceLines lines) {
      this.lines = lines;
    }

    void add(String path, String message) {
      errors.add(new ImportError(lines.lineOf(path), path, message));
    }

    boolean isEmpty() {
      return errors.isEmpty();
    }

    List<ImportError> sorted() {
      return errors.stream()
          .sorted(Comparator.comparing((ImportError e) -> e.line() == null ? Integer.MAX_VALUE : e.line())
              .thenComparing(ImportError::field))
          .collect(Collectors.toList());
    }
  }
}
