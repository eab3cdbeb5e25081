package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.FormInput.optionalText;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.MeasureStatus;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.config.ApplicationProperties;
import de.umsetzungsmonitor.config.LinkProperties;
import de.umsetzungsmonitor.external.ContributionLinks.Claim;
import de.umsetzungsmonitor.notification.NotificationOutbox;
import de.umsetzungsmonitor.notification.NotificationOutbox.Message;
import de.umsetzungsmonitor.process.ExternalInvolvementProcess;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.MeasurePhaseTwoProcess;
import de.umsetzungsmonitor.process.Option;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.reporting.PageFormat;
import de.umsetzungsmonitor.security.Directory;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Phase II of the measures: the only place that starts {@code MeasurePhaseTwoProcess} and
 * {@code ExternalInvolvementProcess} and writes what their steps decide. External bodies are
 * brought in, contacted, agree on a contribution and contribute (recorded by an office, or sent by
 * the body through a signed single-use link), finish or are withdrawn; every change of who is
 * involved goes into a notice to the committee; the measure is closed as implemented or as not
 * implementable.
 */
@Service
@Transactional
public class PhaseTwoService {

  private static final Logger log = LoggerFactory.getLogger(PhaseTwoService.class);
  private static final int MAX_NEW_BODIES = 50;

  private final MeasureRepository measures;
  private final ExternalBodyRepository bodies;
  private final InvolvementRepository involvements;
  private final InvolvementEventRepository events;
  private final ContributionRepository contributions;
  private final ContributionLinkRepository links;
  private final ContributionLinks tokens;
  private final CommitteeNotices notices;
  private final NotificationOutbox outbox;
  private final ApplicationProperties application;
  private final LinkProperties linkProperties;
  private final RuntimeService runtime;
  private final Directory directory;
  private final Clock clock;

  public PhaseTwoService(MeasureRepository measures, ExternalBodyRepository bodies, InvolvementRepository involvements,
      InvolvementEventRepository events, ContributionRepository contributions, ContributionLinkRepository links,
      ContributionLinks tokens, CommitteeNotices notices, NotificationOutbox outbox, ApplicationProperties application,
      LinkProperties linkProperties, RuntimeService runtime, Directory directory, Clock clock) {
    this.measures = measures;
    this.bodies = bodies;
    this.involvements = involvements;
    this.events = events;
    this.contributions = contributions;
    this.links = links;
    this.tokens = tokens;
    this.notices = notices;
    this.outbox = outbox;
    this.application = application;
    this.linkProperties = linkProperties;
    this.runtime = runtime;
    this.directory = directory;
    this.clock = clock;
  }

  /** Phase II begins for every measure of the programme that is not closed; returns how many. */
  public int startMeasures(Programme programme) {
    int started = 0;
    for (Measure measure : measures.findByProgrammeOrderByPosition(programme)) {
      if (measure.getPhase().closed() || measure.getStatus() == MeasureStatus.DONE || measure.getPhaseTwoStartedAt() != null) {
        continue;
      }
      String instanceId = directory.asSystem(() -> runtime.startProcessInstanceByKey(MeasurePhaseTwoProcess.KEY,
          measure.getBusinessKey(), Variables.createVariables()
              .putValue(ProcessVariables.MEASURE_ID.name(), measure.getId())
              .putValue(ProcessVariables.COORDINATION_GROUP.name(), programme.coordinationGroup()))
          .getProcessInstanceId());
      measure.phaseTwoStarted(instanceId, Instant.now(clock));
      started++;
    }
    return started;
  }

  /** What the measure's Phase II forms show: the measure and every body involved with its state. */
  @Transactional(readOnly = true)
  public Map<String, Object> summary(Long measureId) {
    Measure measure = measure(measureId);
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("measure", measure.getCode() + ": " + measure.getText());
    summary.put("page", "/uebersicht/massnahmen/" + measure.getBusinessKey());
    List<String> involved = involvements.findByMeasureIdOrderById(measureId).stream()
        .map(i -> i.getExternalBody().displayName() + " – " + i.getState().label()).toList();
    summary.put("involved", involved.isEmpty() ? "noch keine" : String.join("; ", involved));
    return summary;
  }

