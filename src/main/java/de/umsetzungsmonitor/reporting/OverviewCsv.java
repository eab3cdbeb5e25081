package de.umsetzungsmonitor.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import de.umsetzungsmonitor.reporting.ImplementationOverview.MeasureRow;
import de.umsetzungsmonitor.reporting.ImplementationOverview.OfficeName;
import de.umsetzungsmonitor.reporting.ImplementationOverview.Overview;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The overview as a CSV file the way German spreadsheet programs open it: UTF-8 with a byte order
 * mark, semicolons between columns, German dates, one row per measure with the page's columns.
 * A cell that a spreadsheet would take as a formula ({@code =}, {@code +}, {@code -}, {@code @})
 * gets a leading apostrophe, so an exported text cannot run as one.
 */
@Component
class OverviewCsv {

  static final List<String> COLUMNS = List.of("Programm", "Maßnahme", "Text", "Handlungsfeld", "Phase",
      "Aktueller Schritt", "Federführende Stelle", "Gesprächstermin", "Vorgehensweise", "Bemerkungen", "Protokoll",
      "Noch nicht unterzeichnet", "Nächste Lieferung fällig", "Nächste Lieferung", "Überfällig");

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final CsvMapper mapper = new CsvMapper();

  byte[] of(Overview view) {
    CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(';').withLineSeparator("\r\n");
    List<List<String>> lines = new ArrayList<>();
    lines.add(COLUMNS);
    for (MeasureRow row : view.rows()) {
      lines.add(line(row).stream().map(OverviewCsv::defused).toList());
    }
    try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      out.write(BOM);
      out.write(mapper.writer(schema).writeValueAsString(lines).getBytes(StandardCharsets.UTF_8));
      return out.toByteArray();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("CSV export failed", e);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static List<String> line(MeasureRow row) {
    PageFormat format = PageFormat.GERMAN;
    return List.of(row.programmeTitle(), row.code(), row.text(), row.fieldOfAction(), row.phaseLabel(),
        String.join(", ", row.currentSteps()),
        row.leadOffices().stream().map(OfficeName::name).collect(Collectors.joining(", ")),
        row.talkDate() == null ? "" : format.date(row.talkDate()),
        nullToEmpty(row.approach()), nullToEmpty(row.remarks()),
        row.protocol().label() + (row.protocol().version() == null ? "" : " (Fassung " + row.protocol().version() + ")"),
        String.join(", ", row.protocol().missingSignatories()),
        row.nextDelivery() == null ? "" : format.date(row.nextDelivery().dueDate()),
        row.nextDelivery() == null ? "" : row.nextDelivery().periodLabel() + " (" + row.nextDelivery().office() + ")",
        String.join("; ", row.overdueItems()));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  static String defused(String cell) {
    return !cell.isEmpty() && "=+-@\t\r".indexOf(cell.charAt(0)) >= 0 ? "'" + cell : cell;
  }
}
