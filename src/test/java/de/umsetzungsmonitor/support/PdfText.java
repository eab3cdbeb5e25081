package de.umsetzungsmonitor.support;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.pdfbox.text.TextPosition;

/**
 * A PDF opened with PDFBox: its text, page count, and which stretches of text are set in an
 * italic font (the font's name says Italic or Oblique), for checking what a report marks as pending.
 */
public final class PdfText {

  private final String text;
  private final String italic;
  private final int pages;
  private final String title;
  private final java.util.Set<String> fonts;

  private PdfText(String text, String italic, int pages, String title, java.util.Set<String> fonts) {
    this.text = text;
    this.italic = italic;
    this.pages = pages;
    this.title = title;
    this.fonts = fonts;
  }

  public static PdfText of(byte[] pdf) {
    try (PDDocument document = Loader.loadPDF(pdf)) {
      List<String> italicRuns = new ArrayList<>();
      PDFTextStripper stripper = new PDFTextStripper() {
        @Override
        protected void writeString(String string, List<TextPosition> positions) throws IOException {
          StringBuilder run = new StringBuilder();
          for (TextPosition position : positions) {
            String font = position.getFont().getName();
            if (font != null && (font.contains("Italic") || font.contains("Oblique"))) {
              run.append(position.getUnicode());
            } else if (!run.isEmpty()) {
              italicRuns.add(run.toString());
              run.setLength(0);
            }
          }
          if (!run.isEmpty()) {
            italicRuns.add(run.toString());
          }
          super.writeString(string, positions);
        }
      };
      stripper.setSortByPosition(false);
      StringWriter out = new StringWriter();
      stripper.writeText(document, out);
      java.util.Set<String> fonts = new java.util.TreeSet<>();
      for (org.apache.pdfbox.pdmodel.PDPage page : document.getPages()) {
        for (org.apache.pdfbox.cos.COSName name : page.getResources().getFontNames()) {
          org.apache.pdfbox.pdmodel.font.PDFont font = page.getResources().getFont(name);
          fonts.add(font.getName() + (font.isEmbedded() ? "" : " (not embedded)"));
        }
      }
      return new PdfText(out.toString(), String.join("\n", italicRuns), document.getNumberOfPages(),
          document.getDocumentInformation().getTitle(), fonts);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * All text, line breaks of the layout collapsed to spaces; a word the layout broke after its
   * hyphen ("Fritsch-" / "Kaserne") is joined again.
   */
  public String text() {
    return text.replaceAll("(\\p{L})-\\s*\\R\\s*(\\p{L})", "$1-$2").replaceAll("\\s+", " ");
  }

  /** Only the text set in italics, each italic stretch on a line of its own (within a line, collapsed). */
  public String italic() {
    return italic.replaceAll("[ \\t]+", " ");
  }

  /** The italic text with line breaks collapsed, for phrases that wrap. */
  public String italicFlowing() {
    return italic.replaceAll("(\\p{L})-\\s*\\R\\s*(\\p{L})", "$1-$2").replaceAll("\\s+", " ");
  }

  public int pages() {
    return pages;
  }

  /** The names of the fonts on the pages; a font not embedded says so in brackets. */
  public java.util.Set<String> fonts() {
    return fonts;
  }

  public String title() {
    return title;
  }
}