  /** The programme's bodies not yet involved in the measure, as choices of the selection form. */
  @Transactional(readOnly = true)
  public List<Option> bodyOptions(Long measureId) {
    Measure measure = measure(measureId);
    Set<Long> involved = new HashSet<>();
    involvements.findByMeasureIdOrderById(measureId).forEach(i -> involved.add(i.getExternalBody().getId()));
    return bodies.findByProgrammeIdOrderByName(measure.getProgramme().getId()).stream()
        .filter(body -> !involved.contains(body.getId()))
        .map(body -> new Option(body.getCode(), body.displayName())).toList();
  }

  /**
   * Brings bodies of the programme (by code) and new bodies or persons into the measure; each gets
   * its involvement and its own instance, and the committee a notice. Refuses unknown or
   * already involved bodies and a closed measure, writing nothing.
   */
  public List<Involvement> involve(Long measureId, Collection<String> codes, List<NewBody> newBodies, String userId) {
    Measure measure = measure(measureId);
    if (measure.getPhase().closed()) {
      throw new InvalidInputException("Die Maßnahme " + measure.getCode() + " ist abgeschlossen; es kann keine Stelle mehr"
          + " hinzugezogen werden.");
    }
    if (newBodies.size() > MAX_NEW_BODIES) {
      throw new InvalidInputException("Bitte höchstens " + MAX_NEW_BODIES + " neue Stellen auf einmal eintragen.");
    }
    Programme programme = measure.getProgramme();
    Set<Long> involved = new HashSet<>();
    involvements.findByMeasureIdOrderById(measureId).forEach(i -> involved.add(i.getExternalBody().getId()));
    List<ExternalBody> chosen = new ArrayList<>();
    for (String code : new java.util.LinkedHashSet<>(codes)) {
      ExternalBody body = bodies.findByProgrammeIdAndCode(programme.getId(), code)
          .orElseThrow(() -> new InvalidInputException("Die externe Stelle „" + code + "“ gibt es im Programm "
              + programme.getCode() + " nicht."));
      if (involved.contains(body.getId())) {
        throw new InvalidInputException(body.displayName() + " ist an der Maßnahme " + measure.getCode() + " bereits beteiligt.");
      }
      chosen.add(body);
    }
    Instant now = Instant.now(clock);
    int position = 1;
    for (NewBody entry : newBodies) {
      String label = "neue Stelle " + position++;
      String name = requiredText(entry.name(), "für " + label + " den Namen", 300);
      String organisation = optionalText(entry.organisation(), "Organisation (" + label + ")", 300);
      String email = optionalText(entry.email(), "E-Mail-Adresse (" + label + ")", 200);
      if (email != null && !email.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
        throw new InvalidInputException("„" + email + "“ ist keine gültige E-Mail-Adresse (" + label + ").");
      }
      ExternalBody.Kind kind = "BODY".equalsIgnoreCase(entry.kind()) ? ExternalBody.Kind.BODY : ExternalBody.Kind.PERSON;
      chosen.add(bodies.save(new ExternalBody(programme, uniqueCode(programme, name), name, kind, organisation, email,
          userId, now)));
    }
    String by = userId == null ? "system" : userId;
    List<Involvement> added = new ArrayList<>();
    for (ExternalBody body : chosen) {
      Involvement involvement = involvements.saveAndFlush(new Involvement(measure, body, by, now));
      event(involvement, InvolvementEvent.Kind.ADDED, null, by, now);
      String instanceId = directory.asSystem(() -> runtime.startProcessInstanceByKey(ExternalInvolvementProcess.KEY,
          measure.getBusinessKey(), Variables.createVariables()
              .putValue(ProcessVariables.INVOLVEMENT_ID.name(), involvement.getId())
              .putValue(ProcessVariables.MEASURE_ID.name(), measure.getId())
              .putValue(ProcessVariables.EXTERNAL_BODY_NAME.name(), body.displayName())
              .putValue(ProcessVariables.COORDINATION_GROUP.name(), programme.coordinationGroup()))
          .getProcessInstanceId());
      involvement.processStarted(instanceId);
      added.add(involvement);
    }
    if (!added.isEmpty()) {
      notices.changed(programme);
    }
    return added;
  }

