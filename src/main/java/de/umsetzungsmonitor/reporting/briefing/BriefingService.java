package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.FormInput.optionalText;
import static de.umsetzungsmonitor.process.FormInput.requiredDate;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
import de.umsetzungsmonitor.external.CommitteeNoticeRepository;
import de.umsetzungsmonitor.process.CommitteeBriefingProcess;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.reporting.PageFormat;
import de.umsetzungsmonitor.reporting.ReportChanges;
import de.umsetzungsmonitor.reporting.StatusReport;
import de.umsetzungsmonitor.reporting.StatusReport.Changes;
import de.umsetzungsmonitor.reporting.StatusReportDocuments;
import de.umsetzungsmonitor.reporting.StatusReports;
import de.umsetzungsmonitor.reporting.briefing.BriefingDocument.Format;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.ProgrammeAccess;
import de.umsetzungsmonitor.web.ConflictException;
import de.umsetzungsmonitor.web.ForbiddenException;
import de.umsetzungsmonitor.web.NotFoundException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Committee briefings: the only place that starts a {@code CommitteeBriefingProcess} and writes
 * what its steps decide. The report of a briefing is generated from live data until the head of
 * the coordinating unit approves it; then it is rendered once (PDF, DOCX, HTML and its facts as
 * JSON), stored with the SHA-256 of each, and from then on served as stored.
 */
@Service
@Transactional
public class BriefingService {

  private static final Logger log = LoggerFactory.getLogger(BriefingService.class);

  private final CommitteeBriefingRepository briefings;
  private final BriefingReviewRepository reviews;
  private final BriefingDocumentRepository documents;
  private final CommitteeNoticeRepository notices;
  private final ProgrammeRepository programmes;
  private final StatusReports reports;
  private final StatusReportDocuments renderer;
  private final ObjectMapper json;
  private final RuntimeService runtime;
  private final Directory directory;
  private final Clock clock;

  public BriefingService(CommitteeBriefingRepository briefings, BriefingReviewRepository reviews,
      BriefingDocumentRepository documents, CommitteeNoticeRepository notices, ProgrammeRepository programmes,
      StatusReports reports,
      StatusReportDocuments renderer, ObjectMapper json, RuntimeService runtime, Directory directory, Clock clock) {
    this.briefings = briefings;
    this.reviews = reviews;
    this.documents = documents;
    this.notices = notices;
    this.programmes = programmes;
    this.reports = reports;
    this.renderer = renderer;
    this.json = json;
    this.runtime = runtime;
    this.directory = directory;
    this.clock = clock;
  }

  /**
   * The programme a caller may read, by code; unknown and not readable look the same (404).
   */
  @Transactional(readOnly = true)
  public Programme readableProgramme(String code, Collection<String> callerGroups) {
    return programmes.findWithOfficesByCode(code == null ? "" : code)
        .filter(programme -> ProgrammeAccess.reads(programme, callerGroups))
        .orElseThrow(() -> new NotFoundException("Kein Programm " + code + ", dessen Berichte Sie sehen dürfen."));
  }

  /** The programme's status report as of a day, with the changes since the committee's last briefing before it. */
  @Transactional(readOnly = true)
  public StatusReport statusReport(Programme programme, LocalDate asOf) {
    refuseFuture(asOf);
    StatusReport report = reports.asOf(programme, asOf);
    Instant knownBy = StatusReports.endOf(asOf);
    return report.within(null, changesSince(previousHeld(programme, programme.getCommittee(), asOf, knownBy, null), report),
        notices(programme, asOf, knownBy, null));
  }

