package de.umsetzungsmonitor.talks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.NotificationProperties;
import de.umsetzungsmonitor.notification.Attachment;
import de.umsetzungsmonitor.notification.CalendarInvitation;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.TalkInvitations.Schedule;
import java.io.StringReader;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.test.util.ReflectionTestUtils;

/** What a talk's participants receive when it is scheduled and when it moves: the mails and their .ics. */
class TalkInvitationsTest {

  private static final Instant NOW = Instant.parse("2025-02-20T09:15:00Z");

  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final Directory directory = mock(Directory.class);
  private final NotificationProperties notifications = NotificationProperties.defaults();
  private TalkInvitations invitations;
  private Office coordination;
  private Talk talk;

  @BeforeEach
  void aScheduledTalk() {
    notifications.getMail().setFrom("umsetzungsmonitor@koblenz.example");
    invitations = new TalkInvitations(outbox, directory, new ApplicationProperties("https://umsetzungsmonitor.koblenz.example/"),
        notifications, Clock.fixed(NOW, ZoneId.of("UTC")));
    coordination = new Office("sozialplanung", "Fachstelle Sozialplanung/Sozialberichterstattung", "sozialplanung@koblenz.example");
    Office youth = new Office("jugendamt", "Amt für Jugend, Familie, Senioren und Soziales", null);
    Programme programme = new Programme("SL2015", NOW);
    programme.update("Bericht zur sozialen Lage 2015", null, null, "Sozialausschuss", coordination, null, null,
        Set.of(coordination, youth), Set.of());
    Measure measure = new Measure(programme, "M 12");
    measure.update(null, "Ausbau der Kurzzeitpflege, Bedarfe ermitteln", MeasureStatus.ONGOING, null, null, 2, Set.of(youth));
    talk = new Talk(measure, "abecker", NOW);
    ReflectionTestUtils.setField(talk, "id", 7L);
    talk.schedule(LocalDate.of(2025, 3, 4), LocalTime.of(10, 0), "Rathaus, Sitzungsraum 2", Instant.parse("2025-02-20T09:00:00Z"));
    talk.addParticipant("abecker", "Anna Becker", coordination);
    talk.addParticipant("jmueller", "Julia Müller", youth);
    talk.addParticipant("ohnemail", "Olaf Ohnemail", youth);
    when(directory.user("abecker")).thenReturn(Optional.of(user("abecker", "abecker@koblenz.example")));
    when(directory.user("jmueller")).thenReturn(Optional.of(user("jmueller", "jmueller@koblenz.example")));
    when(directory.user("ohnemail")).thenReturn(Optional.of(user("ohnemail", null)));
    when(outbox.enqueue(any())).thenReturn(true);
  }

  @Test
  void scheduledTalk_everyParticipantGetsAGermanMailWithTheRequest_sequenceZero() throws Exception {
    invitations.invite(talk);

    List<Message> mails = sent(3);
    assertThat(mails).extracting(Message::key).containsExactly(
        "talk-7-invitation-0-abecker", "talk-7-invitation-0-jmueller", "talk-7-invitation-0-ohnemail");
    assertThat(mails).extracting(Message::recipientEmail)
        .containsExactly("abecker@koblenz.example", "jmueller@koblenz.example", null);
    Message toJulia = mails.get(1);
    assertThat(toJulia.subject()).isEqualTo("Einladung: Gespräch zur Maßnahme M 12 am 04.03.2025 um 10:00 Uhr");
    assertThat(toJulia.body()).startsWith("Guten Tag Julia Müller,")
        .contains("zur Maßnahme M 12 („Bericht zur sozialen Lage 2015“) eingeladen", "Termin: am 04.03.2025 um 10:00 Uhr",
            "Ort: Rathaus, Sitzungsraum 2", "Teilnehmende: Anna Becker, Julia Müller, Olaf Ohnemail", "einladung.ics")
        .endsWith("Fachstelle Sozialplanung/Sozialberichterstattung");
    Attachment attachment = toJulia.attachment();
    assertThat(attachment.filename()).isEqualTo("einladung.ics");
    assertThat(attachment.contentType()).isEqualTo("text/calendar; charset=UTF-8; method=REQUEST");
    assertThat(mails).extracting(Message::attachment).containsOnly(attachment);

    Calendar calendar = new CalendarBuilder().build(new StringReader(attachment.content()));
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    VEvent event = (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo("talk-7-SL2015-M12@umsetzungsmonitor.koblenz.example");
    assertThat(event.getSequence().getSequenceNo()).isZero();
    assertThat(event.getSummary().getValue()).isEqualTo("Gespräch zur Maßnahme M 12 – Bericht zur sozialen Lage 2015");
    assertThat(event.getProperty(Property.DESCRIPTION).orElseThrow().getValue())
        .contains("Maßnahme M 12", "Ausbau der Kurzzeitpflege, Bedarfe ermitteln", "Teilnehmende: Anna Becker");
    assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Rathaus, Sitzungsraum 2");
    assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
    assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).withZoneSameInstant(ZoneId.of("Europe/Berlin"))
        .toLocalDateTime()).isEqualTo(LocalDateTime.of(2025, 3, 4, 10, 0));
    assertThat(event.getProperty(Property.ORGANIZER).orElseThrow().getValue()).isEqualTo("mailto:sozialplanung@koblenz.example");
    assertThat(event.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
        .as("only people with an address").containsExactly("mailto:abecker@koblenz.example", "mailto:jmueller@koblenz.example");
  }