  /**
   * How the coordinating unit goes on with the measure: more bodies, closed as implemented (every
   * involvement must have ended), or closed as not implementable (with a reason; involvements still
   * running are withdrawn).
   */
  public Decision proceed(Long measureId, String decision, String reason, String userId) {
    Measure measure = measure(measureId);
    String by = userId == null ? "system" : userId;
    if (MeasurePhaseTwoProcess.DECISION_MORE_BODIES.equals(decision)) {
      return Decision.MORE_BODIES;
    }
    List<Involvement> running = involvements.findByMeasureIdOrderById(measureId).stream()
        .filter(i -> !i.getState().ended()).toList();
    if (MeasurePhaseTwoProcess.DECISION_IMPLEMENTED.equals(decision)) {
      if (!running.isEmpty()) {
        throw new InvalidInputException("Die Beteiligung von " + String.join(", ", running.stream()
            .map(i -> i.getExternalBody().displayName()).toList()) + " läuft noch. Bitte zuerst abschließen oder zurückziehen.");
      }
      measure.close(true, optionalText(reason, "Bemerkung", 4000), by, Instant.now(clock));
      return Decision.IMPLEMENTED;
    }
    if (MeasurePhaseTwoProcess.DECISION_NOT_IMPLEMENTABLE.equals(decision)) {
      String why = requiredText(reason, "den Grund, warum die Maßnahme nicht umsetzbar ist (z. B. Vorbehalt der Finanzierbarkeit)", 4000);
      Instant now = Instant.now(clock);
      measure.close(false, why, by, now);
      for (Involvement involvement : running) {
        involvement.withdrawn();
        event(involvement, InvolvementEvent.Kind.WITHDRAWN, "Maßnahme nicht umsetzbar", by, now);
        directory.asSystem(() -> runtime.createMessageCorrelation(ExternalInvolvementProcess.MESSAGE_MEASURE_CLOSED)
            .processInstanceId(involvement.getProcessInstanceId()).correlateWithResult());
      }
      if (!running.isEmpty()) {
        notices.changed(measure.getProgramme());
      }
      return Decision.NOT_IMPLEMENTABLE;
    }
    throw new InvalidInputException("Bitte wählen: weitere Stellen einbeziehen, Maßnahme umgesetzt, oder Maßnahme nicht umsetzbar.");
  }

  /** What the involvement's forms show: measure, body, agreed contribution, contributions so far. */
  @Transactional(readOnly = true)
  public Map<String, Object> involvementSummary(Long involvementId) {
    Involvement involvement = involvement(involvementId);
    ExternalBody body = involvement.getExternalBody();
    Map<String, Object> summary = new LinkedHashMap<>();
    summary.put("measure", involvement.getMeasure().getCode() + ": " + involvement.getMeasure().getText());
    summary.put("body", body.displayName());
    summary.put("kind", body.getKind().label());
    summary.put("email", body.getEmail() == null ? "keine (Beiträge erfasst die federführende Stelle)" : body.getEmail());
    summary.put("state", involvement.getState().label());
    summary.put("agreedContribution", involvement.getAgreedContribution());
    List<String> earlier = contributions.findByInvolvementIdInOrderByRecordedAtAscIdAsc(List.of(involvementId)).stream()
        .map(c -> PageFormat.GERMAN.dateTime(c.getRecordedAt()) + (c.getVia() == Contribution.Via.LINK ? " (über den Link)" : "")
            + ": " + c.getText()).toList();
    summary.put("contributions", earlier.isEmpty() ? null : String.join("\n\n", earlier));
    return summary;
  }

  /** Who works on an involvement: the coordinating unit and the measure's lead offices. */
  @Transactional(readOnly = true)
  public List<String> candidateGroups(Long involvementId) {
    Measure measure = involvement(involvementId).getMeasure();
    List<String> groups = new ArrayList<>();
    groups.add(measure.getProgramme().coordinationGroup());
    measure.getLeadOffices().stream().map(Office::groupId).sorted().forEach(groups::add);
    return groups;
  }

