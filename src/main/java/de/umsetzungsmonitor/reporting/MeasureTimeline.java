package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.IndicatorRepository;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.Groups;
import de.umsetzungsmonitor.security.ProgrammeReaders;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkRepository;
import de.umsetzungsmonitor.talks.protocol.ChangeRequest;
import de.umsetzungsmonitor.talks.protocol.Protocol;
import de.umsetzungsmonitor.talks.protocol.ProtocolFollowUp;
import de.umsetzungsmonitor.talks.protocol.ProtocolFollowUpRepository;
import de.umsetzungsmonitor.talks.protocol.ProtocolRepository;
import de.umsetzungsmonitor.talks.protocol.ProtocolVersion;
import de.umsetzungsmonitor.talks.protocol.Signature;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.external.Involvement;
import de.umsetzungsmonitor.external.InvolvementEvent;
import de.umsetzungsmonitor.external.InvolvementEventRepository;
import de.umsetzungsmonitor.external.InvolvementRepository;
import de.umsetzungsmonitor.deliveries.DeliveryEvent;
import de.umsetzungsmonitor.deliveries.DeliveryEventRepository;
import de.umsetzungsmonitor.deliveries.DeliveryRepository;
import de.umsetzungsmonitor.notification.OutboxNotification;
import de.umsetzungsmonitor.notification.OutboxRepository;
import de.umsetzungsmonitor.notification.Reminder;
import de.umsetzungsmonitor.notification.ReminderRepository;
import de.umsetzungsmonitor.talks.protocol.ProtocolService;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.UserOperationLogEntry;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who did what when for one measure: the engine's user operation log of the measure's process
 * instances (claims, completions, starts …, each with the real user) and what our tables record
 * (protocol versions, signatures, change requests, follow-ups, indicators).
 */
@Service
@Transactional(readOnly = true)
public class MeasureTimeline {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

  private static final Map<String, String> OPERATIONS = Map.ofEntries(
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CLAIM, "Aufgabe übernommen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_COMPLETE, "Aufgabe abgeschlossen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ASSIGN, "Aufgabe zugewiesen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELEGATE, "Aufgabe delegiert"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_CREATE, "Vorgang gestartet"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_JOB_RETRIES, "Wiederholung eines Schritts angestoßen"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SUSPEND, "Vorgang angehalten"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_ACTIVATE, "Vorgang fortgesetzt"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_DELETE, "Vorgang gelöscht"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_MODIFY_PROCESS_INSTANCE, "Vorgang verändert"),
      Map.entry(UserOperationLogEntry.OPERATION_TYPE_SET_VARIABLE, "Prozessdaten geändert"));

  private final MeasureRepository measures;
  private final TalkRepository talks;
  private final ProtocolRepository protocols;
  private final ProtocolFollowUpRepository followUps;
  private final IndicatorRepository indicators;
  private final ProgrammeReaders readers;
  private final HistoryService history;
  private final Directory directory;
  private final DeliveryRepository deliveries;
  private final DeliveryEventRepository deliveryEvents;
  private final ReminderRepository reminders;
  private final OutboxRepository outbox;
  private final InvolvementRepository involvements;
  private final InvolvementEventRepository involvementEvents;

  public MeasureTimeline(MeasureRepository measures, TalkRepository talks, ProtocolRepository protocols,
      ProtocolFollowUpRepository followUps, IndicatorRepository indicators, ProgrammeReaders readers,
      HistoryService history, Directory directory, DeliveryRepository deliveries, DeliveryEventRepository deliveryEvents,
      ReminderRepository reminders, OutboxRepository outbox, InvolvementRepository involvements,
      InvolvementEventRepository involvementEvents) {
    this.involvements = involvements;
    this.involvementEvents = involvementEvents;
    this.directory = directory;
    this.deliveries = deliveries;
    this.deliveryEvents = deliveryEvents;
    this.reminders = reminders;
    this.outbox = outbox;
    this.measures = measures;
    this.talks = talks;
    this.protocols = protocols;
    this.followUps = followUps;
    this.indicators = indicators;
    this.readers = readers;
    this.history = history;
  }

