package de.umsetzungsmonitor.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.reporting.StatusReport.Briefing;
import de.umsetzungsmonitor.reporting.StatusReport.ChangeGroup;
import de.umsetzungsmonitor.reporting.StatusReport.Changes;
import de.umsetzungsmonitor.reporting.StatusReport.ExternalBodyEntry;
import de.umsetzungsmonitor.reporting.StatusReport.IndicatorEntry;
import de.umsetzungsmonitor.reporting.StatusReport.MeasureEntry;
import de.umsetzungsmonitor.reporting.StatusReport.Notice;
import de.umsetzungsmonitor.reporting.StatusReport.PhaseTwo;
import de.umsetzungsmonitor.reporting.StatusReport.Step;
import de.umsetzungsmonitor.support.PdfText;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.junit.jupiter.api.Test;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

/** The report's three documents, opened again: text, italics for pending steps, Word headings. */
class StatusReportDocumentsTest {

  private final StatusReportDocuments documents = new StatusReportDocuments(templateEngine());

  private static final StatusReport REPORT = new StatusReport("SL2015", "Bericht zur sozialen Lage 2015 in Koblenz",
      "Dokumentation über den Stand der Umsetzung der Handlungsempfehlungen aus dem Bericht zur sozialen Lage 2015 in Koblenz",
      "Sozialausschuss", "Fachstelle Sozialplanung/Sozialberichterstattung",
      List.of("Die Handlungsempfehlungen zielen auf eine zukunftsfähige Ausgestaltung der Pflege ab.",
          "Es gibt insgesamt 14 Maßnahmen."),
      "Alle Maßnahmen stehen unter dem Vorbehalt der Finanzierbarkeit.", LocalDate.of(2018, 9, 21),
      Instant.parse("2018-09-21T10:00:00Z"),
      List.of(
          new MeasureEntry("SL2015-M14", "M 14", "Es werden Modelle zur Kindertagesbetreuung eingerichtet.", "Pflege",
              List.of("Amt für Jugend, Familie, Senioren und Soziales"), LocalDate.of(2018, 6, 28), LocalDate.of(2018, 6, 28),
              "Befragung", null, true, true, List.of(),
              List.of(new IndicatorEntry("Plätze in Betriebskitas", "Plätze", "Amt für Jugend, Familie, Senioren und Soziales",
                  "31 Plätze", "2024", "3 von 4 fälligen Lieferungen erhalten (75,0 %)")),
              List.of("2024 (Amt für Jugend, Familie, Senioren und Soziales)"), List.of(),
              List.of(new Step("Gespräch am 28.06.2018 geführt", false), new Step("Protokoll von allen Beteiligten unterzeichnet", false),
                  new Step("Bearbeitung mit externen Stellen (Umsetzungsphase II)", true)), List.of(), null, false),
          new MeasureEntry("SL2015-M23", "M 23", "Innerhalb der Stadt Koblenz wird mehr Wohnraum für Studierende geschaffen.",
              "Wohnraum", List.of("Amt für Stadtentwicklung und Bauordnung"), LocalDate.of(2018, 9, 20), LocalDate.of(2018, 9, 20),
              "Bestandsanalyse", "Zuständigkeit der Umsetzung liegt beim Land", true, false, List.of("Markus Fischer"),
              List.of(), List.of(), List.of(),
              List.of(new Step("Gespräch am 20.09.2018 geführt", false),
                  new Step("Unterzeichnung des Protokolls durch Markus Fischer", true)),
              List.of(new ExternalBodyEntry("Koblenzer Wohnbau", "Beitrag vereinbart", false),
                  new ExternalBodyEntry("Land Rheinland-Pfalz", "Beteiligung abgeschlossen", true)), null, false),
          new MeasureEntry("SL2015-M12", "M 12", "Die Ausbildungskapazitäten in der Pflege werden ausgebaut.", "Pflege",
              List.of("Amt für Jugend, Familie, Senioren und Soziales"), null, null, null, null, false, false, List.of(),
              List.of(), List.of(), List.of(), List.of(new Step("Gespräch terminieren", true)), List.of(), null, false)),
      List.of("Das Gespräch zu M 12 steht noch aus. Es wird zurzeit terminiert.",
          "Das Protokoll zu M 23 ist noch nicht von allen Beteiligten unterzeichnet."),
      new PhaseTwo(false, null, "Umsetzungsphase II hat noch nicht begonnen."),
      List.of(new Notice(Instant.parse("2018-09-20T10:00:00Z"), "Mitteilung an den Sozialausschuss vom 20.09.2018\n"
          + "Hinzugezogen sind:\n- M 23: Koblenzer Wohnbau (Beitrag vereinbart)")),
      new Changes("SL2015_Unterrichtung_1", LocalDate.of(2018, 6, 1), LocalDate.of(2018, 6, 14),
          List.of(new ChangeGroup("Gespräche geführt", List.of("M 14: am 28.06.2018 (Vorgehensweise: Befragung)")))),
      new Briefing("SL2015_Unterrichtung_2", 2, "Sozialausschuss", "Bei der nächsten Unterrichtung wird das Monitoring vorgestellt."));