  /**
   * Starts a briefing of the programme's committee with the report as of {@code asOf} (today when
   * null). Only the coordinating unit (or an administrator) may; a programme has one running
   * briefing at a time.
   */
  public CommitteeBriefing start(String programmeCode, LocalDate asOf, String userId, Collection<String> callerGroups) {
    Programme programme = readableProgramme(programmeCode, callerGroups);
    if (!ProgrammeAccess.coordinates(programme, callerGroups)) {
      throw new ForbiddenException("Eine Unterrichtung bereitet die " + programme.getCoordinatingOffice().getName() + " vor.");
    }
    LocalDate day = asOf == null ? LocalDate.now(clock) : asOf;
    refuseFuture(day);
    briefings.findByProgrammeIdOrderBySequenceNoDesc(programme.getId()).stream()
        .filter(b -> b.getState().open()).findFirst().ifPresent(running -> {
          throw new ConflictException("Für " + programme.getCode() + " läuft bereits die Unterrichtung "
              + running.getBusinessKey() + " (Stand " + PageFormat.GERMAN.date(running.getAsOf()) + ", "
              + running.getState().label() + "). Bitte diese zuerst abschließen.");
        });
    CommitteeBriefing briefing = briefings.saveAndFlush(new CommitteeBriefing(programme,
        briefings.lastSequenceNo(programme.getId()) + 1, day, userId == null ? "system" : userId, Instant.now(clock)));
    // started by the application: who may start a briefing is decided above, per programme
    String instanceId = directory.asSystem(() -> runtime.startProcessInstanceByKey(CommitteeBriefingProcess.KEY,
        briefing.getBusinessKey(), Variables.createVariables()
            .putValue(ProcessVariables.BRIEFING_ID.name(), briefing.getId())
            .putValue(ProcessVariables.COORDINATION_GROUP.name(), programme.coordinationGroup())
            .putValue(ProcessVariables.OFFICE_HEAD_GROUP.name(), programme.getCoordinatingOffice().headGroupId()))
        .getProcessInstanceId());
    briefing.processStarted(instanceId);
    return briefing;
  }

  /** What the briefing's forms show: committee, day, the draft's addresses, the last review's comment. */
  @Transactional(readOnly = true)
  public Map<String, Object> summary(Long briefingId) {
    CommitteeBriefing briefing = briefing(briefingId);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("businessKey", briefing.getBusinessKey());
    summary.put("programme", briefing.getProgramme().getTitle());
    summary.put("committee", briefing.getCommittee());
    summary.put("asOf", briefing.getAsOf().toString());
    summary.put("asOfText", PageFormat.GERMAN.longDate(briefing.getAsOf()));
    summary.put("outlook", briefing.getOutlook());
    summary.put("page", "/berichte/unterrichtungen/" + briefing.getBusinessKey());
    summary.put("draftPdf", "/berichte/unterrichtungen/" + briefing.getBusinessKey() + "/bericht.pdf");
    summary.put("draftHtml", "/berichte/unterrichtungen/" + briefing.getBusinessKey() + "/bericht.html");
    List<BriefingReview> all = reviews.findByBriefingIdOrderByReviewedAtAscIdAsc(briefingId);
    if (!all.isEmpty() && !all.get(all.size() - 1).isApproved()) {
      BriefingReview last = all.get(all.size() - 1);
      summary.put("returnedBy", directory.displayName(last.getReviewedBy()));
      summary.put("returnComment", last.getReviewComment());
    }
    return summary;
  }

  /** "Bericht vorbereiten" completed: the day of the report (may be moved) and the outlook; off to review. */
  public void prepared(Long briefingId, String asOfText, String outlook) {
    CommitteeBriefing briefing = briefing(briefingId);
    requireState(briefing, BriefingState.IN_PREPARATION);
    LocalDate asOf = asOfText == null || asOfText.isBlank() ? briefing.getAsOf() : requiredDate(asOfText, "den Stand des Berichts");
    refuseFuture(asOf);
    briefing.prepared(asOf, optionalText(outlook, "Ausblick", 10000));
  }

