package de.umsetzungsmonitor.reporting;

import de.umsetzungsmonitor.catalogue.FieldOfAction;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.Delivery;
import de.umsetzungsmonitor.notification.Reminder;
import de.umsetzungsmonitor.notification.ReminderRepository;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.Groups;
import de.umsetzungsmonitor.talks.Talk;
import de.umsetzungsmonitor.talks.TalkParticipant;
import de.umsetzungsmonitor.talks.protocol.Protocol;
import de.umsetzungsmonitor.talks.protocol.ProtocolService;
import de.umsetzungsmonitor.talks.protocol.ProtocolState;
import de.umsetzungsmonitor.talks.protocol.ProtocolVersion;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The implementation overview (Umsetzungsübersicht): every measure the caller may see, with its
 * phase, current step, lead offices, talk, protocol state, next due delivery and what is overdue,
 * filtered as the caller asks. Reads our tables; only the names of the open tasks come from the
 * engine.
 *
 * <p>Who sees what: administrators, a programme's coordinating unit and its manager groups see
 * every measure of the programme; an office (its staff's group or its head's group) sees the
 * measures it leads and those it delivers data for. Nobody else sees a measure.
 *
 * <p>Overdue is a period whose due date has passed without usable data (overdue, or returned for
 * correction), and a protocol whose current version has had at least one signature reminder.
 */
@Service
@Transactional(readOnly = true)
public class ImplementationOverview {

  static final int MAX_SEARCH_LENGTH = 200;
  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy", Locale.GERMANY);

  private final ProgrammeRepository programmes;
  private final OverviewQueries queries;
  private final ReminderRepository reminders;
  private final TaskService taskService;
  private final RuntimeService runtime;
  private final Directory directory;
  private final Clock clock;

