package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.FormInput.optionalText;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.ReminderProperties;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.process.ProtocolSignOffProcess;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkParticipant;
import de.umsetzungsmonitor.talks.TalkParticipantRepository;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Protocols of talks: versions, signatures, change requests, reminders and follow-up. */
@Service
@Transactional
public class ProtocolService {

  /** Reminder kind for missing signatures; the reference is the protocol version. */
  public static final String REMINDER_KIND = "PROTOCOL_SIGNATURE";

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final ProtocolRepository protocols;
  private final TalkParticipantRepository participants;
  private final ProtocolFollowUpRepository followUps;
  private final NotificationOutbox outbox;
  private final TaskService taskService;
  private final Directory directory;
  private final ReminderProperties reminderProperties;
  private final ApplicationProperties application;
  private final Clock clock;

  public ProtocolService(ProtocolRepository protocols, TalkParticipantRepository participants,
      ProtocolFollowUpRepository followUps, NotificationOutbox outbox, TaskService taskService,
      Directory directory, ReminderProperties reminderProperties, ApplicationProperties application, Clock clock) {
    this.protocols = protocols;
    this.participants = participants;
    this.followUps = followUps;
    this.outbox = outbox;
    this.taskService = taskService;
    this.directory = directory;
    this.reminderProperties = reminderProperties;
    this.application = application;
    this.clock = clock;
  }

  /**
   * Creates the protocol of a talk with its first version; returns its id. The protocol is a
   * text, an uploaded file (attachment), or both.
   */
  public Long issue(Talk talk, String text, String attachmentId, String createdBy) {
    return issue(talk, text, attachmentId, createdBy, Instant.now(clock));
  }

  /** Takes over a protocol written before the application was in use (programme import), at that moment. */
  public Long issueHistoric(Talk talk, String text, String createdBy, Instant createdAt) {
    return issue(talk, text, null, createdBy, createdAt);
  }

  private Long issue(Talk talk, String text, String attachmentId, String createdBy, Instant createdAt) {
    if (protocols.findByTalkId(talk.getId()).isPresent()) {
      throw new InvalidInputException("Für dieses Gespräch gibt es bereits ein Protokoll.");
    }
    Protocol protocol = new Protocol(talk);
    protocol.newVersion(protocolText(text, attachmentId, "den Text des Protokolls"), attachmentId, createdBy, createdAt);
    return protocols.save(protocol).getId();
  }

  /** The participants who still have to sign the current version. */
  @Transactional(readOnly = true)
  public List<Long> signatories(Long protocolId) {
    Protocol protocol = protocol(protocolId);
    ProtocolVersion current = protocol.currentVersion();
    return protocol.getTalk().getParticipants().stream()
        .filter(p -> !current.isSignedBy(p))
        .map(TalkParticipant::getId)
        .toList();
  }

  /** Who works on a participant's signing task, and what the form shows. */
  @Transactional(readOnly = true)
  public SigningTask signingTask(Long protocolId, Long participantId) {
    Protocol protocol = protocol(protocolId);
    TalkParticipant participant = participant(protocol, participantId);
    ProtocolVersion current = protocol.currentVersion();
    String officeGroup = participant.getOffice() == null ? null : participant.getOffice().groupId();
    String documentUrl = current.getAttachmentId() == null ? null
        : "/protokolle/" + protocolId + "/fassungen/" + current.getVersionNo() + "/dokument";
    return new SigningTask(participant.getUserId(), officeGroup, current.getVersionNo(), current.getText(), documentUrl);
  }

  /**
   * A participant signs the current version. Only the participant can sign for themselves. Returns
   * whether the protocol is now signed by all and so in force.
   */
  public boolean sign(Long protocolId, Long participantId, String actingUserId) {
    Protocol protocol = lockedProtocol(protocolId);
    TalkParticipant participant = participant(protocol, participantId);
    requireParticipant(participant, actingUserId, "unterzeichnen");
    ProtocolVersion current = protocol.currentVersion();
    if (!current.isSignedBy(participant)) {
      current.sign(participant, actingUserId, Instant.now(clock));
    }
    return putInForceIfSignedByAll(protocol);
  }

  /** A participant returns the current version with a requested change instead of signing. */
  public void requestChange(Long protocolId, Long participantId, String actingUserId, String text) {
    Protocol protocol = lockedProtocol(protocolId);
    TalkParticipant participant = participant(protocol, participantId);
    requireParticipant(participant, actingUserId, "zurückgeben");
    protocol.currentVersion().requestChange(participant, actingUserId,
        requiredText(text, "die gewünschte Änderung", 4000), Instant.now(clock));
  }

  /** The coordinating unit writes a new version; every earlier signature stops counting. */
  public int revise(Long protocolId, String text, String attachmentId, String actingUserId) {
    Protocol protocol = protocol(protocolId);
    String newText = protocolText(text, attachmentId, "den überarbeiteten Text des Protokolls");
    return protocol.newVersion(newText, attachmentId, actingUserId, Instant.now(clock)).getVersionNo();
  }

