package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.FormInput.items;
import static de.umsetzungsmonitor.process.FormInput.optionalText;
import static de.umsetzungsmonitor.process.FormInput.optionalTime;
import static de.umsetzungsmonitor.process.FormInput.prop;
import static de.umsetzungsmonitor.process.FormInput.requiredDate;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import de.umsetzungsmonitor.catalogue.Measure;
import de.umsetzungsmonitor.catalogue.MeasurePhase;
import de.umsetzungsmonitor.catalogue.MeasureRepository;
import de.umsetzungsmonitor.catalogue.Office;
import de.umsetzungsmonitor.catalogue.OfficeRepository;
import de.umsetzungsmonitor.deliveries.DataAgreement;
import de.umsetzungsmonitor.deliveries.DataAgreementRepository;
import de.umsetzungsmonitor.config.DeliveryProperties;
import de.umsetzungsmonitor.deliveries.Frequency;
import de.umsetzungsmonitor.deliveries.SourceFormat;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.Option;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.talks.TalkInvitations.Schedule;
import de.umsetzungsmonitor.talks.protocol.ProtocolService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.identity.User;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Phase I talks: scheduling, participants, and the outcome (approach, task areas, data agreements). */
@Service
@Transactional
public class TalkService {

  private static final DateTimeFormatter GERMAN_DATE = DateTimeFormatter.ofPattern("dd.MM.yyyy");

  private final MeasureRepository measures;
  private final OfficeRepository offices;
  private final TalkRepository talks;
  private final DataAgreementRepository agreements;
  private final ProtocolService protocols;
  private final TalkInvitations invitations;
  private final Directory directory;
  private final DeliveryProperties deliveryProperties;
  private final Clock clock;

  public TalkService(MeasureRepository measures, OfficeRepository offices, TalkRepository talks,
      DataAgreementRepository agreements, ProtocolService protocols, TalkInvitations invitations, Directory directory,
      DeliveryProperties deliveryProperties, Clock clock) {
    this.deliveryProperties = deliveryProperties;
    this.measures = measures;
    this.offices = offices;
    this.talks = talks;
    this.agreements = agreements;
    this.protocols = protocols;
    this.invitations = invitations;
    this.directory = directory;
    this.clock = clock;
  }

  /** Who may take part: the staff of the measure's lead offices and of the coordinating unit. */
  @Transactional(readOnly = true)
  public List<Option> participantOptions(Long measureId) {
    Measure measure = measure(measureId);
    List<Option> options = new ArrayList<>();
    for (Map.Entry<String, Office> candidate : candidates(measure).entrySet()) {
      User user = directory.user(candidate.getKey()).orElseThrow();
      options.add(new Option(Directory.nameOf(user) + " (" + candidate.getValue().getName() + ")", user.getId()));
    }
    return options;
  }

  /**
   * Schedules (or moves) the measure's talk and invites every participant with a calendar file;
   * returns the talk id.
   */
  public Long schedule(Long measureId, TalkSchedule schedule) {
    Measure measure = measure(measureId);
    LocalDate date = requiredDate(schedule.date(), "das Datum des Gesprächs");
    LocalTime time = optionalTime(schedule.time(), "Uhrzeit");
    String location = optionalText(schedule.location(), "Ort", 200);
    Set<String> userIds = new LinkedHashSet<>(schedule.participantUserIds());
    if (userIds.isEmpty()) {
      throw new InvalidInputException("Bitte mindestens eine teilnehmende Person auswählen.");
    }
    Map<String, Office> candidates = candidates(measure);
    for (String userId : userIds) {
      if (!candidates.containsKey(userId)) {
        throw new InvalidInputException("„" + userId + "“ gehört weder zu einer federführenden Stelle der Maßnahme "
            + measure.getCode() + " noch zur Koordinierungsstelle und kann nicht teilnehmen.");
      }
    }
    Talk talk = talks.findByMeasureId(measureId)
        .orElseGet(() -> new Talk(measure, directory.currentUserId().orElse(null), Instant.now(clock)));
    if (talk.isHeld()) {
      throw new InvalidInputException("Das Gespräch zur Maßnahme " + measure.getCode() + " hat bereits stattgefunden.");
    }
    boolean isNew = talk.getId() == null;
    Schedule before = isNew ? null : scheduleOf(talk);
    boolean moved = false;
    if (isNew) {
      talk.schedule(date, time, location, Instant.now(clock));
    } else {
      moved = talk.moveTo(date, time, location, Instant.now(clock));
    }
    talk.getParticipants().removeIf(p -> !userIds.contains(p.getUserId()));
    for (String userId : userIds) {
      if (talk.getParticipants().stream().noneMatch(p -> p.getUserId().equals(userId))) {
        talk.addParticipant(userId, directory.displayName(userId), candidates.get(userId));
      }
    }
    measure.moveTo(MeasurePhase.TALK_SCHEDULED);
    Talk saved = talks.saveAndFlush(talk);
    if (moved) {
      invitations.moved(saved, before);
    } else {
      invitations.invite(saved); // a participant invited before already has this invitation: not again
    }
    return saved.getId();
  }

