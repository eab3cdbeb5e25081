package de.umsetzungsmonitor.it;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_SCHEDULE_TALK;
import static de.umsetzungsmonitor.process.NotificationDispatchProcess.SERVICE_TASK_SEND_MAIL;
import static de.umsetzungsmonitor.support.FormSubmission.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.process.NotificationDispatchProcess;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.support.PostgresIntegrationTest;
import de.umsetzungsmonitor.support.PostgresTestSupport;
import de.umsetzungsmonitor.support.ProgrammeFiles;
import de.umsetzungsmonitor.support.ReceivedMails;
import de.umsetzungsmonitor.support.TasklistSession;
import jakarta.mail.internet.MimeMessage;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;

/**
 * Invitations to a talk, through Tasklist and a real SMTP server (GreenMail): scheduling the talk
 * mails every participant an .ics file; moving it in "Gesprächsergebnisse erfassen" mails the
 * changed invitation (same UID, next SEQUENCE) and brings the step back; a move into the past is
 * refused in German. Each invitation is mailed once, however often its job runs.
 */
@PostgresIntegrationTest
class TalkInvitationsPostgresTest extends PostgresTestSupport {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter GERMAN = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  @Test
  void scheduledTalk_invitesEveryParticipantWithAnIcsFile_andAMoveSendsTheSameEventWithTheNextSequence() throws Exception {
    String key = importUnderNewCode(ProgrammeFiles.SOZIALE_LAGE, "INVI") + "-M12";
    ProcessInstance phaseOne = phaseOne(key);
    TasklistSession abecker = login("abecker");
    LocalDate date = LocalDate.now(BERLIN).plusDays(10);

    // Gespräch terminieren
    Task schedule = singleTask(phaseOne.getId(), USER_TASK_SCHEDULE_TALK);
    assertThat(abecker.claim(schedule.getId()).statusCode()).isEqualTo(204);
    assertThat(abecker.submitForm(schedule.getId(), form().text("talkDate", date.toString()).text("talkTime", "10:00")
        .text("talkLocation", "Rathaus, Raum 101").json("participants", List.of("abecker", "jmueller")).toJson())
        .statusCode()).isEqualTo(204);

    Long talkId = jdbc.queryForObject("select id from talk where measure_id = ?", Long.class, measureId(key));
    String first = "talk-" + talkId + "-invitation-0-";
    assertThat(outbox(first)).extracting(row -> row.get("recipient_user_id") + " " + row.get("attachment_filename"))
        .containsExactly("abecker einladung.ics", "jmueller einladung.ics");
    sendMails(first);
    List<MimeMessage> invitations = ReceivedMails.withKeyPrefix(first);
    assertThat(invitations).hasSize(2);
    MimeMessage toJulia = ReceivedMails.withKey(first + "jmueller").get(0);
    assertThat(ReceivedMails.recipients(toJulia)).containsExactly("jmueller@koblenz.example");
    assertThat(ReceivedMails.subject(toJulia))
        .isEqualTo("Einladung: Gespräch zur Maßnahme M 12 am " + date.format(GERMAN) + " um 10:00 Uhr");
    assertThat(ReceivedMails.text(toJulia)).startsWith("Guten Tag Julia Müller,")
        .contains("Ort: Rathaus, Raum 101", "Teilnehmende: Anna Becker, Julia Müller", "einladung.ics");
    ReceivedMails.File ics = ReceivedMails.attachment(toJulia, "einladung.ics").orElseThrow();
    assertThat(ics.contentType()).startsWith("text/calendar").contains("method=REQUEST");
    Calendar calendar = parse(ics.text());
    assertThat(calendar.getProperty(Property.METHOD).orElseThrow().getValue()).isEqualTo("REQUEST");
    VEvent event = event(calendar);
    String uid = event.getUid().orElseThrow().getValue();
    assertThat(uid).isEqualTo("talk-" + talkId + "-" + key + "@localhost");
    assertThat(event.getSequence().getSequenceNo()).isZero();
    assertThat(berlin(event)).isEqualTo(date.atTime(10, 0));
    assertThat(event.getDateTimeStart().getParameter("TZID").orElseThrow().getValue()).isEqualTo("Europe/Berlin");
    assertThat(event.getSummary().getValue()).isEqualTo("Gespräch zur Maßnahme M 12 – Bericht zur sozialen Lage 2015 in Koblenz");
    assertThat(event.getProperty(Property.LOCATION).orElseThrow().getValue()).isEqualTo("Rathaus, Raum 101");
    assertThat(event.<Property>getProperties(Property.ATTENDEE)).extracting(Property::getValue)
        .containsExactly("mailto:abecker@koblenz.example", "mailto:jmueller@koblenz.example");

    // the mail job of an invitation runs again: the invitation is not mailed twice
    Map<String, Object> julias = outbox(first + "jmueller").get(0);
    ProcessInstance rerun = runtime.createProcessInstanceByKey(NotificationDispatchProcess.KEY).businessKey(first + "jmueller")
        .setVariable(ProcessVariables.NOTIFICATION_ID.name(), ((Number) julias.get("id")).longValue())
        .startBeforeActivity(SERVICE_TASK_SEND_MAIL).execute();
    execute(job(rerun.getId(), SERVICE_TASK_SEND_MAIL));
    assertThat(ReceivedMails.withKey(first + "jmueller")).hasSize(1);

    // Gesprächsergebnisse erfassen: the talk did not take place, it is moved by a week to the afternoon
    Task results = singleTask(phaseOne.getId(), USER_TASK_RECORD_TALK_RESULTS);
    assertThat(abecker.claim(results.getId()).statusCode()).isEqualTo(204);
    HttpResponse<String> intoThePast = abecker.submitForm(results.getId(), form().text("talkOutcome", "moved")
        .text("talkDate", LocalDate.now(BERLIN).minusDays(1).toString()).toJson());
    assertThat(intoThePast.statusCode()).isEqualTo(400);
    assertThat(new ObjectMapper().readTree(intoThePast.body()).path("message").asText()).contains("liegt in der Vergangenheit");
    assertThat(jdbc.queryForObject("select invitation_sequence from talk where id = ?", Integer.class, talkId)).isZero();

    LocalDate later = date.plusDays(7);
    assertThat(abecker.submitForm(results.getId(), form().text("talkOutcome", "moved").text("talkDate", later.toString())
        .text("talkTime", "14:30").toJson()).statusCode()).isEqualTo(204);
    Map<String, Object> talk = jdbc.queryForMap("select * from talk where id = ?", talkId);
    assertThat(talk.get("scheduled_for")).hasToString(later.toString());
    assertThat(talk.get("scheduled_time")).hasToString("14:30:00");
    assertThat(talk).containsEntry("location", "Rathaus, Raum 101").containsEntry("invitation_sequence", 1);
    assertThat(talk.get("held_on")).isNull();
    assertThat(measurePhase(key)).isEqualTo("TALK_SCHEDULED");
    Task again = singleTask(phaseOne.getId(), USER_TASK_RECORD_TALK_RESULTS);
    assertThat(again.getId()).as("the step comes again for the new date").isNotEqualTo(results.getId());
    assertThat(signOff(key)).isNull();

    String moved = "talk-" + talkId + "-invitation-1-";
    sendMails(moved);
    assertThat(ReceivedMails.withKeyPrefix(moved)).hasSize(2);
    MimeMessage movedToJulia = ReceivedMails.withKey(moved + "jmueller").get(0);
    assertThat(ReceivedMails.subject(movedToJulia))
        .isEqualTo("Gespräch verschoben: Maßnahme M 12, neuer Termin am " + later.format(GERMAN) + " um 14:30 Uhr");
    assertThat(ReceivedMails.text(movedToJulia)).contains("Es findet nicht am " + date.format(GERMAN) + " um 10:00 Uhr statt");
    VEvent movedEvent = event(parse(ReceivedMails.attachment(movedToJulia, "einladung.ics").orElseThrow().text()));
    assertThat(movedEvent.getUid().orElseThrow().getValue()).isEqualTo(uid);
    assertThat(movedEvent.getSequence().getSequenceNo()).isEqualTo(1);
    assertThat(berlin(movedEvent)).isEqualTo(later.atTime(14, 30));
    assertThat(ReceivedMails.withKeyPrefix(first)).as("the first invitations are not repeated").hasSize(2);
  }

  private void sendMails(String keyPrefix) {
    for (ProcessInstance dispatch : runtime.createProcessInstanceQuery().processDefinitionKey(NotificationDispatchProcess.KEY)
        .processInstanceBusinessKeyLike(keyPrefix + "%").list()) {
      execute(job(dispatch.getId(), SERVICE_TASK_SEND_MAIL));
    }
  }

  private List<Map<String, Object>> outbox(String keyPrefix) {
    return jdbc.queryForList("select * from notification_outbox where notification_key like ? order by notification_key",
        keyPrefix + "%");
  }

  private static Calendar parse(String ics) throws Exception {
    return new CalendarBuilder().build(new StringReader(ics));
  }

  private static VEvent event(Calendar calendar) {
    return (VEvent) calendar.getComponent(Component.VEVENT).orElseThrow();
  }

  private static LocalDateTime berlin(VEvent event) {
    return ZonedDateTime.from(event.getDateTimeStart().getDate()).withZoneSameInstant(BERLIN).toLocalDateTime();
  }
}
