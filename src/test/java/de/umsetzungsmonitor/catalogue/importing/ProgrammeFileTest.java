package de.umsetzungsmonitor.catalogue.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.security.Directory;
import jakarta.validation.Validation;
import jakarta.validation.ValidatorFactory;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Reading and checking programme files, without database or engine. */
class ProgrammeFileTest {

  private static final ValidatorFactory VALIDATION = Validation.buildDefaultValidatorFactory();
  private static final Set<String> KNOWN_USERS = Set.of("abecker", "kschneider", "jwagner", "jmueller", "tschmitt",
      "mfischer", "lweber", "shoffmann", "pkoch", "nrichter", "dklein");

  private final ProgrammeFileReader reader = new ProgrammeFileReader();
  private final Directory directory = mock(Directory.class);
  private final ProgrammeFileValidator validator = new ProgrammeFileValidator(VALIDATION.getValidator(), directory);

  private static final String MINIMAL = """
      code: TEST1
      title: Testprogramm
      committee: Sozialausschuss
      coordinatingOffice: sozialplanung
      offices:
        - code: sozialplanung
          name: Fachstelle Sozialplanung
        - code: jugendamt
          name: Jugendamt
      fieldsOfAction:
        - code: PFL
          name: Pflege
      measures:
        - code: M 11
          fieldOfAction: PFL
          text: Eine Maßnahme
          status: ongoing
          leadOffices: [jugendamt]
      """;

  @BeforeEach
  void knownUsers() {
    when(directory.user(anyString())).thenAnswer(call -> KNOWN_USERS.contains(call.<String>getArgument(0))
        ? Optional.of(mock(User.class)) : Optional.empty());
    when(directory.groupExists("managers")).thenReturn(true);
  }

  @AfterAll
  static void close() {
    VALIDATION.close();
  }

  @Test
  void shippedProgrammes_areValid() throws IOException {
    for (String file : List.of("programmes/soziale-lage-2015.yaml", "programmes/bildungsbuero.yaml")) {
      String content = Files.readString(Path.of(file), StandardCharsets.UTF_8);
      assertThat(validator.validate(reader.read(content), content)).as(file).isEmpty();
    }
  }

  @Test
  void socialReport_carriesTheSeedsState() throws IOException {
    ProgrammeFile file = reader.read(Files.readString(Path.of("programmes/soziale-lage-2015.yaml")));
    assertThat(file.measures()).extracting(ProgrammeFile.MeasureEntry::code).containsExactly(
        "M 11", "M 12", "M 13", "M 14", "M 21", "M 22", "M 23", "M 24", "M 31", "M 32", "M 33", "M 41", "M 42", "M 43");
    assertThat(file.measures()).filteredOn(m -> m.history() != null && m.history().talk() != null)
        .extracting(ProgrammeFile.MeasureEntry::code)
        .containsExactlyInAnyOrder("M 11", "M 14", "M 21", "M 22", "M 23", "M 24", "M 31", "M 32", "M 33", "M 41", "M 42", "M 43");
    ProgrammeFile.MeasureEntry m23 = file.measures().stream().filter(m -> m.code().equals("M 23")).findFirst().orElseThrow();
    assertThat(m23.history().talk().approach()).isEqualTo("Bestandsanalyse");
    assertThat(m23.history().talk().remarks()).contains("Zuständigkeit der Umsetzung liegt beim Land");
  }

  @Test
  void minimalFile_isValid() {
    assertThat(validator.validate(reader.read(MINIMAL), MINIMAL)).isEmpty();
  }

  @Test
  void unknownField_isNamedWithItsLine() {
    String content = MINIMAL.replace("    status: ongoing", "    status: ongoing\n    colour: blau");
    assertThatThrownBy(() -> reader.read(content))
        .isInstanceOfSatisfying(ProgrammeImportException.class, e -> assertThat(e.getErrors()).singleElement()
            .satisfies(error -> {
              assertThat(error.line()).isEqualTo(18);
              assertThat(error.field()).isEqualTo("measures[0].colour");
              assertThat(error.message()).isEqualTo("unbekanntes Feld „colour“");
            }));
  }

  @Test
  void invalidDate_isNamedWithItsLine() {
    String content = MINIMAL.replace("    status: ongoing", "    status: ongoing\n    deadline: 31.04.2019");
    assertThatThrownBy(() -> reader.read(content))
        .isInstanceOfSatisfying(ProgrammeImportException.class, e -> {
          ImportError error = e.getErrors().get(0);
          assertThat(error.line()).isEqualTo(18);
          assertThat(error.field()).isEqualTo("measures[0].deadline");
          assertThat(error.message()).contains("31.04.2019").contains("Datum JJJJ-MM-TT");
        });
  }