  /**
   * The talk does not take place as scheduled: it moves to a new date (a time or place left empty
   * stay as they were), and every participant gets the changed invitation (same calendar UID, next
   * sequence).
   */
  public void move(Long talkId, TalkSchedule schedule) {
    Talk talk = talks.findById(talkId).orElseThrow(() -> new InvalidInputException("Unbekanntes Gespräch " + talkId + "."));
    String code = talk.getMeasure().getCode();
    if (talk.isHeld()) {
      throw new InvalidInputException("Das Gespräch zur Maßnahme " + code + " hat bereits stattgefunden.");
    }
    LocalDate date = requiredDate(schedule.date(), "das neue Datum des Gesprächs");
    if (date.isBefore(LocalDate.now(clock))) {
      throw new InvalidInputException("Das neue Datum des Gesprächs (" + GERMAN_DATE.format(date)
          + ") liegt in der Vergangenheit.");
    }
    LocalTime time = optionalTime(schedule.time(), "neue Uhrzeit");
    String location = optionalText(schedule.location(), "neuer Ort", 200);
    Schedule before = scheduleOf(talk);
    if (!talk.moveTo(date, time == null ? before.time() : time, location == null ? before.location() : location,
        Instant.now(clock))) {
      throw new InvalidInputException("Der neue Termin ist derselbe wie der bisherige. Bitte ein anderes Datum, "
          + "eine andere Uhrzeit oder einen anderen Ort angeben.");
    }
    invitations.moved(talks.saveAndFlush(talk), before);
  }

  private static Schedule scheduleOf(Talk talk) {
    return new Schedule(talk.getScheduledFor(), talk.getScheduledTime(), talk.getLocation());
  }

  /** Records what the talk agreed and issues the protocol's first version; returns the protocol id. */
  public Long recordResults(Long talkId, TalkResults results) {
    Talk talk = talks.findById(talkId).orElseThrow(() -> new InvalidInputException("Unbekanntes Gespräch " + talkId + "."));
    LocalDate heldOn = requiredDate(results.heldOn(), "das Datum, an dem das Gespräch stattfand");
    if (heldOn.isAfter(LocalDate.now(clock))) {
      throw new InvalidInputException("Das Gespräch kann nicht in der Zukunft stattgefunden haben ("
          + heldOn + ").");
    }
    talk.recordOutcome(heldOn,
        requiredText(results.approach(), "die Vorgehensweise", 1000),
        optionalText(results.remarks(), "Bemerkungen", 4000), Instant.now(clock));
    int position = 1;
    for (SpinJsonNode item : items(results.taskAreas())) {
      talk.addTaskArea(office(prop(item, "office"), "Aufgabenbereich " + position),
          requiredText(prop(item, "description"), "die Beschreibung des Aufgabenbereichs " + position, 2000));
      position++;
    }
    talks.save(talk);
    position = 1;
    for (SpinJsonNode item : items(results.dataAgreements())) {
      String label = "Datenvereinbarung " + position;
      Frequency frequency = Frequency.parse(prop(item, "frequency"));
      if (frequency == null) {
        throw new InvalidInputException("Bitte für " + label + " angeben, wie oft die Daten geliefert werden.");
      }
      DataAgreement agreement = new DataAgreement(talk, office(prop(item, "office"), label),
          requiredText(prop(item, "data"), "für " + label + " die zu liefernden Daten", 2000),
          frequency, requiredDate(prop(item, "firstDue"), "für " + label + " den ersten Liefertermin"), position);
      if (frequency == Frequency.CYCLE) {
        String cycle = prop(item, "cycle");
        if (Frequency.parseCycle(cycle) == null) {
          throw new InvalidInputException("Bitte für " + label + " den Zeitraum im Format ISO 8601 angeben, z. B. P2M"
              + " für alle zwei Monate (nicht „" + (cycle == null ? "" : cycle) + "“).");
        }
        agreement.repeating(cycle.strip().toUpperCase(java.util.Locale.ROOT));
      }
      String source = prop(item, "source");
      if (source != null && !source.isBlank()) {
        if (!deliveryProperties.allowsSource(source.strip())) {
          throw new InvalidInputException("Die Adresse „" + source.strip() + "“ ist für den automatischen Abruf nicht"
              + " freigegeben (" + label + "). Freigegebene Adressen legt der Betrieb fest.");
        }
        SourceFormat format = SourceFormat.parse(prop(item, "sourceFormat"));
        agreement.fetchedFrom(source.strip(), format == null ? SourceFormat.JSON : format);
      }
      agreements.save(agreement);
      position++;
    }
    talk.getMeasure().moveTo(MeasurePhase.PROTOCOL_IN_SIGNATURE);
    return protocols.issue(talk, results.protocolText(), results.attachmentId(), directory.currentUserId().orElse(null));
  }

  private Office office(String code, String label) {
    if (code == null || code.isBlank()) {
      throw new InvalidInputException("Bitte für " + label + " die zuständige Stelle auswählen.");
    }
    return offices.findByCode(code).orElseThrow(() -> new InvalidInputException("Unbekannte Stelle „" + code + "“ (" + label + ")."));
  }

  private Measure measure(Long measureId) {
    return measures.findById(measureId).orElseThrow(() -> new IllegalStateException("Measure " + measureId + " not found"));
  }

  /** Candidate participants by user id, with the office they come from. */
  private Map<String, Office> candidates(Measure measure) {
    Map<String, Office> candidates = new LinkedHashMap<>();
    List<Office> sources = new ArrayList<>();
    sources.add(measure.getProgramme().getCoordinatingOffice());
    measure.getLeadOffices().stream()
        .sorted(Comparator.comparing(Office::getName))
        .forEach(sources::add);
    for (Office office : sources) {
      directory.membersOf(List.of(office.groupId())).keySet().forEach(userId -> candidates.putIfAbsent(userId, office));
    }
    return candidates;
  }

  /** What the form "Gespräch terminieren" submits. */
  public record TalkSchedule(String date, String time, String location, List<String> participantUserIds) {}

  /** What the form "Gesprächsergebnisse erfassen" submits. */
  public record TalkResults(String heldOn, String approach, String remarks, SpinJsonNode taskAreas,
      SpinJsonNode dataAgreements, String protocolText, String attachmentId) {}
}