  /**
   * The measure's events, oldest first, for a caller who may read the programme (its coordinating
   * unit, its managers, administrators); nothing when the measure is unknown or not the caller's.
   */
  public Optional<List<Event>> of(String businessKey, Collection<String> callerGroups) {
    Measure measure = measures.findByBusinessKey(businessKey).orElse(null);
    if (measure == null || !mayRead(businessKey, callerGroups)) {
      return Optional.empty();
    }
    List<Event> events = new ArrayList<>(processEvents(businessKey));
    events.addAll(businessEvents(measure));
    events.sort(Comparator.comparing(Event::at));
    return Optional.of(events);
  }

  /**
   * What our tables record of a measure, oldest first: the talk, protocol versions, signatures,
   * change requests, reminders and escalations, indicators, and every delivery's history. The
   * caller has checked that the measure may be shown.
   */
  public List<Event> businessEvents(Measure measure) {
    List<Event> events = new ArrayList<>();
    talks.findByMeasureId(measure.getId()).ifPresent(talk -> addTalkEvents(talk, events));
    for (Indicator indicator : indicators.findByMeasureIdOrderByPosition(measure.getId())) {
      events.add(new Event(indicator.getCreatedAt(), indicator.getCreatedBy(),
          "Indikator festgelegt: " + indicator.getName(), "Anwendung"));
    }
    addDeliveryEvents(measure, events);
    addPhaseTwoEvents(measure, events);
    events.sort(Comparator.comparing(Event::at));
    return events;
  }

  private void addPhaseTwoEvents(Measure measure, List<Event> events) {
    if (measure.getPhaseTwoStartedAt() != null) {
      events.add(new Event(measure.getPhaseTwoStartedAt(), null, "Umsetzungsphase II begonnen", "Anwendung"));
    }
    if (measure.getClosedAt() != null) {
      events.add(new Event(measure.getClosedAt(), measure.getClosedBy(), measure.getPhase().label()
          + (measure.getClosureReason() == null ? "" : ": " + measure.getClosureReason()), "Anwendung"));
    }
    Map<Long, Involvement> byId = new java.util.HashMap<>();
    involvements.findByMeasureIdOrderById(measure.getId()).forEach(i -> byId.put(i.getId(), i));
    if (byId.isEmpty()) {
      return;
    }
    for (InvolvementEvent event : involvementEvents.findByInvolvementIdInOrderByOccurredAtAscIdAsc(byId.keySet())) {
      String what = byId.get(event.getInvolvementId()).getExternalBody().displayName() + ": " + event.getKind().label()
          + (event.getNote() == null || event.getNote().isBlank() ? "" : " – " + event.getNote());
      events.add(new Event(event.getOccurredAt(), event.getActor(), what, "Anwendung"));
    }
  }

  /** The user operation log of the measure's process instances that the caller reads. */
  private List<Event> processEvents(String businessKey) {
    List<Event> events = new ArrayList<>();
    // the engine decides which of the measure's instances the caller reads; their operation log is
    // then read as the application, since log entries carry per-category rights of their own. One
    // measure has a handful of instances: unlimitedList, which queryMaxResultsLimit leaves to our code
    for (HistoricProcessInstance instance : history.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(businessKey).unlimitedList()) {
      for (UserOperationLogEntry entry : directory.asSystem(() -> history.createUserOperationLogQuery()
          .processInstanceId(instance.getId()).list())) {
        if (entry.getUserId() != null && OPERATIONS.containsKey(entry.getOperationType())
            && (entry.getProperty() == null || isMainProperty(entry))) {
          events.add(new Event(entry.getTimestamp().toInstant(), entry.getUserId(),
              OPERATIONS.get(entry.getOperationType()) + describeTask(entry), "Prozess"));
        }
      }
    }
    return events;
  }

  private void addDeliveryEvents(Measure measure, List<Event> events) {
    Map<Long, Delivery> byId = new java.util.HashMap<>();
    for (Delivery delivery : deliveries.findByDataAgreementMeasureIdOrderByDataAgreementPositionAscPeriodStartAsc(
        measure.getId())) {
      byId.put(delivery.getId(), delivery);
    }
    if (byId.isEmpty()) {
      return;
    }
    for (DeliveryEvent event : deliveryEvents.findByDeliveryIdInOrderByOccurredAtAscIdAsc(List.copyOf(byId.keySet()))) {
      Delivery delivery = byId.get(event.getDeliveryId());
      String what = "Lieferung " + delivery.getPeriodLabel() + " (" + delivery.getDataAgreement().getSupplierOffice().getName()
          + "): " + event.getKind().label() + (event.getNote() == null || event.getNote().isBlank() ? "" : " – " + event.getNote());
      events.add(new Event(event.getOccurredAt(), event.getActor(), what, "Anwendung"));
    }
  }

