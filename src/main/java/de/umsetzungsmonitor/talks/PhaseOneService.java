package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.CALL_ACTIVITY_PROTOCOL_SIGN_OFF;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.SERVICE_TASK_MARK_MONITORING_AGREED;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_CONCRETISE_INDICATORS;
import static de.umsetzungsmonitor.process.MeasurePhaseOneProcess.USER_TASK_RECORD_TALK_RESULTS;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_ID;

import de.umsetzungsmonitor.catalogue.Indicator;
import de.umsetzungsmonitor.catalogue.IndicatorRepository;
import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.OfficeRepository;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.DataAgreementEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.History;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.IndicatorEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.SignatureEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.TalkEntry;
import de.umsetzungsmonitor.catalogue.importing.ProgrammeFile.TaskAreaEntry;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.DataAgreementRepository;
import de.umsetzungsmonitor.deliveries.Frequency;
import de.umsetzungsmonitor.deliveries.SourceFormat;
import de.umsetzungsmonitor.catalogue.ValueType;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.protocol.ProtocolService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstantiationBuilder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Starts a measure's Phase I process, the only place that does. A measure that comes with a
 * history (talk held, protocol signed …) gets that history written to the tables first, and its
 * instance starts right before the step that is due next, as if it had run from the beginning.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class PhaseOneService {

  private static final String IMPORTED_BY = "import";

  private final RuntimeService runtime;
  private final TalkRepository talks;
  private final OfficeRepository offices;
  private final DataAgreementRepository agreements;
  private final IndicatorRepository indicators;
  private final ProtocolService protocols;
  private final Directory directory;
  private final Clock clock;

  public PhaseOneService(RuntimeService runtime, TalkRepository talks, OfficeRepository offices,
      DataAgreementRepository agreements, IndicatorRepository indicators, ProtocolService protocols,
      Directory directory, Clock clock) {
    this.runtime = runtime;
    this.talks = talks;
    this.offices = offices;
    this.agreements = agreements;
    this.indicators = indicators;
    this.protocols = protocols;
    this.directory = directory;
    this.clock = clock;
  }

  /** Starts Phase I of a measure that has none yet; returns the process instance id. */
  public String start(Measure measure, History history) {
    if (measure.hasProcess()) {
      throw new IllegalStateException("Phase I of " + measure.getBusinessKey() + " has already started");
    }
    ProcessInstantiationBuilder instance = runtime.createProcessInstanceByKey(MeasurePhaseOneProcess.KEY)
        .businessKey(measure.getBusinessKey())
        .setVariable(MEASURE_ID.name(), measure.getId())
        .setVariable(COORDINATION_GROUP.name(), measure.getProgramme().coordinationGroup());
    measure.moveTo(MeasurePhase.TALK_PENDING);
    Optional<String> startBefore = Optional.empty();
    if (history != null && history.talk() != null) {
      startBefore = Optional.of(applyHistory(measure, history, instance));
    }
    ProcessInstance started = startBefore.map(instance::startBeforeActivity).orElse(instance).execute();
    measure.phaseOneStarted(started.getId());
    return started.getId();
  }

  /** Writes the historic state and returns the activity that is due next. */
  private String applyHistory(Measure measure, History history, ProcessInstantiationBuilder instance) {
    TalkEntry entry = history.talk();
    // the moments things became known, as far as the file tells: a status report as of a past day
    // (e.g. the file's own "asOf") then shows what was known that day
    LocalDate asOf = measure.getProgramme().getAsOf();
    Instant scheduledAt = historic(asOf != null && asOf.isBefore(entry.scheduledFor()) ? asOf : entry.scheduledFor());
    Talk talk = new Talk(measure, IMPORTED_BY, scheduledAt);
    talk.schedule(entry.scheduledFor(), null, null, scheduledAt);
    for (String userId : entry.participants()) {
      talk.addParticipant(userId, directory.displayName(userId), officeOf(userId, measure));
    }
    talks.save(talk);
    instance.setVariable(TALK_ID.name(), talk.getId());
    measure.moveTo(MeasurePhase.TALK_SCHEDULED);
    if (entry.heldOn() == null || history.protocol() == null) {
      return USER_TASK_RECORD_TALK_RESULTS;
    }
    Instant heldAt = historic(entry.heldOn());
    talk.recordOutcome(entry.heldOn(), entry.approach(), entry.remarks(), heldAt);
    for (TaskAreaEntry area : nonNull(entry.taskAreas())) {
      talk.addTaskArea(office(area.office()), area.description());
    }
    int position = 1;
    for (DataAgreementEntry agreement : nonNull(entry.dataAgreements())) {
      Frequency frequency = Frequency.parse(agreement.frequency());
      DataAgreement saved = new DataAgreement(talk, office(agreement.office()), agreement.data(),
          frequency == null ? Frequency.CYCLE : frequency, agreement.firstDue(), position++);
      if (frequency == null) {
        saved.repeating(agreement.frequency().strip());
      }
      if (agreement.source() != null) {
        SourceFormat format = SourceFormat.parse(agreement.sourceFormat());
        saved.fetchedFrom(agreement.source().strip(), format == null ? SourceFormat.JSON : format);
      }
      agreements.save(saved);
    }
    Long protocolId = protocols.issueHistoric(talk, history.protocol().text(), IMPORTED_BY, heldAt);
    instance.setVariable(PROTOCOL_ID.name(), protocolId);
    measure.moveTo(MeasurePhase.PROTOCOL_IN_SIGNATURE);
    boolean inForce = false;
    for (SignatureEntry signature : nonNull(history.protocol().signatures())) {
      inForce = protocols.signHistoric(protocolId, signature.participant(), noonOf(signature.signedOn()));
    }
    if (!inForce) {
      return CALL_ACTIVITY_PROTOCOL_SIGN_OFF;
    }
    List<IndicatorEntry> concretised = nonNull(history.indicators());
    if (concretised.isEmpty()) {
      return USER_TASK_CONCRETISE_INDICATORS;
    }
    position = 1;
    // concretised after the protocol came into force, and known by the file's date at the latest
    Instant concretisedAt = asOf == null ? protocols.inForceSince(protocolId) : max(historic(asOf), protocols.inForceSince(protocolId));
    for (IndicatorEntry indicator : concretised) {
      indicators.save(new Indicator(measure, indicator.name(), indicator.definition(), indicator.unit(),
          office(indicator.sourceOffice()), position++, IMPORTED_BY, concretisedAt).typed(ValueType.parse(indicator.type())));
    }
    return SERVICE_TASK_MARK_MONITORING_AGREED;
  }

  /** The office a participant comes from: the coordinating unit or one of the lead offices. */
  private Office officeOf(String userId, Measure measure) {
    List<String> groups = directory.groupIdsOf(userId);
    List<Office> candidates = new ArrayList<>();
    candidates.add(measure.getProgramme().getCoordinatingOffice());
    candidates.addAll(measure.getLeadOffices());
    return candidates.stream().filter(o -> groups.contains(o.groupId())).findFirst().orElse(null);
  }

  private Office office(String code) {
    return offices.findByCode(code).orElseThrow(() -> new IllegalStateException("Office " + code + " not found"));
  }

  private Instant noonOf(LocalDate date) {
    return date.atTime(LocalTime.NOON).atZone(clock.getZone()).toInstant();
  }

  /** Noon of a day the import file names, but never later than now. */
  private Instant historic(LocalDate date) {
    Instant now = Instant.now(clock);
    Instant noon = noonOf(date);
    return noon.isAfter(now) ? now : noon;
  }

  private static Instant max(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static <T> List<T> nonNull(List<T> list) {
    return list == null ? List.of() : list;
  }
}