  @Test
  void brokenYaml_isRefusedWithItsLine() {
    String content = MINIMAL.replace("  - code: M 11", "  - code: [M 11");
    assertThatThrownBy(() -> reader.read(content))
        .isInstanceOfSatisfying(ProgrammeImportException.class, e -> {
          assertThat(e.getErrors().get(0).line()).isNotNull();
          assertThat(e.getMessage()).contains("nichts wurde gespeichert");
        });
  }

  @Test
  void emptyAndOversizedFiles_areRefused() {
    assertThatThrownBy(() -> reader.read("  ")).hasMessageContaining("Die Datei ist leer");
    assertThatThrownBy(() -> reader.read("code: X\n" + "#".repeat(ProgrammeFileReader.MAX_LENGTH)))
        .hasMessageContaining("zu groß");
  }

  @Test
  void unknownManagerGroup_isRefused() {
    String content = MINIMAL.replace("coordinatingOffice: sozialplanung", "coordinatingOffice: sozialplanung\nmanagers: [managers, dezernat-x]");
    assertThat(validator.validate(reader.read(content), content)).extracting(ImportError::describe)
        .containsExactly("Zeile 5, Feld managers[1]: unbekannte Gruppe „dezernat-x“");
  }

  @Test
  void json_isReadToo() {
    String json = """
        {"code": "TEST2", "title": "T", "committee": "A", "coordinatingOffice": "a1",
         "offices": [{"code": "a1", "name": "Amt"}], "fieldsOfAction": [{"code": "F", "name": "Feld"}],
         "measures": [{"code": "1", "fieldOfAction": "F", "text": "x", "status": "planned", "leadOffices": ["a1"]}]}
        """;
    assertThat(validator.validate(reader.read(json), json)).isEmpty();
  }

  @Test
  void references_areCheckedAllAtOnce_withLines() {
    String content = MINIMAL
        .replace("coordinatingOffice: sozialplanung", "coordinatingOffice: bauamt")
        .replace("leadOffices: [jugendamt]", "leadOffices: [jugendamt, ordnungsamt]")
        .replace("status: ongoing", "status: laufend");
    List<ImportError> errors = validator.validate(reader.read(content), content);
    assertThat(errors).extracting(ImportError::describe).containsExactly(
        "Zeile 4, Feld coordinatingOffice: „bauamt“ ist nicht unter offices aufgeführt",
        "Zeile 17, Feld measures[0].status: „laufend“ ist kein Status; erlaubt sind planned, ongoing, done",
        "Zeile 18, Feld measures[0].leadOffices[1]: unbekannte Stelle „ordnungsamt“");
  }

  @Test
  void missingFields_areNamedInGerman() {
    String content = MINIMAL.replace("    text: Eine Maßnahme\n", "").replace("title: Testprogramm", "title: ''");
    List<ImportError> errors = validator.validate(reader.read(content), content);
    assertThat(errors).extracting(ImportError::field, ImportError::message).containsExactlyInAnyOrder(
        org.assertj.core.groups.Tuple.tuple("title", "fehlt"),
        org.assertj.core.groups.Tuple.tuple("measures[0].text", "fehlt"));
  }

  @Test
  void history_mustBeConsistent() {
    String content = MINIMAL + """
            history:
              talk:
                scheduledFor: 2018-09-20
                heldOn: 2018-09-20
                participants: [abecker, niemand]
                approach: Befragung
              protocol:
                text: Protokoll
                signatures:
                  - { participant: jmueller, signedOn: 2018-09-19 }
              indicators:
                - { name: I, definition: D, unit: Anzahl, sourceOffice: jugendamt }
        """;
    List<ImportError> errors = validator.validate(reader.read(content), content);
    assertThat(errors).extracting(ImportError::describe).containsExactly(
        "Zeile 23, Feld measures[0].history.talk.participants[1]: unbekannte Person „niemand“ (kein Benutzerkonto)",
        "Zeile 28, Feld measures[0].history.protocol.signatures[0].participant: „jmueller“ hat nicht am Gespräch teilgenommen",
        "Zeile 28, Feld measures[0].history.protocol.signatures[0].signedOn: liegt vor dem Gespräch (2018-09-20)",
        "Zeile 30, Feld measures[0].history.indicators: Indikatoren setzen ein von allen unterzeichnetes Protokoll voraus");
  }
}
