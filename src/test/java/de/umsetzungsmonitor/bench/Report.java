package de.umsetzungsmonitor.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The figures of one benchmark run, each beside its baseline; printed and written to target/benchmarks/. */
final class Report {

  private final List<String> lines = new ArrayList<>();

  void section(String title) {
    lines.add("");
    lines.add("### " + title);
    lines.add("");
    lines.add("| figure | application | baseline | ratio |");
    lines.add("| --- | --- | --- | --- |");
  }

  /** A figure with its baseline and their ratio (application / baseline). */
  void figure(String label, double value, double baseline, String unit) {
    lines.add(String.format(Locale.ROOT, "| %s | %s | %s | %s |", label, format(value, unit), format(baseline, unit),
        Double.isNaN(baseline) || baseline == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / baseline)));
    System.out.printf(Locale.ROOT, "[bench] %s: %s (baseline %s)%n", label, format(value, unit), format(baseline, unit));
  }

  void note(String text) {
    lines.add("");
    lines.add(text);
    System.out.println("[bench] " + text);
  }

  private static String format(double value, String unit) {
    if (Double.isNaN(value)) {
      return "–";
    }
    String number = Math.abs(value) >= 100 ? String.format(Locale.ROOT, "%,.0f", value)
        : String.format(Locale.ROOT, "%.2f", value);
    return unit.isEmpty() ? number : number + " " + unit;
  }

  void write(String header) {
    StringBuilder text = new StringBuilder(header).append('\n');
    lines.forEach(line -> text.append(line).append('\n'));
    System.out.println(text);
    try {
      Path file = Path.of("target", "benchmarks", "report.md");
      Files.createDirectories(file.getParent());
      Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
