package de.umsetzungsmonitor.notification;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Cn;
import net.fortuna.ical4j.model.parameter.PartStat;
import net.fortuna.ical4j.model.parameter.Role;
import net.fortuna.ical4j.model.parameter.Rsvp;
import net.fortuna.ical4j.model.property.Attendee;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.Organizer;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableMethod;
import net.fortuna.ical4j.model.property.immutable.ImmutableStatus;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;

/**
 * An iCalendar invitation (RFC 5545 / iTIP RFC 5546 {@code METHOD:REQUEST}) for one event, built
 * with ical4j: it writes the VTIMEZONE for the event's zone from its bundled time zone data, escapes
 * texts and folds long lines, so no calendar syntax is written by hand here. The same UID with a
 * higher SEQUENCE replaces the event in the recipients' calendars; a date without a time is an
 * all-day event.
 */
public final class CalendarInvitation {

  public static final String FILENAME = "einladung.ics";
  public static final String CONTENT_TYPE = "text/calendar; charset=UTF-8; method=REQUEST";
  static final String PRODUCT_ID = "-//Umsetzungsmonitor//Gespraechseinladung 1.0//DE";

  /** ical4j's registry of the bundled VTIMEZONE definitions (no network: updates are off in ical4j.properties). */
  private static final TimeZoneRegistry TIME_ZONES = TimeZoneRegistryFactory.getInstance().createRegistry();

  private CalendarInvitation() {}

  /** The invitation as the text of an {@code .ics} file. */
  public static String request(Event event) {
    try {
      StringWriter out = new StringWriter();
      new CalendarOutputter(false).output(calendar(event), out);
      return out.toString();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ValidationException e) {
      throw new IllegalStateException("Calendar invitation " + event.uid() + " is not valid: " + e.getMessage(), e);
    }
  }

  /** The calendar object itself (for checks of its validity). */
  static Calendar calendar(Event event) {
    VEvent vevent = new VEvent(false);
    vevent.add(new DtStamp(event.stamp()));
    vevent.add(new Uid(event.uid()));
    vevent.add(new Sequence(event.sequence()));
    if (event.time() == null) {
      vevent.add(new DtStart<>(event.date()));
      vevent.add(new DtEnd<>(event.date().plusDays(1)));
    } else {
      ZonedDateTime start = ZonedDateTime.of(event.date(), event.time(), event.zone());
      vevent.add(new DtStart<>(start));
      vevent.add(new DtEnd<>(start.plus(event.duration())));
    }
    vevent.add(new Summary(event.summary()));
    if (event.description() != null && !event.description().isBlank()) {
      vevent.add(new Description(event.description()));
    }
    if (event.location() != null && !event.location().isBlank()) {
      vevent.add(new Location(event.location()));
    }
    vevent.add(ImmutableStatus.VEVENT_CONFIRMED);
    Organizer organizer = new Organizer(mailto(event.organizer().email()));
    organizer.add(new Cn(event.organizer().name()));
    vevent.add(organizer);
    for (Person person : event.attendees()) {
      Attendee attendee = new Attendee(mailto(person.email()));
      attendee.add(new Cn(person.name()));
      attendee.add(Role.REQ_PARTICIPANT);
      attendee.add(PartStat.NEEDS_ACTION);
      // nobody reads replies to the application: the calendar should not ask for one
      attendee.add(Rsvp.FALSE);
      vevent.add(attendee);
    }

    Calendar calendar = new Calendar();
    calendar.add(new ProdId(PRODUCT_ID));
    calendar.add(ImmutableVersion.VERSION_2_0);
    calendar.add(ImmutableCalScale.GREGORIAN);
    calendar.add(ImmutableMethod.REQUEST);
    if (event.time() != null) {
      VTimeZone zone = TIME_ZONES.getTimeZone(event.zone().getId()).getVTimeZone();
      calendar.add(zone);
    }
    calendar.add(vevent);
    return calendar;
  }

  private static URI mailto(String address) {
    try {
      return new URI("mailto", address.strip(), null); // quotes what a URI may not contain
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("No mail address: " + address, e);
    }
  }

  /** Someone in the invitation: a name and a mail address. */
  public record Person(String name, String email) {

    public Person {
      Objects.requireNonNull(name, "name");
      Objects.requireNonNull(email, "email");
    }
  }

  /**
   * The event.
   *
   * @param uid the same for every version of the event, unique worldwide (e.g. {@code talk-17-SL2015-M12@host})
   * @param sequence 0 for the first invitation, one more for each change
   * @param time {@code null}: an all-day event on {@code date}
   * @param duration how long a timed event lasts
   * @param stamp when this version of the invitation was made (DTSTAMP)
   */
  public record Event(String uid, int sequence, String summary, String description, String location,
      LocalDate date, LocalTime time, Duration duration, ZoneId zone, Person organizer, List<Person> attendees,
      Instant stamp) {

    public Event {
      Objects.requireNonNull(uid, "uid");
      Objects.requireNonNull(summary, "summary");
      Objects.requireNonNull(date, "date");
      Objects.requireNonNull(zone, "zone");
      Objects.requireNonNull(organizer, "organizer");
      Objects.requireNonNull(stamp, "stamp");
      duration = duration == null ? Duration.ofHours(1) : duration;
      attendees = List.copyOf(attendees);
    }
  }
}