  public ImplementationOverview(ProgrammeRepository programmes, OverviewQueries queries, ReminderRepository reminders,
      TaskService taskService, RuntimeService runtime, Directory directory, Clock clock) {
    this.programmes = programmes;
    this.queries = queries;
    this.reminders = reminders;
    this.taskService = taskService;
    this.runtime = runtime;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * The overview for a caller with these groups. Unknown filter values are refused in German
   * ({@link InvalidInputException}); a programme the caller does not see counts as unknown.
   */
  public Overview overview(Filter filter, Collection<String> callerGroups) {
    Filter checked = filter.normalised();
    LocalDate today = LocalDate.now(clock);
    List<MeasureRow> visible = visibleRows(callerGroups, today);

    Map<String, String> programmeOptions = new LinkedHashMap<>();
    visible.forEach(row -> programmeOptions.putIfAbsent(row.programmeCode(),
        row.programmeTitle() + " (" + row.programmeCode() + ")"));
    if (checked.programme() != null && !programmeOptions.containsKey(checked.programme())) {
      throw new InvalidInputException("Das Programm „" + checked.programme() + "“ gibt es nicht in Ihren Programmen.");
    }
    List<MeasureRow> inProgramme = visible.stream()
        .filter(row -> checked.programme() == null || row.programmeCode().equals(checked.programme())).toList();

    Map<String, String> fieldOptions = new LinkedHashMap<>();
    Map<String, String> officeOptions = new HashMap<>();
    for (MeasureRow row : inProgramme) {
      fieldOptions.putIfAbsent(row.fieldOfActionKey(), row.fieldOfAction()
          + (checked.programme() == null && programmeOptions.size() > 1 ? " (" + row.programmeTitle() + ")" : ""));
      row.offices().forEach(office -> officeOptions.putIfAbsent(office.code(), office.name()));
    }
    if (checked.fieldOfAction() != null && !fieldOptions.containsKey(checked.fieldOfAction())) {
      throw new InvalidInputException("Das Handlungsfeld „" + checked.fieldOfAction() + "“ gibt es in dieser Auswahl nicht.");
    }
    if (checked.office() != null && !officeOptions.containsKey(checked.office())) {
      throw new InvalidInputException("Die Stelle „" + checked.office() + "“ ist an keiner Maßnahme dieser Auswahl beteiligt.");
    }

    List<MeasureRow> rows = inProgramme.stream().filter(row -> checked.matches(row)).toList();
    List<Option> offices = officeOptions.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue()))
        .sorted(Comparator.comparing(Option::label)).toList();
    List<Option> phases = java.util.Arrays.stream(MeasurePhase.values())
        .map(phase -> new Option(phase.name(), phase.label())).toList();
    return new Overview(today, checked, options(programmeOptions), options(fieldOptions), offices, phases, rows,
        visible.size(), (int) rows.stream().filter(MeasureRow::overdue).count());
  }

  /** One measure's row, if the caller may see the measure. */
  public java.util.Optional<MeasureRow> row(String businessKey, Collection<String> callerGroups) {
    return visibleRows(callerGroups, LocalDate.now(clock)).stream()
        .filter(row -> row.businessKey().equals(businessKey)).findFirst();
  }

  private List<MeasureRow> visibleRows(Collection<String> callerGroups, LocalDate today) {
    Set<String> groups = new HashSet<>(callerGroups);
    Map<Long, Boolean> readsWholeProgramme = new HashMap<>();
    for (Programme programme : programmes.findAll()) {
      readsWholeProgramme.put(programme.getId(), readsWholeProgramme(programme, groups));
    }
    List<Measure> measures = queries.measuresOf(readsWholeProgramme.keySet());
    Map<Long, List<DataAgreement>> agreementsByMeasure = queries.agreementsOf(ids(measures)).stream()
        .collect(Collectors.groupingBy(a -> a.getMeasure().getId()));
    List<Measure> visible = measures.stream()
        .filter(m -> readsWholeProgramme.get(m.getProgramme().getId())
            || involvesCaller(m, agreementsByMeasure.getOrDefault(m.getId(), List.of()), groups))
        .sorted(Comparator.comparing((Measure m) -> m.getProgramme().getTitle()).thenComparing(Measure::getPosition))
        .toList();
    if (visible.isEmpty()) {
      return List.of();
    }
    Set<Long> visibleIds = ids(visible);
    Map<Long, Talk> talkByMeasure = queries.talksOf(visibleIds).stream()
        .collect(Collectors.toMap(t -> t.getMeasure().getId(), t -> t));
    Map<Long, Protocol> protocolByTalk = queries.protocolsOf(talkByMeasure.values().stream().map(Talk::getId).toList())
        .stream().collect(Collectors.toMap(p -> p.getTalk().getId(), p -> p));
    Map<Long, Integer> reminderRounds = reminderRounds(protocolByTalk.values());
    Map<Long, List<Delivery>> deliveriesByMeasure = queries.deliveriesOf(visibleIds).stream()
        .collect(Collectors.groupingBy(d -> d.getDataAgreement().getMeasure().getId(), LinkedHashMap::new,
            Collectors.toList()));
    Map<String, List<String>> steps = openStepsByBusinessKey(visible);

    List<MeasureRow> rows = new ArrayList<>();
    for (Measure measure : visible) {
      Talk talk = talkByMeasure.get(measure.getId());
      Protocol protocol = talk == null ? null : protocolByTalk.get(talk.getId());
      rows.add(row(measure, talk, protocol, reminderRounds,
          agreementsByMeasure.getOrDefault(measure.getId(), List.of()),
          deliveriesByMeasure.getOrDefault(measure.getId(), List.of()),
          steps.getOrDefault(measure.getBusinessKey(), List.of()), today));
    }
    return rows;
  }

  private MeasureRow row(Measure measure, Talk talk, Protocol protocol, Map<Long, Integer> reminderRounds,
      List<DataAgreement> agreements, List<Delivery> deliveries, List<String> openSteps, LocalDate today) {
    List<OfficeName> leadOffices = measure.getLeadOffices().stream()
        .sorted(Comparator.comparing(Office::getName)).map(OfficeName::of).toList();
    Set<OfficeName> involved = new LinkedHashSet<>(leadOffices);
    agreements.forEach(a -> involved.add(OfficeName.of(a.getSupplierOffice())));

    List<String> overdueItems = new ArrayList<>();
    ProtocolStatus protocolStatus = protocolStatus(protocol, reminderRounds, overdueItems);
    NextDelivery next = null;
    for (Delivery delivery : deliveries) {
      Completeness completeness = PeriodStatus.of(delivery, today).completeness();
      String what = delivery.getPeriodLabel() + " (" + delivery.getDataAgreement().getSupplierOffice().getName() + ")";
      if (completeness == Completeness.OVERDUE) {
        overdueItems.add("Lieferung " + what + " seit " + GERMAN_DATE.format(delivery.getDueDate()) + " überfällig");
      } else if (completeness == Completeness.RETURNED && delivery.getDueDate().isBefore(today)) {
        overdueItems.add("Korrektur der Lieferung " + what + " steht aus (fällig war der "
            + GERMAN_DATE.format(delivery.getDueDate()) + ")");
      }
      boolean awaited = completeness == Completeness.PENDING || completeness == Completeness.OVERDUE
          || completeness == Completeness.RETURNED;
      if (awaited && (next == null || delivery.getDueDate().isBefore(next.dueDate()))) {
        next = new NextDelivery(delivery.getDueDate(), delivery.getPeriodLabel(),
            delivery.getDataAgreement().getSupplierOffice().getName(), delivery.getDueDate().isBefore(today));
      }
    }
    FieldOfAction field = measure.getFieldOfAction();
    return new MeasureRow(measure.getBusinessKey(), measure.getProgramme().getCode(), measure.getProgramme().getTitle(),
        measure.getCode(), measure.getText(), String.valueOf(field.getId()), field.getName(), measure.getPhase().name(),
        measure.getPhase().label(), currentSteps(measure, openSteps, agreements), leadOffices, List.copyOf(involved),
        talk == null ? null : talk.getScheduledFor(), talk == null ? null : talk.getHeldOn(),
        talk == null ? null : talk.getApproach(), talk == null ? null : talk.getRemarks(), protocolStatus, next,
        List.copyOf(overdueItems), measure.getProcessInstanceId());
  }

  private static ProtocolStatus protocolStatus(Protocol protocol, Map<Long, Integer> reminderRounds,
      List<String> overdueItems) {
    if (protocol == null || protocol.getVersions().isEmpty()) {
      return new ProtocolStatus("NONE", "noch kein Protokoll", null, List.of(), 0);
    }
    ProtocolVersion current = protocol.currentVersion();
    if (protocol.getState() == ProtocolState.IN_FORCE) {
      return new ProtocolStatus("IN_FORCE", "von allen unterzeichnet", current.getVersionNo(), List.of(), 0);
    }
    List<String> missing = protocol.getTalk().getParticipants().stream()
        .filter(participant -> !current.isSignedBy(participant))
        .map(TalkParticipant::getDisplayName).sorted().toList();
    int rounds = reminderRounds.getOrDefault(current.getId(), 0);
    if (rounds > 0) {
      overdueItems.add("Protokoll (Fassung " + current.getVersionNo() + ") trotz " + rounds
          + (rounds == 1 ? " Erinnerung" : " Erinnerungen") + " nicht von allen unterzeichnet");
    }
    return new ProtocolStatus("IN_SIGNATURE", "in Unterzeichnung", current.getVersionNo(), missing, rounds);
  }

  private Map<Long, Integer> reminderRounds(Collection<Protocol> protocols) {
    List<Long> versionIds = protocols.stream().filter(p -> !p.getVersions().isEmpty())
        .map(p -> p.currentVersion().getId()).toList();
    Map<Long, Integer> rounds = new HashMap<>();
    if (!versionIds.isEmpty()) {
      for (Reminder reminder : reminders.findByKindAndReferenceIdIn(ProtocolService.REMINDER_KIND, versionIds)) {
        rounds.merge(reminder.getReferenceId(), reminder.getRound(), Math::max);
      }
    }
    return rounds;
  }

  private static List<String> currentSteps(Measure measure, List<String> openSteps, List<DataAgreement> agreements) {
    if (!openSteps.isEmpty()) {
      return openSteps;
    }
    return switch (measure.getPhase()) {
      case NOT_STARTED -> List.of("noch nicht begonnen");
      case MONITORING_AGREED -> List.of(agreements.isEmpty() ? "Monitoring vereinbart" : "Datenlieferungen laufen");
      case COMPLETED, IMPLEMENTED, NOT_IMPLEMENTABLE -> List.of(measure.getPhase().label());
      case PHASE_TWO -> List.of("Bearbeitung mit externen Stellen");
      default -> List.of(measure.getPhase().label());
    };
  }

  /** The names of the open tasks per business key (the measure's instance and the ones it called). */
  private Map<String, List<String>> openStepsByBusinessKey(List<Measure> measures) {
    String[] keys = measures.stream().map(Measure::getBusinessKey).toArray(String[]::new);
    // names only, so read as the application: a lead office sees that the coordinating unit is at work
    return directory.asSystem(() -> {
      List<Task> open = taskService.createTaskQuery().processInstanceBusinessKeyIn(keys).unlimitedList();
      if (open.isEmpty()) {
        return Map.of();
      }
      Set<String> instanceIds = open.stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
      Map<String, String> keyOfInstance = runtime.createProcessInstanceQuery().processInstanceIds(instanceIds)
          .unlimitedList().stream().collect(Collectors.toMap(ProcessInstance::getId, ProcessInstance::getBusinessKey));
      Map<String, List<String>> steps = new HashMap<>();
      open.stream().sorted(Comparator.comparing(Task::getCreateTime)).forEach(task -> {
        List<String> names = steps.computeIfAbsent(keyOfInstance.get(task.getProcessInstanceId()), k -> new ArrayList<>());
        if (!names.contains(task.getName())) {
          names.add(task.getName());
        }
      });
      return steps;
    });
  }

  private static boolean readsWholeProgramme(Programme programme, Set<String> groups) {
    return groups.contains(Groups.ADMINISTRATORS) || groups.contains(programme.coordinationGroup())
        || programme.getManagerGroups().stream().anyMatch(groups::contains);
  }

  private static boolean involvesCaller(Measure measure, List<DataAgreement> agreements, Set<String> groups) {
    return measure.getLeadOffices().stream().anyMatch(office -> isOf(office, groups))
        || agreements.stream().anyMatch(agreement -> isOf(agreement.getSupplierOffice(), groups));
  }

  private static boolean isOf(Office office, Set<String> groups) {
    return groups.contains(office.groupId()) || groups.contains(office.headGroupId());
  }

  private static Set<Long> ids(List<Measure> measures) {
    return measures.stream().map(Measure::getId).collect(Collectors.toSet());
  }

  private static List<Option> options(Map<String, String> values) {
    return values.entrySet().stream().map(e -> new Option(e.getKey(), e.getValue())).toList();
  }

  /**
   * What the caller asked for; {@code null} means "all". {@code fieldOfAction} is the field's id,
   * {@code office} an office code, {@code phase} a {@link MeasurePhase} name.
   */
  public record Filter(String programme, String fieldOfAction, String office, String phase, boolean overdueOnly,
      String search) {

    public static final Filter ALL = new Filter(null, null, null, null, false, null);

    Filter normalised() {
      String q = blankToNull(search);
      if (q != null && q.length() > MAX_SEARCH_LENGTH) {
        throw new InvalidInputException("Der Suchbegriff ist zu lang (höchstens " + MAX_SEARCH_LENGTH + " Zeichen).");
      }
      String p = blankToNull(phase);
      if (p != null && java.util.Arrays.stream(MeasurePhase.values()).noneMatch(v -> v.name().equals(p))) {
        throw new InvalidInputException("Die Phase „" + p + "“ gibt es nicht.");
      }
      return new Filter(blankToNull(programme), blankToNull(fieldOfAction), blankToNull(office), p, overdueOnly, q);
    }

    boolean matches(MeasureRow row) {
      return (fieldOfAction == null || row.fieldOfActionKey().equals(fieldOfAction))
          && (office == null || row.offices().stream().anyMatch(o -> o.code().equals(office)))
          && (phase == null || row.phase().equals(phase))
          && (!overdueOnly || row.overdue())
          && (search == null || row.matchesSearch(search));
    }

    /** Whether anything narrows the view. */
    public boolean narrows() {
      return programme != null || fieldOfAction != null || office != null || phase != null || overdueOnly
          || search != null;
    }

    private static String blankToNull(String value) {
      return value == null || value.isBlank() ? null : value.strip();
    }
  }

  /** A value of a filter's select list and its German label. */
  public record Option(String value, String label) {}

  /** An office by code and name. */
  public record OfficeName(String code, String name) {
    static OfficeName of(Office office) {
      return new OfficeName(office.getCode(), office.getName());
    }
  }

  /** The overview on {@code asOf}: the rows after filtering, and what each filter offers. */
  public record Overview(LocalDate asOf, Filter filter, List<Option> programmes, List<Option> fieldsOfAction,
      List<Option> offices, List<Option> phases, List<MeasureRow> rows, int visibleTotal, int overdueCount) {}

  /** Where a protocol stands: {@code NONE}, {@code IN_SIGNATURE} or {@code IN_FORCE}. */
  public record ProtocolStatus(String state, String label, Integer version, List<String> missingSignatories,
      int reminderRounds) {}

  /** The earliest period still awaited (pending, overdue or returned). */
  public record NextDelivery(LocalDate dueDate, String periodLabel, String office, boolean overdue) {}

  /**
   * One measure as the overview shows it. {@code offices} are its lead offices and the offices that
   * deliver data for it; {@code overdueItems} says in German what is overdue (empty when nothing).
   */
  public record MeasureRow(String businessKey, String programmeCode, String programmeTitle, String code, String text,
      String fieldOfActionKey, String fieldOfAction, String phase, String phaseLabel, List<String> currentSteps,
      List<OfficeName> leadOffices, List<OfficeName> offices, LocalDate talkScheduledFor, LocalDate talkHeldOn,
      String approach, String remarks, ProtocolStatus protocol, NextDelivery nextDelivery, List<String> overdueItems,
      String processInstanceId) {

    public boolean overdue() {
      return !overdueItems.isEmpty();
    }

    /** The talk's date: the day it was held, or else the day it is scheduled for. */
    public LocalDate talkDate() {
      return talkHeldOn != null ? talkHeldOn : talkScheduledFor;
    }

    boolean matchesSearch(String query) {
      String q = query.toLowerCase(Locale.GERMAN);
      String compact = q.replaceAll("\\s+", "");
      return code.toLowerCase(Locale.GERMAN).replaceAll("\\s+", "").contains(compact)
          || businessKey.toLowerCase(Locale.GERMAN).contains(compact)
          || text.toLowerCase(Locale.GERMAN).contains(q)
          || (approach != null && approach.toLowerCase(Locale.GERMAN).contains(q));
    }
  }
}
