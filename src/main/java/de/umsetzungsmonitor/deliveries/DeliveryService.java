package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.FormInput.optionalText;
import static de.umsetzungsmonitor.process.FormInput.requiredDate;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.IndicatorRepository;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.DeliveryProperties;
import de.umsetzungsmonitor.deliveries.DeliveryEvent.Kind;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.process.DataAgreementProcess;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.security.Directory;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The life of data deliveries: opens one period after the other for every data agreement, takes
 * the office's (or the source's) data, checks, locks and reopens periods, and writes reminders and
 * escalations to the outbox. Called by the delivery models' delegates and listeners, in the
 * engine's transaction.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class DeliveryService {

  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
  static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);
  private static final String OVERDUE_REMINDER = "DELIVERY_OVERDUE";

  private final DataAgreementRepository agreements;
  private final DeliveryRepository deliveries;
  private final DeliveryEventRepository events;
  private final IndicatorRepository indicators;
  private final MeasureRepository measures;
  private final RuntimeService runtime;
  private final TaskService taskService;
  private final NotificationOutbox outbox;
  private final Directory directory;
  private final DeliveryProperties properties;
  private final ApplicationProperties application;
  private final Clock clock;

  public DeliveryService(DataAgreementRepository agreements, DeliveryRepository deliveries,
      DeliveryEventRepository events, IndicatorRepository indicators, MeasureRepository measures,
      RuntimeService runtime, TaskService taskService, NotificationOutbox outbox, Directory directory,
      DeliveryProperties properties, ApplicationProperties application, Clock clock) {
    this.agreements = agreements;
    this.deliveries = deliveries;
    this.events = events;
    this.indicators = indicators;
    this.measures = measures;
    this.runtime = runtime;
    this.taskService = taskService;
    this.outbox = outbox;
    this.directory = directory;
    this.properties = properties;
    this.application = application;
    this.clock = clock;
  }

  // ---------------------------------------------------------------- agreements and periods

  /** Starts the delivery process of every data agreement of the measure that has none yet. */
  public int startDeliveries(Long measureId) {
    Measure measure = measures.findById(measureId).orElseThrow();
    int started = 0;
    for (DataAgreement agreement : agreements.findByMeasureIdOrderByPosition(measureId)) {
      if (agreement.getProcessInstanceId() != null) {
        continue;
      }
      ProcessInstance instance = runtime.createProcessInstanceByKey(DataAgreementProcess.KEY)
          // the measure's business key: Cockpit, the audit trail and the programme's readers see it as the measure's
          .businessKey(measure.getBusinessKey())
          .setVariable(ProcessVariables.MEASURE_ID.name(), measureId)
          .setVariable(ProcessVariables.DATA_AGREEMENT_ID.name(), agreement.getId())
          .setVariable(ProcessVariables.COORDINATION_GROUP.name(), measure.getProgramme().coordinationGroup())
          .execute();
      agreement.deliveriesStarted(instance.getId());
      started++;
    }
    return started;
  }

  /**
   * Opens the period after {@code lastIndex} (or the first one to ask for), once: a repeated call
   * finds the row the first one wrote.
   */
  public OpenedPeriod openNextPeriod(Long agreementId, Integer lastIndex) {
    DataAgreement agreement = agreement(agreementId);
    LocalDate today = LocalDate.now(clock.withZone(ZONE));
    ReportingPeriod period = lastIndex == null
        ? ReportingPeriod.firstToOpen(agreement.getFirstDue(), agreement.reportingPeriod(), today)
        : ReportingPeriod.of(agreement.getFirstDue(), agreement.reportingPeriod(), lastIndex + 1);
    Delivery delivery = deliveries.findByDataAgreementIdAndPeriodStart(agreementId, period.start()).orElse(null);
    if (delivery == null) {
      delivery = deliveries.saveAndFlush(new Delivery(agreement, period,
          period.due().plus(properties.getLockGrace()), Instant.now(clock)));
      record(delivery, Kind.OPENED, null, null);
    }
    return new OpenedPeriod(delivery.getId(), period.index(), atReminderTime(period.due()), isActive(agreement));
  }

  /** Whether the agreement still asks for data: not once its measure is done. */
  public boolean isActive(DataAgreement agreement) {
    Measure measure = agreement.getMeasure();
    return measure.getStatus() != MeasureStatus.DONE && !measure.getPhase().closed();
  }

  /** Deadlines and routing of a period's delivery, as its process needs them. */
  public DeliveryPlan plan(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    DataAgreement agreement = delivery.getDataAgreement();
    Office supplier = agreement.getSupplierOffice();
    LocalDate due = delivery.getDueDate();
    ZonedDateTime firstOverdue = atReminderTimeZoned(due.plus(properties.getOverdueInterval()));
    ZonedDateTime now = ZonedDateTime.now(clock.withZone(ZONE));
    if (firstOverdue.isBefore(now)) {
      // overdue already (opened late, reopened, returned, or after downtime): one reminder now, not one per missed interval
      firstOverdue = now.plusMinutes(1).withNano(0);
    }
    String cycle = "R/" + firstOverdue.toOffsetDateTime() + "/" + properties.getOverdueInterval();
    return new DeliveryPlan(title(delivery), supplier.groupId(), supplier.headGroupId(),
        atReminderTime(due.minus(properties.getRemindBefore())), atReminderTime(due),
        atReminderTime(delivery.getLockDate()), cycle,
        agreement.hasHttpSource() && delivery.getReturnReason() == null, agreement.getSourceUrl());
  }

  // ---------------------------------------------------------------- the office delivers

  /** The indicators a delivery carries: those the supplier office is the source of, else all of the measure's. */
  public List<Indicator> indicatorsOf(Delivery delivery) {
    DataAgreement agreement = delivery.getDataAgreement();
    List<Indicator> all = indicators.findByMeasureIdOrderByPosition(agreement.getMeasure().getId());
    List<Indicator> own = all.stream()
        .filter(i -> i.getSourceOffice().getId().equals(agreement.getSupplierOffice().getId())).toList();
    return own.isEmpty() ? all : own;
  }

  /** What the delivery form shows: the period, deadlines, a return reason and a field per indicator. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public Map<String, Object> deliveryForm(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    DataAgreement agreement = delivery.getDataAgreement();
    Map<Long, DeliveryValue> previous = new java.util.HashMap<>();
    delivery.getValues().forEach(v -> previous.put(v.getIndicator().getId(), v));
    List<Map<String, Object>> fields = indicatorsOf(delivery).stream().map(indicator -> {
      Map<String, Object> field = new java.util.LinkedHashMap<>();
      field.put("id", indicator.getId());
      field.put("name", indicator.getName());
      field.put("definition", indicator.getDefinition());
      field.put("unit", indicator.getUnit());
      field.put("type", indicator.getValueType().name());
      field.put("typeLabel", indicator.getValueType().label());
      DeliveryValue value = previous.get(indicator.getId());
      if (value != null) {
        field.put("value", value.getTextValue() != null ? value.getTextValue() : value.getNumericValue().toPlainString());
      }
      return field;
    }).toList();
    Map<String, Object> form = new java.util.LinkedHashMap<>();
    form.put("measure", agreement.getMeasure().getCode() + " – " + agreement.getMeasure().getText());
    form.put("data", agreement.getDataDescription());
    form.put("period", delivery.getPeriodLabel());
    form.put("dueDate", GERMAN_DATE.format(delivery.getDueDate()));
    form.put("lockDate", GERMAN_DATE.format(delivery.getLockDate()));
    if (delivery.getReturnReason() != null && delivery.getState() == DeliveryState.RETURNED) {
      form.put("returnReason", delivery.getReturnReason());
    }
    if (delivery.getDeliveryComment() != null) {
      form.put("comment", delivery.getDeliveryComment());
    }
    form.put("indicators", fields);
    return form;
  }

  /**
   * Takes the office's data for the period, or refuses them with a German message: a value missing
   * or not of its indicator's type, or a period that is not (or no longer) waiting for data.
   */
  public void submit(Long deliveryId, Map<Long, String> rawValues, String comment, UploadedFile file, String userId,
      String taskId) {
    Delivery delivery = delivery(deliveryId);
    requireAwaitingData(delivery);
    List<DeliveryValue> values = new java.util.ArrayList<>();
    for (Indicator indicator : indicatorsOf(delivery)) {
      values.add(DeliveryValues.parse(indicator, rawValues.get(indicator.getId())));
    }
    String checkedComment = optionalText(comment, "Anmerkung", 4000);
    if (file != null) {
      DeliveryFiles.check(file);
    }
    delivery.submit(values, checkedComment, userId, Instant.now(clock));
    if (file != null) {
      String attachmentId = taskService.createAttachment(file.mimeType(), taskId, delivery.getProcessInstanceId(),
          file.safeName(), "Datenlieferung " + delivery.getPeriodLabel(), new java.io.ByteArrayInputStream(file.content()))
          .getId();
      delivery.attach(attachmentId, file.safeName());
    }
    record(delivery, Kind.SUBMITTED, userId, checkedComment);
  }

  private void requireAwaitingData(Delivery delivery) {
    switch (delivery.getState()) {
      case OPEN, RETURNED -> { }
      case LOCKED -> throw new InvalidInputException("Der Zeitraum " + delivery.getPeriodLabel()
          + " ist gesperrt: die Lieferfrist ist am " + GERMAN_DATE.format(delivery.getLockDate())
          + " abgelaufen. Nachträgliche Daten nimmt die koordinierende Stelle nur nach Freigabe an.");
      case MISSED -> throw new InvalidInputException("Der Zeitraum " + delivery.getPeriodLabel()
          + " ist ohne Lieferung abgeschlossen.");
      default -> throw new InvalidInputException("Für den Zeitraum " + delivery.getPeriodLabel()
          + " wurden bereits Daten geliefert (" + delivery.getState().label() + ").");
    }
  }

  // ---------------------------------------------------------------- HTTP source

  /** Takes the values a source returned, or says in German why they cannot be used. */
  public void takeOverFetched(Long deliveryId, Integer status, String body) {
    Delivery delivery = delivery(deliveryId);
    DataAgreement agreement = delivery.getDataAgreement();
    if (status == null || status < 200 || status > 299) {
      throw new SourceUnusableException("Die Quelle " + agreement.getSourceUrl() + " antwortete mit dem Status " + status + ".");
    }
    Map<String, String> byName = SourceData.parse(agreement.getSourceFormat(), body, delivery.getPeriodLabel());
    List<DeliveryValue> values = new java.util.ArrayList<>();
    for (Indicator indicator : indicatorsOf(delivery)) {
      String raw = byName.get(indicator.getName());
      if (raw == null) {
        throw new SourceUnusableException("Die Quelle liefert für den Zeitraum " + delivery.getPeriodLabel()
            + " keinen Wert für „" + indicator.getName() + "“.");
      }
      try {
        values.add(DeliveryValues.parse(indicator, raw));
      } catch (InvalidInputException e) {
        throw new SourceUnusableException(e.getMessage());
      }
    }
    requireAwaitingData(delivery);
    delivery.submit(values, "Automatisch abgerufen von " + agreement.getSourceUrl(), "quelle", Instant.now(clock));
    record(delivery, Kind.FETCHED, null, agreement.getSourceUrl());
  }

  /** Records a failed fetch and tells the office, which now delivers by hand. */
  public void reportSourceFailure(Long deliveryId, String reason) {
    Delivery delivery = delivery(deliveryId);
    record(delivery, Kind.FETCH_FAILED, null, reason);
    int attempt = (int) events.findByDeliveryIdOrderById(deliveryId).stream().filter(e -> e.getKind() == Kind.FETCH_FAILED).count();
    notifyOffice(delivery, "source-failed-" + attempt,
        "Automatischer Abruf fehlgeschlagen: " + title(delivery),
        "der automatische Abruf der vereinbarten Daten ist fehlgeschlagen:\n" + reason
            + "\n\nBitte liefern Sie die Daten für den Zeitraum " + delivery.getPeriodLabel()
            + " bis zum " + GERMAN_DATE.format(delivery.getDueDate()) + " selbst in der Aufgabenliste");
  }

  // ---------------------------------------------------------------- reminders and escalation

  /** The reminder some days before the due date, once per period, and only while it is still ahead. */
  public void remindBeforeDue(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    if (!delivery.getState().awaitsData() || today().isAfter(delivery.getDueDate())) {
      return;
    }
    boolean sent = notifyOffice(delivery, "before-due", "Erinnerung: " + title(delivery) + " fällig am " + GERMAN_DATE.format(delivery.getDueDate()),
        "die vereinbarten Daten für den Zeitraum " + delivery.getPeriodLabel() + " sind am "
            + GERMAN_DATE.format(delivery.getDueDate()) + " fällig. Bitte liefern Sie sie rechtzeitig in der Aufgabenliste");
    if (sent) {
      record(delivery, Kind.REMINDED, null, "vor Fälligkeit");
    }
  }

  /** The reminder on the due date, once per period. */
  public void remindOnDueDate(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    if (!delivery.getState().awaitsData() || today().isAfter(delivery.getDueDate())) {
      return;
    }
    boolean sent = notifyOffice(delivery, "due", "Heute fällig: " + title(delivery),
        "die vereinbarten Daten für den Zeitraum " + delivery.getPeriodLabel() + " sind heute, am "
            + GERMAN_DATE.format(delivery.getDueDate()) + ", fällig. Bitte liefern Sie sie in der Aufgabenliste");
    if (sent) {
      record(delivery, Kind.REMINDED, null, "am Fälligkeitstag");
    }
  }

  /** An overdue reminder (numbered); says whether this round escalates to the office head's group. */
  public boolean remindOverdue(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    if (!delivery.getState().awaitsData()) {
      return false;
    }
    int round = outbox.nextReminderRound(OVERDUE_REMINDER, deliveryId);
    notifyOffice(delivery, "overdue-" + round, round + ". Mahnung: " + title(delivery) + " überfällig",
        "die vereinbarten Daten für den Zeitraum " + delivery.getPeriodLabel() + " waren am "
            + GERMAN_DATE.format(delivery.getDueDate()) + " fällig und liegen noch nicht vor. Ab dem "
            + GERMAN_DATE.format(delivery.getLockDate()) + " ist der Zeitraum gesperrt. "
            + "Dies ist die " + round + ". Mahnung. Bitte liefern Sie die Daten in der Aufgabenliste");
    record(delivery, Kind.REMINDED, null, round + ". Mahnung");
    boolean escalate = round == properties.getEscalationAfter();
    if (escalate) {
      escalate(delivery, round);
    }
    return escalate;
  }

  private void escalate(Delivery delivery, int round) {
    Office supplier = delivery.getDataAgreement().getSupplierOffice();
    Measure measure = delivery.getDataAgreement().getMeasure();
    String subject = "Eskalation: " + title(delivery) + " trotz " + round + " Mahnungen überfällig";
    String link = application.baseUrl() + "/camunda/app/tasklist/default/";
    for (User head : directory.membersOf(List.of(supplier.headGroupId())).values()) {
      String body = "Guten Tag " + Directory.nameOf(head) + ",\n\n"
          + "die Datenlieferung „" + delivery.getDataAgreement().getDataDescription() + "“ Ihres Amtes ("
          + supplier.getName() + ") zur Maßnahme " + measure.getCode() + " für den Zeitraum "
          + delivery.getPeriodLabel() + " war am " + GERMAN_DATE.format(delivery.getDueDate())
          + " fällig und ist trotz " + round + " Mahnungen nicht eingegangen.\n\n"
          + "Bitte halten Sie die Lieferung nach; die Aufgabe dazu liegt in der Aufgabenliste Ihrer Amtsleitung:\n"
          + link + "\n\nMit freundlichen Grüßen\n" + measure.getProgramme().getCoordinatingOffice().getName();
      outbox.enqueue(new Message("delivery-" + delivery.getId() + "-escalation-" + head.getId(), head.getId(),
          head.getEmail(), subject, body, link));
    }
    record(delivery, Kind.ESCALATED, null, supplier.headGroupId());
  }

  /** Reminds every member of the supplier office; the key makes each reminder a single message per person. */
  private boolean notifyOffice(Delivery delivery, String reminderKey, String subject, String text) {
    boolean queued = false;
    DataAgreement agreement = delivery.getDataAgreement();
    Measure measure = agreement.getMeasure();
    String link = openDeliveryTask(delivery).map(t -> application.taskLink(t.getId()))
        .orElse(application.baseUrl() + "/camunda/app/tasklist/default/");
    for (User user : directory.membersOf(List.of(agreement.getSupplierOffice().groupId())).values()) {
      String body = "Guten Tag " + Directory.nameOf(user) + ",\n\n" + text + ":\n" + link + "\n\n"
          + "Maßnahme: " + measure.getCode() + " – " + measure.getText() + "\n"
          + "Daten: " + agreement.getDataDescription() + "\n"
          + "Zeitraum: " + delivery.getPeriodLabel() + "\n"
          + "Fällig am: " + GERMAN_DATE.format(delivery.getDueDate()) + "\n\n"
          + "Mit freundlichen Grüßen\n" + measure.getProgramme().getCoordinatingOffice().getName();
      queued |= outbox.enqueue(new Message("delivery-" + delivery.getId() + "-" + reminderKey + "-" + user.getId(),
          user.getId(), user.getEmail(), subject, body, link));
    }
    return queued;
  }

  private Optional<Task> openDeliveryTask(Delivery delivery) {
    if (delivery.getProcessInstanceId() == null) {
      return Optional.empty();
    }
    return taskService.createTaskQuery().processInstanceId(delivery.getProcessInstanceId())
        .taskDefinitionKey(de.umsetzungsmonitor.process.DataDeliveryProcess.USER_TASK_DELIVER_DATA).list().stream().findFirst();
  }

  // ---------------------------------------------------------------- check, lock, reopen

  /** What the checker sees of a delivery. */
  @Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
  public String summary(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    StringBuilder text = new StringBuilder();
    text.append("Zeitraum: ").append(delivery.getPeriodLabel()).append(" (fällig am ")
        .append(GERMAN_DATE.format(delivery.getDueDate())).append(")\n");
    text.append("Geliefert ").append(delivery.submittedOnTime() ? "fristgerecht" : "verspätet").append(" am ")
        .append(GERMAN_DATE.format(LocalDate.ofInstant(delivery.getSubmittedAt(), ZONE)))
        .append(" von ").append(directory.displayName(delivery.getSubmittedBy())).append("\n\n");
    for (DeliveryValue value : delivery.getValues()) {
      text.append(value.getIndicator().getName()).append(": ").append(value.display()).append("\n");
    }
    if (delivery.getDeliveryComment() != null) {
      text.append("\nAnmerkung: ").append(delivery.getDeliveryComment()).append("\n");
    }
    if (delivery.getAttachmentName() != null) {
      text.append("\nDatei: ").append(delivery.getAttachmentName()).append("\n");
    }
    return text.toString();
  }

  public String fileUrl(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    return delivery.getAttachmentId() == null ? null
        : application.baseUrl() + "/lieferungen/" + deliveryId + "/datei";
  }

  /** Accepts the delivery or returns it with a reason; says whether it was accepted. */
  public boolean check(Long deliveryId, String decision, String reason, String userId) {
    Delivery delivery = delivery(deliveryId);
    if (delivery.getState() != DeliveryState.SUBMITTED) {
      throw new InvalidInputException("Diese Lieferung liegt nicht zur Prüfung vor (" + delivery.getState().label() + ").");
    }
    if (de.umsetzungsmonitor.process.DataDeliveryProcess.DECISION_ACCEPT.equals(decision)) {
      delivery.accept(userId, Instant.now(clock));
      record(delivery, Kind.ACCEPTED, userId, null);
      return true;
    }
    if (de.umsetzungsmonitor.process.DataDeliveryProcess.DECISION_RETURN.equals(decision)) {
      String why = requiredText(reason, "den Grund der Rückgabe", 4000);
      delivery.returnForCorrection(why, userId, Instant.now(clock));
      LocalDate earliestLock = today().plus(properties.getLockGrace());
      if (delivery.getLockDate().isBefore(earliestLock)) {
        // returning is the coordinating unit's explicit consent to late data: the period stays open
        delivery.reopen(earliestLock);
      }
      record(delivery, Kind.RETURNED, userId, why);
      return false;
    }
    throw new InvalidInputException("Bitte wählen: annehmen oder zur Korrektur zurückgeben.");
  }

  /** Locks the period once its deadline and grace have passed. */
  public void lock(Long deliveryId) {
    Delivery delivery = delivery(deliveryId);
    if (delivery.getState().awaitsData()) {
      delivery.lock();
      record(delivery, Kind.LOCKED, null, null);
    }
  }

  /** The coordinating unit reopens a locked period until a new deadline, or closes it as missed. */
  public boolean decideLocked(Long deliveryId, String decision, String reason, String newDeadline, String userId) {
    Delivery delivery = delivery(deliveryId);
    if (delivery.getState() != DeliveryState.LOCKED) {
      throw new InvalidInputException("Der Zeitraum ist nicht gesperrt (" + delivery.getState().label() + ").");
    }
    String why = requiredText(reason, "die Begründung", 4000);
    if (de.umsetzungsmonitor.process.DataDeliveryProcess.DECISION_REOPEN.equals(decision)) {
      LocalDate deadline = requiredDate(newDeadline, "die neue Lieferfrist");
      if (!deadline.isAfter(today())) {
        throw new InvalidInputException("Die neue Lieferfrist muss nach dem heutigen Tag liegen.");
      }
      delivery.reopen(deadline);
      record(delivery, Kind.REOPENED, userId, why + " (neue Frist: " + GERMAN_DATE.format(deadline) + ")");
      return true;
    }
    if (de.umsetzungsmonitor.process.DataDeliveryProcess.DECISION_CLOSE.equals(decision)) {
      delivery.closeAsMissed();
      record(delivery, Kind.MISSED, userId, why);
      return false;
    }
    throw new InvalidInputException("Bitte wählen: Zeitraum wieder öffnen oder ohne Lieferung abschließen.");
  }

  /** Records what the office head did about an escalated, overdue delivery. */
  public void recordFollowUp(Long deliveryId, String note, String userId) {
    record(delivery(deliveryId), Kind.FOLLOWED_UP, userId, requiredText(note, "das Ergebnis der Nachverfolgung", 4000));
  }

  public void processStarted(Long deliveryId, String processInstanceId) {
    delivery(deliveryId).processStarted(processInstanceId);
  }

  // ---------------------------------------------------------------- helpers

  /** "Anzahl der Plätze …, 2019": the data and the period, for task names and subjects. */
  public String title(Delivery delivery) {
    String data = delivery.getDataAgreement().getDataDescription();
    if (data.length() > 80) {
      data = data.substring(0, 77).strip() + "…";
    }
    return data + ", " + delivery.getPeriodLabel();
  }

  public Delivery delivery(Long deliveryId) {
    return deliveries.findById(deliveryId)
        .orElseThrow(() -> new IllegalStateException("Delivery " + deliveryId + " not found"));
  }

  private DataAgreement agreement(Long agreementId) {
    return agreements.findById(agreementId)
        .orElseThrow(() -> new IllegalStateException("Data agreement " + agreementId + " not found"));
  }

  private void record(Delivery delivery, Kind kind, String actor, String note) {
    events.save(new DeliveryEvent(delivery.getId(), kind, actor, note, Instant.now(clock)));
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(ZONE));
  }

  private ZonedDateTime atReminderTimeZoned(LocalDate date) {
    return date.atTime(properties.getReminderTime()).atZone(ZONE);
  }

  private Date atReminderTime(LocalDate date) {
    return Date.from(atReminderTimeZoned(date).toInstant());
  }

  /** A period just opened: its delivery, when the next one opens, and whether there will be one. */
  public record OpenedPeriod(Long deliveryId, int index, Date nextPeriodAt, boolean agreementActive) {}

  /** What a period's delivery process needs to know. */
  public record DeliveryPlan(String title, String supplierGroup, String officeHeadGroup, Date remindAt, Date dueAt,
      Date lockAt, String overdueCycle, boolean fetchFromSource, String sourceUrl) {}
}