  /** A protocol without a file needs a text; with a file the text is optional. */
  private static String protocolText(String text, String attachmentId, String label) {
    if (attachmentId == null) {
      if (text == null || text.isBlank()) {
        throw new InvalidInputException("Bitte " + label + " eingeben oder eine Protokolldatei hochladen.");
      }
      return requiredText(text, label, 100_000);
    }
    String optional = optionalText(text, label, 100_000);
    return optional == null ? "Das Protokoll liegt als Datei vor." : optional;
  }

  /** The change requests against the current version, as the revision form shows them. */
  @Transactional(readOnly = true)
  public String changeRequestSummary(Long protocolId) {
    ProtocolVersion current = protocol(protocolId).currentVersion();
    return current.getChangeRequests().stream()
        .map(r -> r.getParticipant().getDisplayName() + ": " + r.getText())
        .collect(Collectors.joining("\n\n"));
  }

  @Transactional(readOnly = true)
  public String currentText(Long protocolId) {
    return protocol(protocolId).currentVersion().getText();
  }

  /**
   * Writes one reminder to every participant whose signature is still missing, each with a link to
   * their open task. Returns whether this round is the one after which the unsigned protocol is
   * escalated to the coordinating unit.
   */
  public boolean remindMissingSignatories(Long protocolId, String processInstanceId) {
    Protocol protocol = protocol(protocolId);
    ProtocolVersion current = protocol.currentVersion();
    int round = outbox.nextReminderRound(REMINDER_KIND, current.getId());
    Measure measure = protocol.getTalk().getMeasure();
    for (Task task : openSigningTasks(processInstanceId)) {
      // the multi-instance element variable lives on the task's execution, not on the task itself
      Long participantId = (Long) taskService.getVariable(task.getId(), ProcessVariables.PARTICIPANT_ID.name());
      TalkParticipant participant = participant(protocol, participantId);
      if (current.isSignedBy(participant)) {
        continue;
      }
      String key = "protocol-" + protocolId + "-v" + current.getVersionNo() + "-reminder-" + round + "-" + participant.getUserId();
      String subject = round + ". Erinnerung: Protokoll zur Maßnahme " + measure.getCode() + " unterzeichnen";
      String body = "Guten Tag " + participant.getDisplayName() + ",\n\n"
          + "das Protokoll des Gesprächs vom " + GERMAN_DATE.format(protocol.getTalk().getHeldOn())
          + " zur Maßnahme " + measure.getCode() + " („" + measure.getProgramme().getTitle() + "“) "
          + "liegt Ihnen in der Fassung " + current.getVersionNo() + " zur Prüfung und Unterzeichnung vor. "
          + "Es tritt erst in Kraft, wenn alle Beteiligten dieselbe Fassung unterzeichnet haben.\n\n"
          + "Bitte prüfen und unterzeichnen Sie es in der Aufgabenliste oder geben Sie es mit einer Änderungsbitte zurück:\n"
          + application.taskLink(task.getId()) + "\n\n"
          + "Dies ist die " + round + ". Erinnerung.\n\n"
          + "Mit freundlichen Grüßen\n" + measure.getProgramme().getCoordinatingOffice().getName();
      String email = directory.user(participant.getUserId()).map(User::getEmail).orElse(null);
      outbox.enqueue(new Message(key, participant.getUserId(), email, subject, body, application.taskLink(task.getId())));
    }
    boolean escalate = round == reminderProperties.getSignatureEscalationAfter();
    if (escalate) {
      escalateToOfficeHeads(protocol, current, round, processInstanceId);
    }
    return escalate;
  }