  @Test
  void pdf_printsTheTableWithTalkDatesAndApproaches_andSetsExactlyThePendingStepsInItalics() {
    PdfText pdf = PdfText.of(documents.pdf(REPORT));

    assertThat(pdf.title()).startsWith("Dokumentation über den Stand der Umsetzung");
    assertThat(pdf.fonts()).as("every font embedded (PDF/UA)").allMatch(font -> font.contains("LiberationSans")
        && !font.contains("not embedded"));
    assertThat(pdf.text()).contains("Stand: 21. September 2018", "Maßnahmen-Nr. und Bezeichnung der Maßnahme",
        "M 14", "28.06.2018", "Befragung", "Bestandsanalyse; Hinweis: Zuständigkeit der Umsetzung liegt beim Land",
        "Plätze in Betriebskitas", "31 Plätze (2024)", "Veränderungen seit der letzten Unterrichtung",
        "M 14: am 28.06.2018 (Vorgehensweise: Befragung)", "Ausblick", "Seite 1 von " + pdf.pages());
    assertThat(pdf.italicFlowing()).contains("Kursiv", "wird terminiert", "Gespräch terminieren",
        "Unterzeichnung des Protokolls durch Markus Fischer", "Das Gespräch zu M 12 steht noch aus",
        "Bearbeitung mit externen Stellen");
    assertThat(pdf.italicFlowing()).doesNotContain("Befragung", "Gespräch am 28.06.2018 geführt",
        "Protokoll von allen Beteiligten unterzeichnet", "Plätze in Betriebskitas", "Beteiligung abgeschlossen");
    // Phase II: the bodies with their state, the pending one in italics; the committee's notices
    assertThat(pdf.text()).contains("Hinzugezogene externe Stellen", "Koblenzer Wohnbau", "Land Rheinland-Pfalz",
        "Mitteilungen an den Ausschuss", "- M 23: Koblenzer Wohnbau (Beitrag vereinbart)");
    assertThat(pdf.italicFlowing()).contains("Beitrag vereinbart");
  }

  @Test
  void docx_hasWordHeadings_theTable_andItalicRunsForPendingStepsOnly() throws IOException {
    try (XWPFDocument docx = new XWPFDocument(new ByteArrayInputStream(documents.docx(REPORT)))) {
      List<String> headings = docx.getParagraphs().stream().filter(p -> "Heading1".equals(p.getStyle()))
          .map(XWPFParagraph::getText).toList();
      assertThat(headings).containsSubsequence("Umsetzungsphase I", "Indikatoren und Datenlieferungen", "Noch ausstehend",
          "Umsetzungsphase II", "Mitteilungen an den Ausschuss", "Veränderungen seit der letzten Unterrichtung", "Ausblick");
      XWPFTable measures = docx.getTables().get(0);
      assertThat(measures.getRow(0).getCell(0).getText()).isEqualTo("Maßnahmen-Nr. und Bezeichnung der Maßnahme");
      assertThat(measures.getRow(1).getCell(0).getText()).startsWith("M 14, „Es werden Modelle");
      assertThat(measures.getRow(1).getCell(1).getText()).isEqualTo("28.06.2018");
      assertThat(measures.getRow(2).getCell(2).getText()).isEqualTo("Bestandsanalyse; Hinweis: Zuständigkeit der Umsetzung liegt beim Land");

      String italic = runs(docx, true);
      String upright = runs(docx, false);
      assertThat(italic).contains("wird terminiert", "Gespräch terminieren", "Unterzeichnung des Protokolls durch Markus Fischer",
          "Das Gespräch zu M 12 steht noch aus");
      assertThat(upright).contains("Befragung", "Gespräch am 28.06.2018 geführt", "Protokoll von allen Beteiligten unterzeichnet");
      assertThat(italic).doesNotContain("Befragung", "Gespräch am 28.06.2018 geführt", "Beteiligung abgeschlossen");
      assertThat(italic).contains("Beitrag vereinbart");
      assertThat(docx.getProperties().getCoreProperties().getTitle()).startsWith("Dokumentation über den Stand");
    }
  }

  @Test
  void html_isOneSelfContainedGermanDocument() {
    String html = documents.html(REPORT);
    assertThat(html).contains("<html lang=\"de\"", "<em class=\"ausstehend\">wird terminiert</em>",
        "data-measure=\"SL2015-M12\"", "Stand: <time datetime=\"2018-09-21\">21. September 2018</time>");
    assertThat(html).doesNotContain("<script", "src=", "href=\"http", "@import", "url(");
  }

  private static String runs(XWPFDocument docx, boolean italic) {
    java.util.stream.Stream<XWPFParagraph> paragraphs = java.util.stream.Stream.concat(docx.getParagraphs().stream(),
        docx.getTables().stream().flatMap(t -> t.getRows().stream()).flatMap(r -> r.getTableCells().stream())
            .flatMap(c -> c.getParagraphs().stream()));
    return paragraphs.flatMap(p -> p.getRuns().stream()).filter(r -> r.isItalic() == italic)
        .map(XWPFRun::text).collect(Collectors.joining("\n"));
  }

  static SpringTemplateEngine templateEngine() {
    ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    SpringTemplateEngine engine = new SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }
}