  /**
   * "Bericht prüfen und freigeben" completed: approve, or send back with a comment (required).
   * Returns whether the report is approved.
   */
  public boolean reviewed(Long briefingId, String decision, String comment, String userId) {
    CommitteeBriefing briefing = briefing(briefingId);
    requireState(briefing, BriefingState.IN_REVIEW);
    boolean approve;
    if (CommitteeBriefingProcess.DECISION_APPROVE.equals(decision)) {
      approve = true;
    } else if (CommitteeBriefingProcess.DECISION_SEND_BACK.equals(decision)) {
      approve = false;
    } else {
      throw new InvalidInputException("Bitte wählen: freigeben oder zur Überarbeitung zurückgeben.");
    }
    String text = approve ? optionalText(comment, "Anmerkung", 4000)
        : requiredText(comment, "was am Bericht zu überarbeiten ist", 4000);
    String by = userId == null ? "system" : userId;
    Instant now = Instant.now(clock);
    reviews.save(new BriefingReview(briefingId, approve, text, by, now));
    if (approve) {
      briefing.approved(by, now);
    } else {
      briefing.sentBack();
    }
    return approve;
  }

  /**
   * Renders the approved report once and stores it with its hashes; a repeated run (a retried job)
   * finds it stored and does nothing.
   */
  public void storeApprovedReport(Long briefingId) {
    CommitteeBriefing briefing = briefing(briefingId);
    if (documents.existsByBriefingId(briefingId)) {
      return;
    }
    if (briefing.getState() != BriefingState.APPROVED) {
      throw new IllegalStateException("Briefing " + briefing.getBusinessKey() + " is " + briefing.getState() + ", not approved");
    }
    StatusReport report = draft(briefing);
    Instant now = Instant.now(clock);
    store(briefingId, Format.JSON, facts(report), now);
    store(briefingId, Format.HTML, renderer.html(report).getBytes(StandardCharsets.UTF_8), now);
    store(briefingId, Format.PDF, renderer.pdf(report), now);
    store(briefingId, Format.DOCX, renderer.docx(report), now);
    // the notices this report took along are not queued for the next briefing any more
    Instant cutoff = StatusReports.endOf(briefing.getAsOf());
    notices.findByProgrammeIdAndBriefingIdIsNullOrderByCreatedAtAscIdAsc(briefing.getProgramme().getId()).stream()
        .filter(notice -> notice.getCreatedAt().isBefore(cutoff))
        .forEach(notice -> notice.includedIn(briefingId));
    log.info("Report of briefing {} stored (as of {})", briefing.getBusinessKey(), briefing.getAsOf());
  }

  /**
   * "Unterrichtung festhalten" completed: held (day and committee) or cancelled. Returns whether
   * the committee was briefed.
   */
  public boolean recorded(Long briefingId, String outcome, String heldOnText, String committee, String note, String userId) {
    CommitteeBriefing briefing = briefing(briefingId);
    requireState(briefing, BriefingState.APPROVED);
    String by = userId == null ? "system" : userId;
    if (CommitteeBriefingProcess.OUTCOME_HELD.equals(outcome)) {
      LocalDate heldOn = requiredDate(heldOnText, "das Datum der Sitzung");
      if (heldOn.isAfter(LocalDate.now(clock))) {
        throw new InvalidInputException("Die Sitzung kann nicht in der Zukunft stattgefunden haben ("
            + PageFormat.GERMAN.date(heldOn) + ").");
      }
      if (heldOn.isBefore(briefing.getAsOf())) {
        throw new InvalidInputException("Die Sitzung (" + PageFormat.GERMAN.date(heldOn) + ") kann nicht vor dem Stand des Berichts ("
            + PageFormat.GERMAN.date(briefing.getAsOf()) + ") liegen.");
      }
      String body = committee == null || committee.isBlank() ? briefing.getCommittee() : requiredText(committee, "den Ausschuss", 200);
      briefing.held(heldOn, body, optionalText(note, "Bemerkung", 4000), by, Instant.now(clock));
      return true;
    }
    if (CommitteeBriefingProcess.OUTCOME_CANCELLED.equals(outcome)) {
      briefing.cancelled(requiredText(note, "warum die Unterrichtung abgesetzt wurde", 4000), by, Instant.now(clock));
      return false;
    }
    throw new InvalidInputException("Bitte wählen: der Ausschuss wurde unterrichtet, oder die Unterrichtung wurde abgesetzt.");
  }