  /** "Kontakt aufnehmen" completed: contact made, or withdrawn (with a reason). Returns whether withdrawn. */
  public boolean contacted(Long involvementId, String outcome, String note, String userId) {
    Involvement involvement = running(involvementId);
    if (ExternalInvolvementProcess.OUTCOME_CONTACTED.equals(outcome)) {
      involvement.contacted();
      event(involvement, InvolvementEvent.Kind.CONTACTED, optionalText(note, "Notiz", 4000), userId, Instant.now(clock));
      return false;
    }
    return withdrawOrRefuse(involvement, outcome, note, userId, "Bitte wählen: Kontakt aufgenommen, oder Beteiligung zurückziehen.");
  }

  /** "Beitrag vereinbaren" completed: the agreed contribution, or withdrawn. Returns whether withdrawn. */
  public boolean agreed(Long involvementId, String outcome, String contribution, String note, String userId) {
    Involvement involvement = running(involvementId);
    if (ExternalInvolvementProcess.OUTCOME_AGREED.equals(outcome)) {
      involvement.agreed(requiredText(contribution, "den vereinbarten Beitrag", 4000));
      event(involvement, InvolvementEvent.Kind.AGREED, involvement.getAgreedContribution(), userId, Instant.now(clock));
      return false;
    }
    return withdrawOrRefuse(involvement, outcome, note, userId, "Bitte wählen: Beitrag vereinbart, oder Beteiligung zurückziehen.");
  }

  /**
   * Sends the body a link for its next contribution, if it has an e-mail address. One link and one
   * message per contribution awaited: a repeated run (a retried job) sends nothing twice.
   */
  public void sendContributionLink(Long involvementId) {
    Involvement involvement = involvement(involvementId);
    ExternalBody body = involvement.getExternalBody();
    if (involvement.getState().ended() || body.getEmail() == null) {
      return;
    }
    long round = contributions.countByInvolvementId(involvementId) + 1;
    if (links.countByInvolvementId(involvementId) >= round) {
      return;
    }
    Instant now = Instant.now(clock);
    ContributionLink link = links.saveAndFlush(new ContributionLink(involvementId, tokens.newNonce(),
        now.plus(linkProperties.validity()), now));
    String url = application.baseUrl() + "/extern/beitraege/" + tokens.token(link);
    Measure measure = involvement.getMeasure();
    Programme programme = measure.getProgramme();
    String body1 = "Guten Tag,\n\n"
        + "vielen Dank, dass Sie an der Umsetzung der Maßnahme " + measure.getCode() + " mitwirken:\n„" + measure.getText() + "“\n"
        + "(" + programme.getTitle() + ")\n\n"
        + (involvement.getAgreedContribution() == null ? "" : "Vereinbart ist: " + involvement.getAgreedContribution() + "\n\n")
        + "Über den folgenden Link können Sie uns Ihren Beitrag ohne Anmeldung übermitteln. Der Link gilt einmal und bis zum "
        + PageFormat.GERMAN.date(link.getExpiresAt().atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate()) + ":\n"
        + url + "\n\n"
        + "Mit freundlichen Grüßen\n" + programme.getCoordinatingOffice().getName();
    outbox.enqueue(new Message("involvement-" + involvementId + "-link-" + round, "extern-" + body.getCode(), body.getEmail(),
        "Ihr Beitrag zur Maßnahme " + measure.getCode(), body1, url));
    event(involvement, InvolvementEvent.Kind.LINK_SENT, "an " + body.getEmail() + ", gültig bis "
        + PageFormat.GERMAN.dateTime(link.getExpiresAt()), null, now);
  }

  /** "Beitrag erfassen" completed by an office: a contribution (perhaps the last), or withdrawn. */
  public Outcome recordContribution(Long involvementId, String outcome, String text, boolean finalContribution, String note,
      String userId) {
    Involvement involvement = running(involvementId);
    if (ExternalInvolvementProcess.OUTCOME_CONTRIBUTION.equals(outcome)) {
      contribute(involvement, requiredText(text, "den Beitrag", 10000), finalContribution, Contribution.Via.OFFICE, userId);
      return new Outcome(false, finalContribution);
    }
    boolean withdrawn = withdrawOrRefuse(involvement, outcome, note, userId,
        "Bitte wählen: Beitrag erfassen, oder Beteiligung zurückziehen.");
    return new Outcome(withdrawn, false);
  }

