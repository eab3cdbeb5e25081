package de.umsetzungsmonitor.reporting;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** German dates for the overview pages (the JSON keeps ISO 8601). */
public final class PageFormat {

  public static final PageFormat GERMAN = new PageFormat();

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
  private static final DateTimeFormatter LONG_DATE = DateTimeFormatter.ofPattern("d. MMMM yyyy", Locale.GERMANY);
  private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("dd.MM.yyyy, HH:mm 'Uhr'", Locale.GERMANY);

  private PageFormat() {}

  public String date(LocalDate date) {
    return date == null ? "–" : DATE.format(date);
  }

  /** "21. September 2018", as a report's "Stand" reads. */
  public String longDate(LocalDate date) {
    return date == null ? "–" : LONG_DATE.format(date);
  }

  public String dateTime(Instant instant) {
    return instant == null ? "–" : DATE_TIME.format(instant.atZone(BERLIN));
  }

  /** The CSS class of a completeness badge, e.g. {@code badge-overdue}. */
  public String badge(String completeness) {
    return "badge badge-" + completeness.toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