  /**
   * Tells the heads of the offices whose people have not signed after the last reminder round; the
   * coordinating unit follows up in its own task. One message per head and protocol version.
   */
  private void escalateToOfficeHeads(Protocol protocol, ProtocolVersion current, int round, String processInstanceId) {
    Measure measure = protocol.getTalk().getMeasure();
    java.util.Map<Office, List<String>> missingByOffice = new java.util.LinkedHashMap<>();
    for (Task task : openSigningTasks(processInstanceId)) {
      Long participantId = (Long) taskService.getVariable(task.getId(), ProcessVariables.PARTICIPANT_ID.name());
      TalkParticipant participant = participant(protocol, participantId);
      Office office = participant.getOffice();
      if (!current.isSignedBy(participant) && office != null
          && !office.getId().equals(measure.getProgramme().getCoordinatingOffice().getId())) {
        missingByOffice.computeIfAbsent(office, o -> new java.util.ArrayList<>()).add(participant.getDisplayName());
      }
    }
    String link = application.baseUrl() + "/camunda/app/tasklist/default/";
    missingByOffice.forEach((office, names) -> {
      for (User head : directory.membersOf(List.of(office.headGroupId())).values()) {
        String body = "Guten Tag " + Directory.nameOf(head) + ",\n\n"
            + "das Protokoll des Gesprächs vom " + GERMAN_DATE.format(protocol.getTalk().getHeldOn())
            + " zur Maßnahme " + measure.getCode() + " („" + measure.getProgramme().getTitle() + "“) ist in der Fassung "
            + current.getVersionNo() + " trotz " + round + " Erinnerungen noch nicht unterzeichnet von: "
            + String.join(", ", names) + " (" + office.getName() + ").\n\n"
            + "Es tritt erst in Kraft, wenn alle Beteiligten unterzeichnet haben. Bitte wirken Sie in Ihrem Amt darauf hin.\n"
            + link + "\n\nMit freundlichen Grüßen\n" + measure.getProgramme().getCoordinatingOffice().getName();
        outbox.enqueue(new Message("protocol-" + protocol.getId() + "-v" + current.getVersionNo() + "-escalation-" + head.getId(),
            head.getId(), head.getEmail(), "Eskalation: Protokoll zur Maßnahme " + measure.getCode() + " nicht unterzeichnet",
            body, link));
      }
    });
  }

  /** Records what the coordinating unit did about an escalated, still unsigned protocol. */
  public void recordFollowUp(Long protocolId, String note, String actingUserId) {
    Protocol protocol = protocol(protocolId);
    followUps.save(new ProtocolFollowUp(protocolId, protocol.currentVersion().getVersionNo(),
        requiredText(note, "das Ergebnis der Nachverfolgung", 4000),
        actingUserId == null ? "system" : actingUserId, Instant.now(clock)));
  }

  /** Since when the protocol has been in force (signed by all). */
  @Transactional(readOnly = true)
  public Instant inForceSince(Long protocolId) {
    return protocol(protocolId).getInForceSince();
  }

  /** Takes over a signature given before the application was in use (programme import). */
  public boolean signHistoric(Long protocolId, String userId, Instant signedAt) {
    Protocol protocol = protocol(protocolId);
    TalkParticipant participant = protocol.getTalk().getParticipants().stream()
        .filter(p -> p.getUserId().equals(userId)).findFirst().orElseThrow();
    ProtocolVersion current = protocol.currentVersion();
    if (!current.isSignedBy(participant)) {
      current.sign(participant, userId, signedAt);
    }
    return putInForceIfSignedByAll(protocol);
  }

  private boolean putInForceIfSignedByAll(Protocol protocol) {
    if (!protocol.isSignedByAll()) {
      return false;
    }
    if (protocol.getState() != ProtocolState.IN_FORCE) {
      Instant lastSignature = protocol.currentVersion().getSignatures().stream()
          .map(Signature::getSignedAt).max(Instant::compareTo).orElse(Instant.now(clock));
      protocol.putInForce(lastSignature);
      protocol.getTalk().getMeasure().moveTo(MeasurePhase.INDICATORS_PENDING);
    }
    return true;
  }

  private List<Task> openSigningTasks(String processInstanceId) {
    return taskService.createTaskQuery()
        .processInstanceId(processInstanceId)
        .taskDefinitionKey(ProtocolSignOffProcess.USER_TASK_SIGN_PROTOCOL)
        .list();
  }

  private static void requireParticipant(TalkParticipant participant, String actingUserId, String verb) {
    if (actingUserId == null) {
      throw new InvalidInputException("Ein Protokoll kann nur nach Anmeldung mit dem eigenen Konto " + verb + " werden.");
    }
    if (!participant.getUserId().equals(actingUserId)) {
      throw new InvalidInputException("Diese Aufgabe gehört " + participant.getDisplayName()
          + ". Nur " + participant.getDisplayName() + " kann das Protokoll " + verb + ".");
    }
  }

  private Protocol lockedProtocol(Long protocolId) {
    return protocols.findForUpdate(protocolId)
        .orElseThrow(() -> new IllegalStateException("Protocol " + protocolId + " not found"));
  }

  private Protocol protocol(Long protocolId) {
    return protocols.findById(protocolId)
        .orElseThrow(() -> new IllegalStateException("Protocol " + protocolId + " not found"));
  }

  private TalkParticipant participant(Protocol protocol, Long participantId) {
    TalkParticipant participant = participants.findById(participantId)
        .orElseThrow(() -> new IllegalStateException("Participant " + participantId + " not found"));
    if (!participant.getTalk().getId().equals(protocol.getTalk().getId())) {
      throw new IllegalStateException("Participant " + participantId + " did not take part in the talk of protocol " + protocol.getId());
    }
    return participant;
  }

  /** What a participant's signing task needs. */
  public record SigningTask(String userId, String officeGroupId, int versionNo, String text, String documentUrl) {}
}