  /** What the page behind a link shows; refused (nothing shown) when the link is not valid. */
  @Transactional(readOnly = true)
  public LinkView openLink(String token) {
    ContributionLink link = validLink(token);
    Involvement involvement = involvement(link.getInvolvementId());
    Measure measure = involvement.getMeasure();
    return new LinkView(involvement.getExternalBody().displayName(), measure.getCode(), measure.getText(),
        measure.getProgramme().getTitle(), measure.getProgramme().getCoordinatingOffice().getName(),
        involvement.getAgreedContribution(), link.getExpiresAt());
  }

  /**
   * A contribution sent through a link: stored, the link used up, the involvement's instance moved
   * on; all or nothing. Refused with a German reason when the link is not valid (any more).
   */
  public void contributeViaLink(String token, String text, boolean finalContribution) {
    ContributionLink link = validLink(token);
    String contribution = requiredText(text, "Ihren Beitrag", 10000);
    Involvement involvement = involvement(link.getInvolvementId());
    Instant now = Instant.now(clock);
    link.use(now);
    links.saveAndFlush(link); // the row's version makes a second, simultaneous use fail
    contribute(involvement, contribution, finalContribution, Contribution.Via.LINK, null);
    try {
      directory.asSystem(() -> runtime.createMessageCorrelation(ExternalInvolvementProcess.MESSAGE_CONTRIBUTION_RECEIVED)
          .processInstanceId(involvement.getProcessInstanceId())
          .setVariable(ProcessVariables.INVOLVEMENT_FINISHED.name(), finalContribution)
          .setVariable(ProcessVariables.INVOLVEMENT_WITHDRAWN.name(), false)
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      log.info("Contribution for involvement {} through link {} not awaited: {}", involvement.getId(), link.getId(), e.getMessage());
      throw new LinkRefusedException(LinkRefusedException.Reason.NOT_AWAITED);
    }
  }

  private ContributionLink validLink(String token) {
    Claim claim = tokens.verify(token).orElseThrow(() -> new LinkRefusedException(LinkRefusedException.Reason.INVALID));
    ContributionLink link = links.findById(claim.linkId())
        .filter(row -> row.getNonce().equals(claim.nonce()) && row.getExpiresAt().getEpochSecond() == claim.expiresAt().getEpochSecond())
        .orElseThrow(() -> new LinkRefusedException(LinkRefusedException.Reason.INVALID));
    if (link.getUsedAt() != null) {
      throw new LinkRefusedException(LinkRefusedException.Reason.USED);
    }
    if (!link.getExpiresAt().isAfter(tokens.now())) {
      throw new LinkRefusedException(LinkRefusedException.Reason.EXPIRED);
    }
    if (involvement(link.getInvolvementId()).getState().ended()) {
      throw new LinkRefusedException(LinkRefusedException.Reason.NOT_AWAITED);
    }
    return link;
  }

  private void contribute(Involvement involvement, String text, boolean last, Contribution.Via via, String userId) {
    Instant now = Instant.now(clock);
    contributions.save(new Contribution(involvement.getId(), text, last, via, userId, now));
    event(involvement, InvolvementEvent.Kind.CONTRIBUTED, via == Contribution.Via.LINK ? "über den Link" : null,
        via == Contribution.Via.LINK ? null : userId, now);
    if (last) {
      involvement.finished();
      event(involvement, InvolvementEvent.Kind.FINISHED, null, userId, now);
      notices.changed(involvement.getMeasure().getProgramme());
    }
  }

  private boolean withdrawOrRefuse(Involvement involvement, String outcome, String reason, String userId, String refusal) {
    if (!ExternalInvolvementProcess.OUTCOME_WITHDRAWN.equals(outcome)) {
      throw new InvalidInputException(refusal);
    }
    involvement.withdrawn();
    event(involvement, InvolvementEvent.Kind.WITHDRAWN, requiredText(reason, "den Grund für das Zurückziehen", 4000), userId,
        Instant.now(clock));
    notices.changed(involvement.getMeasure().getProgramme());
    return true;
  }

  private void event(Involvement involvement, InvolvementEvent.Kind kind, String note, String actor, Instant at) {
    events.save(new InvolvementEvent(involvement.getId(), kind, note, actor, at));
  }

  private String uniqueCode(Programme programme, String name) {
    String base = java.text.Normalizer.normalize(name.toLowerCase(Locale.GERMAN)
            .replace("ä", "ae").replace("ö", "oe").replace("ü", "ue").replace("ß", "ss"), java.text.Normalizer.Form.NFD)
        .replaceAll("\\p{M}", "").replaceAll("[^a-z0-9]+", "-").replaceAll("(^-+|-+$)", "");
    base = base.isEmpty() ? "stelle" : base.length() > 50 ? base.substring(0, 50) : base;
    String code = base;
    for (int i = 2; bodies.findByProgrammeIdAndCode(programme.getId(), code).isPresent(); i++) {
      code = base + "-" + i;
    }
    return code;
  }

  private Measure measure(Long measureId) {
    return measures.findById(measureId).orElseThrow(() -> new IllegalStateException("Measure " + measureId + " not found"));
  }

  private Involvement involvement(Long involvementId) {
    return involvements.findWithBodyById(involvementId)
        .orElseThrow(() -> new IllegalStateException("Involvement " + involvementId + " not found"));
  }

  private Involvement running(Long involvementId) {
    Involvement involvement = involvement(involvementId);
    if (involvement.getState().ended()) {
      throw new InvalidInputException("Die Beteiligung von " + involvement.getExternalBody().displayName() + " ist bereits beendet ("
          + involvement.getState().label() + ").");
    }
    return involvement;
  }

  /**
   * A measure's Phase II for its page: when it began, how it was closed, and every body involved
   * with its state, agreed contribution and contributions. Empty when Phase II has not begun.
   */
  @Transactional(readOnly = true)
  public java.util.Optional<PhaseTwoView> view(Long measureId) {
    Measure measure = measure(measureId);
    if (measure.getPhaseTwoStartedAt() == null) {
      return java.util.Optional.empty();
    }
    List<Involvement> all = involvements.findByMeasureIdOrderById(measureId);
    Map<Long, List<Contribution>> byInvolvement = new java.util.HashMap<>();
    if (!all.isEmpty()) {
      contributions.findByInvolvementIdInOrderByRecordedAtAscIdAsc(all.stream().map(Involvement::getId).toList())
          .forEach(c -> byInvolvement.computeIfAbsent(c.getInvolvementId(), id -> new ArrayList<>()).add(c));
    }
    List<InvolvementView> views = all.stream().map(i -> new InvolvementView(i.getExternalBody().displayName(),
        i.getExternalBody().getKind().label(), i.getState().label(), i.getState().ended(), i.getAgreedContribution(),
        byInvolvement.getOrDefault(i.getId(), List.of()).stream().map(c -> new ContributionView(c.getRecordedAt(),
            c.getVia() == Contribution.Via.LINK ? "von der Stelle über ihren Link" : "erfasst von " + directory.displayName(c.getRecordedBy()),
            c.getText(), c.isFinalContribution())).toList())).toList();
    return java.util.Optional.of(new PhaseTwoView(measure.getPhaseTwoStartedAt(), measure.getPhase().closed()
        ? measure.getPhase().label() + (measure.getClosureReason() == null ? "" : ": " + measure.getClosureReason()) : null,
        measure.getPhaseTwoProcessInstanceId(), views));
  }

  /** A measure's Phase II as its page shows it. */
  public record PhaseTwoView(Instant startedAt, String closure, String processInstanceId, List<InvolvementView> involvements) {}

  /** One body's involvement as the measure's page shows it. */
  public record InvolvementView(String body, String kind, String state, boolean ended, String agreedContribution,
      List<ContributionView> contributions) {}

  /** One contribution: when, how it came, what it says, whether it was the last. */
  public record ContributionView(Instant at, String via, String text, boolean last) {}

  /** A body or person entered in the selection form's list. */
  public record NewBody(String name, String organisation, String email, String kind) {}

  /** How the coordinating unit goes on with a measure in Phase II. */
  public enum Decision {
    MORE_BODIES, IMPLEMENTED, NOT_IMPLEMENTABLE
  }

  /** What a recorded contribution means for the involvement. */
  public record Outcome(boolean withdrawn, boolean finished) {}

  /** What the page behind a link shows: only this involvement. */
  public record LinkView(String body, String measureCode, String measureText, String programmeTitle, String coordinatingOffice,
      String agreedContribution, Instant expiresAt) {}
}
