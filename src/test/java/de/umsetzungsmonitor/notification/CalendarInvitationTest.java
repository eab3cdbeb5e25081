package de.umsetzungsmonitor.notification;

import static org.assertj.core.api.Assertions.assertThat;

import de.umsetzungsmonitor.notification.CalendarInvitation.Event;
import de.umsetzungsmonitor.notification.CalendarInvitation.Person;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.Arrays;
import java.util.List;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.property.Attendee;
import org.junit.jupiter.api.Test;

/** The .ics text of an invitation: what calendars read from it, parsed back with ical4j. */
class CalendarInvitationTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final Instant STAMP = Instant.parse("2025-02-20T09:15:00Z");
  private static final Person ORGANIZER = new Person("Fachstelle Sozialplanung/Sozialberichterstattung",
      "sozialplanung@koblenz.example");
  private static final List<Person> ATTENDEES = List.of(
      new Person("Anna Becker", "abecker@koblenz.example"),
      new Person("Julia Müller", "jmueller@koblenz.example"));
  private static final String SUMMARY = "Gespräch zur Maßnahme M 12 – Bericht zur sozialen Lage 2015";
  private static final String DESCRIPTION = "Verwaltungsinternes Gespräch zur Maßnahme M 12:\n"
      + "Ausbau der Kurzzeitpflege; Bestandsaufnahme, Befragung und Monitoring der Plätze in allen Stadtteilen.\n\n"
      + "Teilnehmende: Anna Becker, Julia Müller";

  @Test
  void timedTalk_isARequestWithUidSequenceAndBerlinLocalTime_andABerlinTimeZoneDefinition() throws Exception {
    String ics = CalendarInvitation.request(timed(0, LocalDate.of(2025, 3, 4), LocalTime.of(10, 0)));

    assertThat(ics).startsWith("BEGIN:VCALENDAR\r\n").contains("\r\nMETHOD:REQUEST\r\n", "\r\nVERSION:2.0\r\n",
        "\r\nPRODID:" + CalendarInvitation.PRODUCT_ID + "\r\n", "\r\nDTSTART;TZID=Europe/Berlin:20250304T100000\r\n",
        "\r\nDTEND;TZID=Europe/Berlin:20250304T110000\r\n", "\r\nDTSTAMP:20250220T091500Z\r\n",
        "\r\nSEQUENCE:0\r\n", "\r\nSTATUS:CONFIRMED\r\n");
    Calendar calendar = parse(ics);
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    assertThat(calendar.getComponent(Component.VTIMEZONE).orElseThrow().getProperty(Property.TZID).orElseThrow()
        .getValue()).isEqualTo("Europe/Berlin");
    VEvent event = event(calendar);
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("talk-7-SL2015-M12@umsetzungsmonitor.koblenz.example");
    assertThat(event.getSequence().getSequenceNo()).isZero();
    assertThat(berlin(event.getDateTimeStart().getDate())).isEqualTo(LocalDateTime.of(2025, 3, 4, 10, 0));
    assertThat(berlin(event.getDateTimeEnd().getDate())).isEqualTo(LocalDateTime.of(2025, 3, 4, 11, 0));
    // German texts with umlauts, commas and semicolons survive escaping; line breaks too
    assertThat(event.getSummary().getValue()).isEqualTo(SUMMARY);
    assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo(DESCRIPTION);
    assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Rathaus, Sitzungsraum 2; 2. OG");
    assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:sozialplanung@koblenz.example");
    assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getParameter(Parameter.CN).orElseThrow().getValue())
        .isEqualTo(ORGANIZER.name());
    List<Attendee> attendees = event.getProperties(Property.ATTENDEE);
    assertThat(attendees).extracting(Property::getValue)
        .containsExactly("mailto:abecker@koblenz.example", "mailto:jmueller@koblenz.example");
    assertThat(attendees.get(1).getParameter(Parameter.CN).orElseThrow().getValue()).isEqualTo("Julia Müller");
    assertThat(attendees.get(1).getParameter(Parameter.RSVP).orElseThrow().getValue()).isEqualTo("FALSE");
    assertThat(CalendarInvitation.calendar(timed(0, LocalDate.of(2025, 3, 4), LocalTime.of(10, 0))).validate()
        .hasErrors()).as("valid iCalendar and iTIP REQUEST").isFalse();
  }

  @Test
  void movedTalk_keepsItsUid_raisesTheSequence_andTakesTheNewTime_acrossTheSummerTimeChange() throws Exception {
    VEvent first = event(parse(CalendarInvitation.request(timed(0, LocalDate.of(2025, 3, 25), LocalTime.of(10, 0)))));
    VEvent moved = event(parse(CalendarInvitation.request(timed(1, LocalDate.of(2025, 4, 1), LocalTime.of(14, 30)))));

    assertThat(moved.getUid()).isEqualTo(first.getUid());
    assertThat(moved.getSequence().getSequenceNo()).isEqualTo(1);
    // 25 March is winter time (UTC+1), 1 April summer time (UTC+2): the VTIMEZONE carries both
    assertThat(((ZonedDateTime) ZonedDateTime.from(first.getDateTimeStart().getDate())).toInstant())
        .isEqualTo(Instant.parse("2025-03-25T09:00:00Z"));
    assertThat(((ZonedDateTime) ZonedDateTime.from(moved.getDateTimeStart().getDate())).toInstant())
        .isEqualTo(Instant.parse("2025-04-01T12:30:00Z"));
  }

  @Test
  void talkWithoutTime_isAnAllDayEvent_withoutTimeZone() throws Exception {
    Event allDay = new Event("talk-8-SL2015-M13@umsetzungsmonitor.koblenz.example", 2, SUMMARY, null, null,
        LocalDate.of(2025, 3, 5), null, null, BERLIN, ORGANIZER, ATTENDEES, STAMP);
    String ics = CalendarInvitation.request(allDay);

    assertThat(ics).contains("\r\nDTSTART;VALUE=DATE:20250305\r\n", "\r\nDTEND;VALUE=DATE:20250306\r\n",
        "\r\nSEQUENCE:2\r\n").doesNotContain("VTIMEZONE", "TZID", "LOCATION", "DESCRIPTION");
    VEvent event = event(parse(ics));
    assertThat((Temporal) event.getDateTimeStart().getDate()).isEqualTo(LocalDate.of(2025, 3, 5));
    assertThat(CalendarInvitation.calendar(allDay).validate().hasErrors()).isFalse();
  }

  /**
   * ical4j folds by characters (at most 75 per line), not by octets as RFC 5545 recommends: a line
   * with umlauts may have a few octets more. Calendar programs unfold either; what matters is that
   * the text comes back whole.
   */
  @Test
  void longLines_areFolded_andUnfoldBackToTheText() throws Exception {
    String longText = "Sehr lange Beschreibung mit Umlauten äöüß ".repeat(12).strip();
    Event event = new Event("talk-9-X@h", 0, SUMMARY, longText, null, LocalDate.of(2025, 3, 5), LocalTime.of(9, 0),
        Duration.ofMinutes(90), BERLIN, ORGANIZER, ATTENDEES, STAMP);
    String ics = CalendarInvitation.request(event);

    assertThat(ics).contains("\r\n ");
    assertThat(Arrays.stream(ics.split("\r\n")).mapToInt(String::length).max().orElseThrow())
        .as("longest line in characters").isLessThanOrEqualTo(75);
    VEvent parsed = event(parse(ics));
    assertThat(parsed.getProperty(Property.DESCRIPTION).orElseThrow().getValue()).isEqualTo(longText);
    assertThat(berlin(parsed.getDateTimeEnd().getDate())).isEqualTo(LocalDateTime.of(2025, 3, 5, 10, 30));
  }

  private static Event timed(int sequence, LocalDate date, LocalTime time) {
    return new Event("talk-7-SL2015-M12@umsetzungsmonitor.koblenz.example", sequence, SUMMARY, DESCRIPTION,
        "Rathaus, Sitzungsraum 2; 2. OG", date, time, Duration.ofHours(1), BERLIN, ORGANIZER, ATTENDEES, STAMP);
  }

  static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  static VEvent event(Calendar calendar) {
    return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
  }

  private static LocalDateTime berlin(Temporal temporal) {
    return ZonedDateTime.from(temporal).withZoneSameInstant(BERLIN).toLocalDateTime();
  }
}
