package de.umsetzungsmonitor.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.notification.NewWorkNotices.NewTask;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.security.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;

/** Who hears about new work, with which text, and whether by mail or in the daily digest. */
class NewWorkNoticesTest {

  private static final Instant NOW = Instant.parse("2025-03-03T13:12:00Z");
  private static final String TASK = "task-4711";
  private static final String LINK = "https://um.koblenz.example/camunda/app/tasklist/default/#/?task=" + TASK;

  private final NotificationOutbox outbox = mock(NotificationOutbox.class);
  private final DigestEntryRepository digestEntries = mock(DigestEntryRepository.class);
  private final NotificationSettings settings = mock(NotificationSettings.class);
  private final MeasureRepository measures = mock(MeasureRepository.class);
  private final Directory directory = mock(Directory.class);
  private NewWorkNotices notices;

  @BeforeEach
  void setUp() {
    notices = new NewWorkNotices(outbox, digestEntries, settings, measures, directory,
        new ApplicationProperties("https://um.koblenz.example"), Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
    Office coordination = new Office("sozialplanung", "Fachstelle Sozialplanung", null);
    Programme programme = new Programme("SL2015", NOW);
    programme.update("Bericht zur sozialen Lage 2015", null, null, "Sozialausschuss", coordination, null, null,
        Set.of(coordination), Set.of());
    Measure measure = new Measure(programme, "M 12");
    measure.update(null, "Wohnraum für ältere Menschen   schaffen", MeasureStatus.ONGOING, null, null, 2, Set.of());
    when(measures.findById(12L)).thenReturn(Optional.of(measure));
    Map<String, User> members = new LinkedHashMap<>();
    members.put("abecker", user("abecker", "Anna", "Becker", "abecker@koblenz.example"));
    members.put("kschneider", user("kschneider", "Katrin", "Schneider", "kschneider@koblenz.example"));
    members.put("praktikant", user("praktikant", "Paul", "Praktikant", null));
    when(directory.membersOf(List.of("sozialplanung"))).thenReturn(members);
    when(directory.groupName("sozialplanung")).thenReturn("Fachstelle Sozialplanung/Sozialberichterstattung");
    members.forEach((id, user) -> when(directory.user(id)).thenReturn(Optional.of(user)));
    when(directory.user("jmueller")).thenReturn(Optional.of(user("jmueller", "Julia", "Müller", "jmueller@koblenz.example")));
    when(directory.displayName("abecker")).thenReturn("Anna Becker");
    when(settings.deliveryOf(anyString())).thenReturn(NoticeDelivery.IMMEDIATE);
    when(outbox.enqueue(any())).thenReturn(true);
  }

  @Test
  void taskInAGroupQueue_isMailedToEveryMemberWithAnAddress_butNotToWhoeverCreatedIt() {
    notices.taskCreated(task(List.of(), List.of("sozialplanung"), null, "abecker"));

    ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
    verify(outbox).enqueue(sent.capture());
    Message mail = sent.getValue();
    assertThat(mail.key()).isEqualTo("task-" + TASK + "-new-kschneider");
    assertThat(mail.recipientUserId()).isEqualTo("kschneider");
    assertThat(mail.recipientEmail()).isEqualTo("kschneider@koblenz.example");
    assertThat(mail.subject()).isEqualTo("Neue Aufgabe: Gesprächsergebnisse erfassen – Maßnahme M 12");
    assertThat(mail.link()).isEqualTo(LINK);
    assertThat(mail.body()).startsWith("Guten Tag Katrin Schneider,\n\n")
        .contains("in der Aufgabenliste Ihrer Stelle „Fachstelle Sozialplanung/Sozialberichterstattung“ liegt eine neue Aufgabe:",
            "  Gesprächsergebnisse erfassen\n", "  Maßnahme M 12 („Bericht zur sozialen Lage 2015“)\n",
            "  Wohnraum für ältere Menschen schaffen\n", "Nach dem Gespräch die Ergebnisse erfassen.",
            "Zur Aufgabe in der Aufgabenliste:\n" + LINK,
            "https://um.koblenz.example/einstellungen/benachrichtigungen");
    verify(digestEntries, never()).saveAndFlush(any());
  }

  @Test
  void taskNamingCandidateUsers_isMailedToThemOnly_notToTheirOfficeQueue() {
    notices.taskCreated(task(List.of("jmueller"), List.of("sozialplanung"), null, null));

    ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
    verify(outbox).enqueue(sent.capture());
    assertThat(sent.getAllValues()).extracting(Message::key).containsExactly("task-" + TASK + "-new-jmueller");
    assertThat(sent.getValue().body()).contains("für Sie liegt eine neue Aufgabe in der Aufgabenliste bereit:");
  }

  @Test
  void personWhoTakesTheDigest_getsTheNoticeCollected_notMailed() {
    when(settings.deliveryOf("kschneider")).thenReturn(NoticeDelivery.DIGEST);

    notices.taskCreated(task(List.of(), List.of("sozialplanung"), null, null));

    ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
    verify(outbox).enqueue(sent.capture());
    assertThat(sent.getValue().recipientUserId()).isEqualTo("abecker");
    ArgumentCaptor<DigestEntry> collected = ArgumentCaptor.forClass(DigestEntry.class);
    verify(digestEntries).saveAndFlush(collected.capture());
    DigestEntry entry = collected.getValue();
    assertThat(entry.getNoticeKey()).isEqualTo("task-" + TASK + "-new-kschneider");
    assertThat(entry.getRecipientUserId()).isEqualTo("kschneider");
    assertThat(entry.getTaskId()).isEqualTo(TASK);
    assertThat(entry.getSubject()).isEqualTo("Neue Aufgabe: Gesprächsergebnisse erfassen – Maßnahme M 12");
    assertThat(entry.getDetail()).isEqualTo("Maßnahme M 12 („Bericht zur sozialen Lage 2015“) – Wohnraum für ältere Menschen schaffen");
    assertThat(entry.getLink()).isEqualTo(LINK);
    assertThat(entry.getCreatedAt()).isEqualTo(NOW);
  }

  @Test
  void workCreatedInBulk_goesIntoTheDigest_whateverEachPersonChose() {
    try (NewWorkNotices.Scope bulk = NewWorkNotices.collectedIntoDigest()) {
      notices.taskCreated(task(List.of(), List.of("sozialplanung"), null, null));
    }
    verify(outbox, never()).enqueue(any());
    ArgumentCaptor<DigestEntry> collected = ArgumentCaptor.forClass(DigestEntry.class);
    verify(digestEntries, times(2)).saveAndFlush(collected.capture());
    assertThat(collected.getAllValues()).extracting(DigestEntry::getRecipientUserId).containsExactly("abecker", "kschneider");

    // the scope is closed: the next notice is mailed again
    notices.taskCreated(task(List.of("jmueller"), List.of(), null, null));
    verify(outbox).enqueue(any());
  }

  @Test
  void aNoticeWrittenBefore_isNotWrittenAgain() {
    when(outbox.contains("task-" + TASK + "-new-abecker")).thenReturn(true);
    when(digestEntries.existsByNoticeKey("task-" + TASK + "-new-kschneider")).thenReturn(true);

    notices.taskCreated(task(List.of(), List.of("sozialplanung"), null, null));

    verify(outbox, never()).enqueue(any());
    verify(digestEntries, never()).saveAndFlush(any());
  }

  @Test
  void taskAssignedBySomeoneElse_isMailedToTheAssignee() {
    notices.taskAssigned(task(List.of(), List.of("sozialplanung"), "jmueller", "abecker"));

    ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
    verify(outbox).enqueue(sent.capture());
    assertThat(sent.getValue().key()).isEqualTo("task-" + TASK + "-assigned-jmueller");
    assertThat(sent.getValue().subject()).isEqualTo("Aufgabe für Sie: Gesprächsergebnisse erfassen – Maßnahme M 12");
    assertThat(sent.getValue().body()).contains("Ihnen wurde von Anna Becker eine Aufgabe zugewiesen:", LINK);
  }

  @Test
  void claimingATaskYourself_orHandingItBack_tellsNobody() {
    notices.taskAssigned(task(List.of(), List.of("sozialplanung"), "kschneider", "kschneider"));
    notices.taskAssigned(task(List.of(), List.of("sozialplanung"), null, "kschneider"));

    verify(outbox, never()).enqueue(any());
    verify(digestEntries, never()).saveAndFlush(any());
  }

  @Test
  void taskCreatedWithAnAssignee_isLeftToTheAssignmentNotice() {
    notices.taskCreated(task(List.of(), List.of("sozialplanung"), "jmueller", null));

    verify(outbox, never()).enqueue(any());
  }

  @Test
  void taskOutsideAMeasure_namesItsBusinessKey() {
    notices.taskCreated(new NewTask(TASK, "Lieferung prüfen", null, "SL2015-M12-2025Q1", null, List.of("jmueller"),
        List.of(), null, null));

    ArgumentCaptor<Message> sent = ArgumentCaptor.forClass(Message.class);
    verify(outbox).enqueue(sent.capture());
    assertThat(sent.getValue().subject()).isEqualTo("Neue Aufgabe: Lieferung prüfen – SL2015-M12-2025Q1");
    assertThat(sent.getValue().body()).contains("  Vorgang SL2015-M12-2025Q1\n");
  }

  private static NewTask task(List<String> candidateUsers, List<String> candidateGroups, String assignee, String actor) {
    return new NewTask(TASK, "Gesprächsergebnisse erfassen", "Nach dem Gespräch die Ergebnisse erfassen.",
        "SL2015-M12", 12L, candidateUsers, candidateGroups, assignee, actor);
  }

  private static UserEntity user(String id, String first, String last, String email) {
    UserEntity user = new UserEntity(id);
    user.setFirstName(first);
    user.setLastName(last);
    user.setEmail(email);
    return user;
  }
}