  /** A briefing the caller may read, by business key (404 otherwise). */
  @Transactional(readOnly = true)
  public CommitteeBriefing readable(String businessKey, Collection<String> callerGroups) {
    return briefings.findByBusinessKey(businessKey == null ? "" : businessKey)
        .filter(b -> ProgrammeAccess.reads(b.getProgramme(), callerGroups))
        .orElseThrow(() -> new NotFoundException("Keine Unterrichtung " + businessKey + " in Ihren Programmen."));
  }

  /** The programmes whose reports the caller may read, by title. */
  @Transactional(readOnly = true)
  public List<Programme> readableProgrammes(Collection<String> callerGroups) {
    return programmes.findWithOfficesByIdNotNull().stream().filter(p -> ProgrammeAccess.reads(p, callerGroups))
        .sorted(java.util.Comparator.comparing(Programme::getTitle)).toList();
  }

  @Transactional(readOnly = true)
  public List<CommitteeBriefing> ofProgramme(Programme programme) {
    return briefings.findByProgrammeIdOrderBySequenceNoDesc(programme.getId());
  }

  @Transactional(readOnly = true)
  public List<BriefingReview> reviewsOf(CommitteeBriefing briefing) {
    return reviews.findByBriefingIdOrderByReviewedAtAscIdAsc(briefing.getId());
  }

  /** The stored documents of an approved briefing (without checking their content). */
  @Transactional(readOnly = true)
  public List<BriefingDocument> documentsOf(CommitteeBriefing briefing) {
    return documents.findByBriefingIdOrderByFormat(briefing.getId());
  }

  /**
   * The report of a briefing: as stored once approved (its hash checked), else the draft from live data.
   */
  @Transactional(readOnly = true)
  public Document report(CommitteeBriefing briefing, Format format) {
    Optional<BriefingDocument> stored = documents.findByBriefingIdAndFormat(briefing.getId(), format);
    if (stored.isPresent()) {
      BriefingDocument document = stored.get();
      String actual = sha256(document.getContent());
      if (!actual.equals(document.getSha256())) {
        log.error("Stored report {} of briefing {} does not match its hash {} (now {})", format,
            briefing.getBusinessKey(), document.getSha256(), actual);
        throw new IllegalStateException("Stored report of " + briefing.getBusinessKey() + " was altered");
      }
      return new Document(document.getContent(), format.contentType(), document.getSha256(), true);
    }
    if (briefing.getState() == BriefingState.APPROVED || briefing.getState() == BriefingState.HELD) {
      throw new ConflictException("Der freigegebene Bericht der Unterrichtung " + briefing.getBusinessKey()
          + " wird gerade abgelegt. Bitte in einer Minute noch einmal versuchen.");
    }
    StatusReport draft = draft(briefing);
    byte[] content = switch (format) {
      case PDF -> renderer.pdf(draft);
      case DOCX -> renderer.docx(draft);
      case HTML -> renderer.html(draft).getBytes(StandardCharsets.UTF_8);
      case JSON -> facts(draft);
    };
    return new Document(content, format.contentType(), sha256(content), false);
  }

  /** The briefing's report from live data, as of its day, with its context and the changes since the last briefing. */
  @Transactional(readOnly = true)
  public StatusReport draft(CommitteeBriefing briefing) {
    Programme programme = briefing.getProgramme();
    StatusReport report = reports.asOf(programme, briefing.getAsOf());
    Instant now = Instant.now(clock);
    return report.within(new StatusReport.Briefing(briefing.getBusinessKey(), briefing.getSequenceNo(),
            briefing.getCommittee(), briefing.getOutlook()),
        changesSince(previousHeld(programme, briefing.getCommittee(), briefing.getAsOf(), now, briefing.getId()), report),
        notices(programme, briefing.getAsOf(), now, briefing.getId()));
  }

  /** A report document and whether it is the stored (approved) one. */
  public record Document(byte[] content, String contentType, String sha256, boolean stored) {}

