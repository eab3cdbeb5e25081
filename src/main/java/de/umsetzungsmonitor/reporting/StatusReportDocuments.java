package de.umsetzungsmonitor.reporting;

import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import de.umsetzungsmonitor.reporting.StatusReport.ChangeGroup;
import de.umsetzungsmonitor.reporting.StatusReport.ExternalBodyEntry;
import de.umsetzungsmonitor.reporting.StatusReport.IndicatorEntry;
import de.umsetzungsmonitor.reporting.StatusReport.MeasureEntry;
import de.umsetzungsmonitor.reporting.StatusReport.Step;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.List;
import org.apache.poi.xwpf.usermodel.ParagraphAlignment;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.apache.poi.xwpf.usermodel.XWPFParagraph;
import org.apache.poi.xwpf.usermodel.XWPFRun;
import org.apache.poi.xwpf.usermodel.XWPFStyles;
import org.apache.poi.xwpf.usermodel.XWPFTable;
import org.apache.poi.xwpf.usermodel.XWPFTableCell;
import org.apache.poi.xwpf.usermodel.XWPFTableRow;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTFonts;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTRPr;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.CTStyle;
import org.openxmlformats.schemas.wordprocessingml.x2006.main.STStyleType;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The status report as documents: HTML (one self-contained page), PDF (that page on A4, fonts
 * embedded, tagged as PDF/UA for screen readers) and DOCX (headings as Word heading styles, so
 * the office can paste it into the council information system's template). Pending steps are set
 * in italics in all three.
 */
@Component
public class StatusReportDocuments {

  /** The embedded font (Liberation Sans, SIL Open Font License), metric-compatible with Arial. */
  static final String FONT_FAMILY = "Liberation Sans";

  public static final String PDF = "application/pdf";
  public static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
  public static final String HTML = "text/html;charset=UTF-8";

  private final ITemplateEngine templates;

  public StatusReportDocuments(ITemplateEngine templates) {
    this.templates = templates;
  }

  /** The report as one HTML document (UTF-8), the same the PDF is printed from. */
  public String html(StatusReport report) {
    Context context = new Context(java.util.Locale.GERMANY);
    context.setVariable("report", report);
    context.setVariable("format", PageFormat.GERMAN);
    return templates.process("berichte/statusbericht", context);
  }

  public byte[] pdf(StatusReport report) {
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      PdfRendererBuilder builder = new PdfRendererBuilder();
      builder.useFastMode();
      builder.usePdfUaAccessibility(true);
      builder.useFont(() -> font("LiberationSans-Regular.ttf"), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font("LiberationSans-Bold.ttf"), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.NORMAL, true);
      builder.useFont(() -> font("LiberationSans-Italic.ttf"), FONT_FAMILY, 400, PdfRendererBuilder.FontStyle.ITALIC, true);
      builder.useFont(() -> font("LiberationSans-BoldItalic.ttf"), FONT_FAMILY, 700, PdfRendererBuilder.FontStyle.ITALIC, true);
      builder.withHtmlContent(html(report), null);
      builder.toStream(out);
      builder.run();
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("PDF of the status report failed", e);
    }
  }

  public byte[] docx(StatusReport report) {
    try (XWPFDocument doc = new XWPFDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      doc.getProperties().getCoreProperties().setTitle(report.title());
      doc.getProperties().getCoreProperties().setCreator(report.coordinatingOffice());
      doc.getProperties().getCoreProperties().setSubjectProperty(
          "Stand der Umsetzung zum " + PageFormat.GERMAN.longDate(report.asOf()));
      headingStyles(doc);
      PageFormat format = PageFormat.GERMAN;

      heading(doc, "Title", report.title());
      XWPFParagraph stand = doc.createParagraph();
      run(stand, "Stand: " + format.longDate(report.asOf()), false).setBold(true);
      if (report.briefing() != null) {
        text(doc, "Unterrichtung des Ausschusses: " + report.briefing().committee() + " (" + report.briefing().businessKey() + ")");
      }
      report.introduction().forEach(p -> text(doc, p));
      if (report.fundingNote() != null) {
        text(doc, report.fundingNote());
      }
      XWPFParagraph legend = doc.createParagraph();
      run(legend, "Kursiv", true);
      run(legend, ": die noch ausstehenden Schritte in der Bearbeitung der Handlungsempfehlungen", false);

      heading(doc, "Heading1", "Umsetzungsphase I");
      if (report.measuresWithTalk().isEmpty()) {
        pending(doc, "In Umsetzungsphase I, die verwaltungsintern erfolgt und deren Ziel es ist, eine erste Bestandsaufnahme"
            + " zu realisieren, haben bis zum " + format.longDate(report.asOf()) + " noch keine Besprechungen stattgefunden.");
      } else {
        text(doc, "In Umsetzungsphase I, die verwaltungsintern erfolgt und deren Ziel es ist, eine erste Bestandsaufnahme"
            + " zu realisieren, haben folgende Besprechungen (Stand: " + format.longDate(report.asOf()) + ") stattgefunden:");
      }
      XWPFTable measures = table(doc, List.of("Maßnahmen-Nr. und Bezeichnung der Maßnahme", "Termin", "Vorgehensweise",
          "Stand und ausstehende Schritte"), new int[] {3400, 1200, 2200, 2800});
      for (MeasureEntry m : report.measures()) {
        XWPFTableRow row = measures.createRow();
        XWPFParagraph first = cell(row, 0);
        run(first, m.code(), false).setBold(true);
        run(first, ", „" + m.text() + "“", false);
        if (m.talkHeld()) {
          run(cell(row, 1), format.date(m.talkHeldOn()), false);
          run(cell(row, 2), m.approachWithRemarks(), false);
        } else {
          run(cell(row, 1), m.pendingTalkText(), true);
          run(cell(row, 2), "wird im Gespräch festgelegt", true);
        }
        XWPFTableCell steps = row.getCell(3);
        boolean firstStep = true;
        for (Step step : m.steps()) {
          XWPFParagraph p = firstStep ? steps.getParagraphs().get(0) : steps.addParagraph();
          firstStep = false;
          run(p, "– " + step.text(), step.pending());
        }
      }
      report.openItems().stream().filter(item -> item.startsWith("Die Gespräche") || item.startsWith("Das Gespräch"))
          .forEach(item -> pending(doc, "Hinweis: " + item));

      heading(doc, "Heading1", "Indikatoren und Datenlieferungen");
      text(doc, "Für jede Maßnahme wird festgelegt, welche Daten und Informationen nötig sind, um zu beobachten, wie sich"
          + " die einzelnen Felder entwickeln. Die vereinbarten Daten werden regelmäßig übermittelt, sodass eine"
          + " kontinuierliche Beobachtung der Indikatorenentwicklung ermöglicht wird.");
      if (report.measuresWithIndicators().isEmpty()) {
        pending(doc, "Die Indikatoren werden von der " + report.coordinatingOffice() + " noch konkretisiert.");
      }
      for (MeasureEntry m : report.measuresWithIndicators()) {
        heading(doc, "Heading2", m.code() + ": Indikatoren");
        XWPFTable indicators = table(doc, List.of("Indikator", "Letzter angenommener Wert", "liefert",
            "Vollständigkeit der Lieferungen"), new int[] {3000, 2200, 2200, 2200});
        for (IndicatorEntry i : m.indicators()) {
          XWPFTableRow row = indicators.createRow();
          run(cell(row, 0), i.name(), false);
          if (i.latestValue() == null) {
            run(cell(row, 1), "noch kein Wert", true);
          } else {
            run(cell(row, 1), i.latestValue() + " (" + i.latestPeriod() + ")", false);
          }
          run(cell(row, 2), i.sourceOffice(), false);
          run(cell(row, 3), i.completeness(), false);
        }
      }

      heading(doc, "Heading1", "Noch ausstehend");
      if (report.openItems().isEmpty()) {
        text(doc, "Zum Stand dieses Berichts steht nichts mehr aus.");
      }
      report.openItems().forEach(item -> pending(doc, "• " + item));

      heading(doc, "Heading1", "Umsetzungsphase II");
      if (report.phaseTwo().opened()) {
        text(doc, report.phaseTwo().text());
      } else {
        pending(doc, report.phaseTwo().text());
      }
      if (!report.measuresWithExternalBodies().isEmpty()) {
        XWPFTable bodies = table(doc, List.of("Maßnahme", "Externe Stelle", "Stand"), new int[] {2000, 4600, 3000});
        for (MeasureEntry m : report.measuresWithExternalBodies()) {
          boolean first = true;
          for (ExternalBodyEntry body : m.externalBodies()) {
            XWPFTableRow row = bodies.createRow();
            run(cell(row, 0), first ? m.code() : "", false);
            run(cell(row, 1), body.name(), false);
            run(cell(row, 2), body.state(), !body.ended());
            first = false;
          }
        }
      }
      if (!report.notices().isEmpty()) {
        heading(doc, "Heading1", "Mitteilungen an den Ausschuss");
        text(doc, "Über die Hinzuziehung externer Stellen und jede Änderung wird der Ausschuss informiert:");
        for (StatusReport.Notice notice : report.notices()) {
          heading(doc, "Heading2", "Mitteilung vom " + format.dateTime(notice.createdAt()));
          notice.lines().forEach(line -> text(doc, line));
        }
      }

      if (report.changes() != null) {
        heading(doc, "Heading1", "Veränderungen seit der letzten Unterrichtung");
        if (report.changes().first()) {
          text(doc, "Dies ist die erste Unterrichtung des Ausschusses über dieses Programm im Umsetzungsmonitor;"
              + " es gibt keinen früheren Stand zum Vergleich.");
        } else {
          text(doc, "Verglichen mit dem Stand vom " + format.date(report.changes().previousAsOf()) + ", über den der Ausschuss"
              + (report.changes().previousHeldOn() == null ? "" : " am " + format.date(report.changes().previousHeldOn()))
              + " unterrichtet wurde (" + report.changes().previousBusinessKey() + "):");
          if (report.changes().none()) {
            text(doc, "Seitdem hat sich nichts verändert.");
          }
          for (ChangeGroup group : report.changes().groups()) {
            heading(doc, "Heading2", group.title());
            group.items().forEach(item -> text(doc, "• " + item));
          }
        }
      }
      if (report.briefing() != null && !report.briefing().outlookParagraphs().isEmpty()) {
        heading(doc, "Heading1", "Ausblick");
        report.briefing().outlookParagraphs().forEach(p -> text(doc, p));
      }
      XWPFParagraph footer = doc.createParagraph();
      footer.setSpacingBefore(240);
      run(footer, report.programmeCode() + " · Stand der Daten: " + format.date(report.asOf()) + " · erstellt am "
          + format.dateTime(report.generatedAt()), false).setFontSize(8);
      doc.write(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("DOCX of the status report failed", e);
    }
  }

  private static InputStream font(String file) {
    try {
      return new ClassPathResource("fonts/" + file).getInputStream();
    } catch (IOException e) {
      throw new UncheckedIOException("Font " + file + " missing", e);
    }
  }

  /** Word's built-in heading styles, so the headings keep their level when pasted into a template. */
  private static void headingStyles(XWPFDocument doc) {
    XWPFStyles styles = doc.createStyles();
    addStyle(styles, "Title", "Title", 0, 32);
    addStyle(styles, "Heading1", "heading 1", 1, 26);
    addStyle(styles, "Heading2", "heading 2", 2, 22);
  }

  private static void addStyle(XWPFStyles styles, String id, String name, int level, int halfPoints) {
    CTStyle style = CTStyle.Factory.newInstance();
    style.setStyleId(id);
    style.setType(STStyleType.PARAGRAPH);
    style.addNewName().setVal(name);
    style.addNewQFormat();
    style.addNewUiPriority().setVal(BigInteger.valueOf(level == 0 ? 10 : 9));
    if (level > 0) {
      style.addNewPPr().addNewOutlineLvl().setVal(BigInteger.valueOf(level - 1));
    }
    CTRPr run = style.addNewRPr();
    run.addNewB();
    run.addNewSz().setVal(BigInteger.valueOf(halfPoints));
    CTFonts fonts = run.addNewRFonts();
    fonts.setAscii("Arial");
    fonts.setHAnsi("Arial");
    styles.addStyle(new org.apache.poi.xwpf.usermodel.XWPFStyle(style));
  }

  private static void heading(XWPFDocument doc, String style, String text) {
    XWPFParagraph p = doc.createParagraph();
    p.setStyle(style);
    p.setAlignment(ParagraphAlignment.LEFT);
    p.createRun().setText(text);
  }

  private static void text(XWPFDocument doc, String text) {
    run(doc.createParagraph(), text, false);
  }

  private static void pending(XWPFDocument doc, String text) {
    run(doc.createParagraph(), text, true);
  }

  private static XWPFRun run(XWPFParagraph paragraph, String text, boolean italic) {
    XWPFRun run = paragraph.createRun();
    run.setText(text);
    run.setItalic(italic);
    run.setFontFamily("Arial");
    run.setFontSize(10);
    return run;
  }

  private static XWPFTable table(XWPFDocument doc, List<String> headers, int[] widths) {
    XWPFTable table = doc.createTable(1, headers.size());
    table.setWidth("100%");
    XWPFTableRow header = table.getRow(0);
    header.setRepeatHeader(true);
    for (int i = 0; i < headers.size(); i++) {
      header.getCell(i).setWidth(String.valueOf(widths[i]));
      run(header.getCell(i).getParagraphs().get(0), headers.get(i), false).setBold(true);
    }
    return table;
  }

  private static XWPFParagraph cell(XWPFTableRow row, int index) {
    return row.getCell(index).getParagraphs().get(0);
  }
}