  @Test
  void movedTalk_getsTheSameUid_theNextSequence_andSaysWhatChanged() throws Exception {
    invitations.invite(talk);
    String firstUid = uidOf(sent(3).get(0));
    Schedule before = new Schedule(talk.getScheduledFor(), talk.getScheduledTime(), talk.getLocation());

    assertThat(talk.moveTo(LocalDate.of(2025, 3, 11), LocalTime.of(14, 0), "Rathaus, Sitzungsraum 2", Instant.parse("2025-03-01T09:00:00Z"))).isTrue();
    invitations.moved(talk, before);

    List<Message> moved = sent(6).subList(3, 6);
    assertThat(moved).extracting(Message::key).containsExactly(
        "talk-7-invitation-1-abecker", "talk-7-invitation-1-jmueller", "talk-7-invitation-1-ohnemail");
    assertThat(moved.get(0).subject()).isEqualTo("Gespräch verschoben: Maßnahme M 12, neuer Termin am 11.03.2025 um 14:00 Uhr");
    assertThat(moved.get(0).body()).contains("wurde verschoben. Es findet nicht am 04.03.2025 um 10:00 Uhr statt, sondern:",
        "Termin: am 11.03.2025 um 14:00 Uhr", "ersetzt den bisherigen Termin");
    VEvent event = eventOf(moved.get(0));
    assertThat(event.getUid().orElseThrow().getValue()).isEqualTo(firstUid);
    assertThat(event.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(ZonedDateTime.from(event.getDateTimeStart().getDate()).toInstant())
        .isEqualTo(Instant.parse("2025-03-11T13:00:00Z"));
  }

  @Test
  void talkWithoutTime_isAnAllDayEntry_andWithoutOfficeAddressTheSenderOrganizes() throws Exception {
    ReflectionTestUtils.setField(coordination, "email", null);
    talk.schedule(LocalDate.of(2025, 3, 4), null, null, Instant.parse("2025-02-20T09:00:00Z"));

    invitations.invite(talk);

    Message mail = sent(3).get(0);
    assertThat(mail.subject()).isEqualTo("Einladung: Gespräch zur Maßnahme M 12 am 04.03.2025 (ganztägig)");
    assertThat(mail.body()).doesNotContain("Ort:");
    assertThat(mail.attachment().content()).contains("DTSTART;VALUE=DATE:20250304", "DTEND;VALUE=DATE:20250305")
        .doesNotContain("LOCATION");
    assertThat(eventOf(mail).getProperty(Property.ORGANIZER).orElseThrow().getValue())
        .isEqualTo("mailto:umsetzungsmonitor@koblenz.example");
  }

  @Test
  void aMoveToTheSameSchedule_isNoMove() {
    assertThat(talk.moveTo(LocalDate.of(2025, 3, 4), LocalTime.of(10, 0), "Rathaus, Sitzungsraum 2", Instant.parse("2025-03-01T09:00:00Z"))).isFalse();
    assertThat(talk.getInvitationSequence()).isZero();
    assertThat(CalendarInvitation.FILENAME).isEqualTo("einladung.ics");
  }

  private List<Message> sent(int count) {
    ArgumentCaptor<Message> messages = ArgumentCaptor.forClass(Message.class);
    verify(outbox, times(count)).enqueue(messages.capture());
    return messages.getAllValues();
  }

  private static String uidOf(Message message) throws Exception {
    return eventOf(message).getUid().orElseThrow().getValue();
  }

  private static VEvent eventOf(Message message) throws Exception {
    return (VEvent) new CalendarBuilder().build(new StringReader(message.attachment().content()))
        .getComponent(Component.VEVENT).orElseThrow();
  }

  private static UserEntity user(String id, String email) {
    UserEntity user = new UserEntity(id);
    user.setEmail(email);
    return user;
  }
}