  /**
   * The latest briefing of this committee on the programme that had been held by {@code knownBy}
   * about an earlier day: what the committee saw last.
   */
  private Optional<CommitteeBriefing> previousHeld(Programme programme, String committee, LocalDate asOf, Instant knownBy,
      Long except) {
    return briefings.findByProgrammeIdOrderBySequenceNoDesc(programme.getId()).stream()
        .filter(b -> b.getState() == BriefingState.HELD && !b.getId().equals(except))
        .filter(b -> committee.equals(b.getCommittee()) && b.getAsOf().isBefore(asOf))
        .filter(b -> b.getRecordedAt() != null && b.getRecordedAt().isBefore(knownBy))
        .max(java.util.Comparator.comparing(CommitteeBriefing::getAsOf).thenComparing(CommitteeBriefing::getSequenceNo));
  }

  /**
   * The notices to the committee a report as of {@code asOf} carries: those written by then that no
   * briefing held before {@code knownBy} took along (a briefing's own draft keeps its own).
   */
  private List<StatusReport.Notice> notices(Programme programme, LocalDate asOf, Instant knownBy, Long briefingId) {
    Instant cutoff = StatusReports.endOf(asOf);
    java.util.Map<Long, CommitteeBriefing> byId = new java.util.HashMap<>();
    briefings.findByProgrammeIdOrderBySequenceNoDesc(programme.getId()).forEach(b -> byId.put(b.getId(), b));
    return notices.findByProgrammeIdOrderByCreatedAtAscIdAsc(programme.getId()).stream()
        .filter(notice -> notice.getCreatedAt().isBefore(cutoff))
        .filter(notice -> {
          if (notice.getBriefingId() == null || notice.getBriefingId().equals(briefingId)) {
            return true;
          }
          CommitteeBriefing including = byId.get(notice.getBriefingId());
          return including == null || including.getState() != BriefingState.HELD || including.getRecordedAt() == null
              || !including.getRecordedAt().isBefore(knownBy);
        })
        .map(notice -> new StatusReport.Notice(notice.getCreatedAt(), notice.getText())).toList();
  }

  private Changes changesSince(Optional<CommitteeBriefing> previous, StatusReport current) {
    if (previous.isEmpty()) {
      return ReportChanges.first();
    }
    CommitteeBriefing before = previous.get();
    StatusReport seen = documents.findByBriefingIdAndFormat(before.getId(), Format.JSON)
        .map(document -> read(document.getContent()))
        .orElseGet(() -> reports.asOf(before.getProgramme(), before.getAsOf()));
    return ReportChanges.between(before.getBusinessKey(), before.getHeldOn(), seen, current);
  }

  private void store(Long briefingId, Format format, byte[] content, Instant now) {
    documents.save(new BriefingDocument(briefingId, format, content, sha256(content), now));
  }

  private byte[] facts(StatusReport report) {
    try {
      return json.writerWithDefaultPrettyPrinter().writeValueAsBytes(report);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Report facts not serialisable", e);
    }
  }

  private StatusReport read(byte[] content) {
    try {
      return json.readValue(content, StatusReport.class);
    } catch (java.io.IOException e) {
      throw new IllegalStateException("Stored report facts not readable", e);
    }
  }

  static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private CommitteeBriefing briefing(Long briefingId) {
    return briefings.findById(briefingId)
        .orElseThrow(() -> new IllegalStateException("Briefing " + briefingId + " not found"));
  }

  private static void requireState(CommitteeBriefing briefing, BriefingState expected) {
    if (briefing.getState() != expected) {
      throw new InvalidInputException("Die Unterrichtung " + briefing.getBusinessKey() + " ist " + briefing.getState().label()
          + "; dieser Schritt ist nicht mehr möglich.");
    }
  }

  private void refuseFuture(LocalDate asOf) {
    LocalDate today = LocalDate.now(clock);
    if (asOf.isAfter(today)) {
      throw new InvalidInputException("Der Stand des Berichts (" + PageFormat.GERMAN.date(asOf)
          + ") liegt in der Zukunft. Ein Bericht gibt den Stand bis höchstens heute (" + PageFormat.GERMAN.date(today) + ") wieder.");
    }
  }
}
