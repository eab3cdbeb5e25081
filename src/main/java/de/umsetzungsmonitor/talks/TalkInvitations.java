package de.umsetzungsmonitor.talks;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.NotificationProperties;
import de.umsetzungsmonitor.notification.Attachment;
import de.umsetzungsmonitor.notification.CalendarInvitation;
import de.umsetzungsmonitor.notification.CalendarInvitation.Event;
import de.umsetzungsmonitor.notification.CalendarInvitation.Person;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.security.Directory;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Invites a talk's participants by mail with an iCalendar file ({@code einladung.ics},
 * {@code METHOD:REQUEST}), when the talk is scheduled and each time it moves. Every version of one
 * talk's invitation has the same UID and the talk's current sequence, so a calendar replaces the
 * earlier entry. Written to the outbox in the caller's transaction (the clerk's completed step);
 * the key {@code talk-<id>-invitation-<sequence>-<user>} holds each invitation once. Invitations
 * always go out at once, whatever a person chose for new work notices.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class TalkInvitations {

  /** Talk times are entered as the administration's local time. */
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  /** The forms ask for a start only; a timed talk is entered in calendars with this length. */
  static final Duration LENGTH = Duration.ofHours(1);

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");
  private static final DateTimeFormatter GERMAN_TIME = DateTimeFormatter.ofPattern("HH:mm");

  private final NotificationOutbox outbox;
  private final Directory directory;
  private final ApplicationProperties application;
  private final NotificationProperties notifications;
  private final Clock clock;

  public TalkInvitations(NotificationOutbox outbox, Directory directory, ApplicationProperties application,
      NotificationProperties notifications, Clock clock) {
    this.outbox = outbox;
    this.directory = directory;
    this.application = application;
    this.notifications = notifications;
    this.clock = clock;
  }

  /** The talk was scheduled: every participant gets the invitation. */
  public void invite(Talk talk) {
    send(talk, null);
  }

  /** The talk moved from the given schedule: every participant gets the updated invitation. */
  public void moved(Talk talk, Schedule before) {
    send(talk, before);
  }

  private void send(Talk talk, Schedule before) {
    Map<String, User> users = new LinkedHashMap<>();
    for (TalkParticipant participant : talk.getParticipants()) {
      directory.user(participant.getUserId()).ifPresent(user -> users.put(participant.getUserId(), user));
    }
    String ics = CalendarInvitation.request(event(talk, users));
    Measure measure = talk.getMeasure();
    String when = when(talk.getScheduledFor(), talk.getScheduledTime());
    String subject = before == null
        ? "Einladung: Gespräch zur Maßnahme " + measure.getCode() + " " + when
        : "Gespräch verschoben: Maßnahme " + measure.getCode() + ", neuer Termin " + when;
    for (TalkParticipant participant : talk.getParticipants()) {
      String email = Optional.ofNullable(users.get(participant.getUserId())).map(User::getEmail).orElse(null);
      String key = "talk-" + talk.getId() + "-invitation-" + talk.getInvitationSequence() + "-" + participant.getUserId();
      outbox.enqueue(new Message(key, participant.getUserId(), email, subject, body(talk, participant, before), null,
          new Attachment(CalendarInvitation.FILENAME, CalendarInvitation.CONTENT_TYPE, ics)));
    }
  }

  /** The calendar event of the talk as it is scheduled now. */
  Event event(Talk talk, Map<String, User> users) {
    Measure measure = talk.getMeasure();
    Office coordination = measure.getProgramme().getCoordinatingOffice();
    String organizerMail = coordination.getEmail() == null || coordination.getEmail().isBlank()
        ? notifications.getMail().getFrom() : coordination.getEmail();
    List<Person> attendees = new ArrayList<>();
    for (TalkParticipant participant : talk.getParticipants()) {
      User user = users.get(participant.getUserId());
      if (user != null && user.getEmail() != null && !user.getEmail().isBlank()) {
        attendees.add(new Person(participant.getDisplayName(), user.getEmail()));
      }
    }
    return new Event(uid(talk), talk.getInvitationSequence(),
        "Gespräch zur Maßnahme " + measure.getCode() + " – " + measure.getProgramme().getTitle(),
        description(talk), talk.getLocation(), talk.getScheduledFor(), talk.getScheduledTime(), LENGTH, ZONE,
        new Person(coordination.getName(), organizerMail), attendees, Instant.now(clock));
  }

  /** Stable for the life of the talk: its id, the measure's business key and the application's host. */
  String uid(Talk talk) {
    String host = URI.create(application.baseUrl()).getHost();
    return "talk-" + talk.getId() + "-" + talk.getMeasure().getBusinessKey() + "@"
        + (host == null ? "umsetzungsmonitor" : host);
  }

  private static String description(Talk talk) {
    Measure measure = talk.getMeasure();
    return "Verwaltungsinternes Gespräch zur Maßnahme " + measure.getCode() + " des Programms „"
        + measure.getProgramme().getTitle() + "“:\n" + measure.getText().strip() + "\n\n"
        + "Teilnehmende: " + participants(talk) + "\n"
        + "Eingeladen von: " + measure.getProgramme().getCoordinatingOffice().getName();
  }

  private String body(Talk talk, TalkParticipant participant, Schedule before) {
    Measure measure = talk.getMeasure();
    StringBuilder body = new StringBuilder("Guten Tag ").append(participant.getDisplayName()).append(",\n\n");
    if (before == null) {
      body.append("Sie sind zum verwaltungsinternen Gespräch zur Maßnahme ").append(measure.getCode())
          .append(" („").append(measure.getProgramme().getTitle()).append("“) eingeladen.\n\n");
    } else {
      body.append("das Gespräch zur Maßnahme ").append(measure.getCode()).append(" („")
          .append(measure.getProgramme().getTitle()).append("“) wurde verschoben. Es findet nicht ")
          .append(when(before.date(), before.time())).append(" statt, sondern:\n\n");
    }
    body.append("  Termin: ").append(when(talk.getScheduledFor(), talk.getScheduledTime())).append('\n');
    if (talk.getLocation() != null) {
      body.append("  Ort: ").append(talk.getLocation()).append('\n');
    }
    body.append("  Maßnahme ").append(measure.getCode()).append(": ").append(measure.getText().strip()).append('\n')
        .append("  Teilnehmende: ").append(participants(talk)).append("\n\n")
        .append(before == null
            ? "Die Einladung liegt als Kalenderdatei (" + CalendarInvitation.FILENAME + ") bei; öffnen Sie sie, um den "
                + "Termin in Ihren Kalender zu übernehmen.\n\n"
            : "Die geänderte Einladung liegt als Kalenderdatei (" + CalendarInvitation.FILENAME + ") bei; sie ersetzt "
                + "den bisherigen Termin in Ihrem Kalender.\n\n")
        .append("Mit freundlichen Grüßen\n").append(measure.getProgramme().getCoordinatingOffice().getName());
    return body.toString();
  }

  private static String participants(Talk talk) {
    return talk.getParticipants().stream().map(TalkParticipant::getDisplayName).collect(Collectors.joining(", "));
  }

  /** "am 04.03.2025 um 10:00 Uhr", or "am 04.03.2025 (ganztägig)" without a time. */
  static String when(LocalDate date, LocalTime time) {
    return "am " + GERMAN_DATE.format(date) + (time == null ? " (ganztägig)" : " um " + GERMAN_TIME.format(time) + " Uhr");
  }

  /** When and where a talk was, before it moved. */
  public record Schedule(LocalDate date, LocalTime time, String location) {}
}