  private void addTalkEvents(Talk talk, List<Event> events) {
    if (talk.getScheduledFor() != null) {
      events.add(new Event(talk.getCreatedAt(), talk.getCreatedBy(),
          "Gespräch terminiert auf den " + GERMAN_DATE.format(talk.getScheduledFor()), "Anwendung"));
    }
    if (talk.getHeldOn() != null) {
      events.add(new Event(talk.getHeldOn().atStartOfDay(BERLIN).toInstant(), null,
          "Gespräch geführt" + (talk.getApproach() == null ? "" : "; Vorgehensweise: " + talk.getApproach()), "Anwendung"));
    }
    Protocol protocol = protocols.findByTalkId(talk.getId()).orElse(null);
    if (protocol == null) {
      return;
    }
    Map<Long, Integer> versionNumbers = new java.util.HashMap<>();
    protocol.getVersions().forEach(version -> versionNumbers.put(version.getId(), version.getVersionNo()));
    for (Reminder reminder : reminders.findByKindAndReferenceIdIn(ProtocolService.REMINDER_KIND, versionNumbers.keySet())) {
      events.add(new Event(reminder.getCreatedAt(), null, reminder.getRound() + ". Erinnerung zur Unterzeichnung (Fassung "
          + versionNumbers.get(reminder.getReferenceId()) + ") an alle, die noch nicht unterzeichnet haben", "Anwendung"));
    }
    for (OutboxNotification message : outbox.findByNotificationKeyStartingWithOrderById("protocol-" + protocol.getId() + "-v")) {
      if (message.getNotificationKey().contains("-escalation-")) {
        events.add(new Event(message.getCreatedAt(), null, "Fehlende Unterzeichnung an die Amtsleitung eskaliert ("
            + directory.displayName(message.getRecipientUserId()) + ")", "Anwendung"));
      }
    }
    for (ProtocolVersion version : protocol.getVersions()) {
      events.add(new Event(version.getCreatedAt(), version.getCreatedBy(),
          "Protokoll Fassung " + version.getVersionNo() + " erstellt", "Anwendung"));
      for (Signature signature : version.getSignatures()) {
        events.add(new Event(signature.getSignedAt(), signature.getSignedBy(),
            "Protokoll Fassung " + version.getVersionNo() + " unterzeichnet", "Anwendung"));
      }
      for (ChangeRequest request : version.getChangeRequests()) {
        events.add(new Event(request.getRequestedAt(), request.getRequestedBy(),
            "Änderung an Fassung " + version.getVersionNo() + " erbeten: " + request.getText(), "Anwendung"));
      }
    }
    if (protocol.getInForceSince() != null) {
      events.add(new Event(protocol.getInForceSince(), null, "Protokoll in Kraft (von allen unterzeichnet)", "Anwendung"));
    }
    for (ProtocolFollowUp followUp : followUps.findByProtocolId(protocol.getId())) {
      events.add(new Event(followUp.getRecordedAt(), followUp.getRecordedBy(),
          "Unterzeichnung nachgehalten: " + followUp.getNote(), "Anwendung"));
    }
  }

  private boolean mayRead(String businessKey, Collection<String> callerGroups) {
    return callerGroups.contains(Groups.ADMINISTRATORS)
        || readers.of(businessKey).all().stream().anyMatch(callerGroups::contains);
  }

  /** An operation touching several properties is logged once per property; keep one line. */
  private static boolean isMainProperty(UserOperationLogEntry entry) {
    return switch (entry.getOperationType()) {
      case UserOperationLogEntry.OPERATION_TYPE_CLAIM, UserOperationLogEntry.OPERATION_TYPE_ASSIGN -> "assignee".equals(entry.getProperty());
      case UserOperationLogEntry.OPERATION_TYPE_COMPLETE -> "delete".equals(entry.getProperty());
      default -> true;
    };
  }

  private static String describeTask(UserOperationLogEntry entry) {
    return UserOperationLogEntry.ENTITY_TYPE_TASK.equals(entry.getEntityType()) && entry.getTaskId() != null
        ? " (Aufgabe " + entry.getTaskId() + ")" : "";
  }

  /** One line of the timeline. {@code source} says whether the engine or the application recorded it. */
  public record Event(Instant at, String userId, String what, String source) {}
}
