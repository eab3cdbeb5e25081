package de.umsetzungsmonitor.external;

import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.reporting.PageFormat;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Notices to the committee (Mitteilung an den Ausschuss): whenever an external body is brought
 * in, finishes or is withdrawn, a German notice lists every body now involved and what changed
 * since the previous notice. It waits for the next briefing, whose report takes it along.
 */
@Service
@Transactional(propagation = Propagation.MANDATORY)
public class CommitteeNotices {

  /** The changes the committee is told about: who joins, who is done, who leaves. */
  static final Set<InvolvementEvent.Kind> NOTIFIED = EnumSet.of(InvolvementEvent.Kind.ADDED,
      InvolvementEvent.Kind.FINISHED, InvolvementEvent.Kind.WITHDRAWN);

  private final CommitteeNoticeRepository notices;
  private final InvolvementRepository involvements;
  private final InvolvementEventRepository events;
  private final Clock clock;

  public CommitteeNotices(CommitteeNoticeRepository notices, InvolvementRepository involvements,
      InvolvementEventRepository events, Clock clock) {
    this.notices = notices;
    this.involvements = involvements;
    this.events = events;
    this.clock = clock;
  }

  /** Writes a notice about the programme's external bodies after a change (in the caller's transaction). */
  public CommitteeNotice changed(Programme programme) {
    List<Involvement> all = involvements.findByMeasureProgrammeIdOrderById(programme.getId());
    Map<Long, Involvement> byId = all.stream().collect(Collectors.toMap(Involvement::getId, Function.identity()));
    List<CommitteeNotice> earlier = notices.findByProgrammeIdOrderByCreatedAtAscIdAsc(programme.getId());
    CommitteeNotice previous = earlier.isEmpty() ? null : earlier.get(earlier.size() - 1);
    long after = previous == null || previous.getLastEventId() == null ? 0L : previous.getLastEventId();
    List<InvolvementEvent> changes = byId.isEmpty() ? List.of()
        : events.findByInvolvementIdInAndIdGreaterThanOrderByIdAsc(byId.keySet(), after);
    Instant now = Instant.now(clock);
    PageFormat format = PageFormat.GERMAN;

    StringBuilder text = new StringBuilder();
    text.append("Mitteilung an den ").append(programme.getCommittee()).append(" vom ").append(format.date(now.atZone(
        java.time.ZoneId.of("Europe/Berlin")).toLocalDate())).append("\n");
    text.append(programme.getTitle()).append(": externe Stellen in Umsetzungsphase II\n\n");
    List<Involvement> active = all.stream().filter(i -> i.getState() != InvolvementState.WITHDRAWN)
        .sorted(java.util.Comparator.comparing((Involvement i) -> i.getMeasure().getPosition()).thenComparing(Involvement::getId))
        .toList();
    if (active.isEmpty()) {
      text.append("Zurzeit ist keine externe Stelle hinzugezogen.\n");
    } else {
      text.append("Hinzugezogen sind:\n");
      for (Involvement involvement : active) {
        text.append("- ").append(involvement.getMeasure().getCode()).append(": ")
            .append(involvement.getExternalBody().displayName()).append(" (").append(involvement.getState().label()).append(")\n");
      }
    }
    List<String> lines = new ArrayList<>();
    for (InvolvementEvent change : changes) {
      if (NOTIFIED.contains(change.getKind())) {
        Involvement involvement = byId.get(change.getInvolvementId());
        lines.add("- " + format.date(change.getOccurredAt().atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate()) + ", "
            + involvement.getMeasure().getCode() + ": " + involvement.getExternalBody().displayName() + " "
            + verb(change.getKind()) + (change.getNote() == null || change.getKind() == InvolvementEvent.Kind.ADDED ? ""
                : " (" + change.getNote() + ")"));
      }
    }
    text.append("\nVeränderungen seit der ").append(previous == null ? "Aufnahme von Umsetzungsphase II"
        : "letzten Mitteilung vom " + format.dateTime(previous.getCreatedAt())).append(":\n");
    if (lines.isEmpty()) {
      text.append("- keine\n");
    } else {
      lines.forEach(line -> text.append(line).append("\n"));
    }
    Long lastEventId = changes.isEmpty() ? (previous == null ? null : previous.getLastEventId())
        : changes.get(changes.size() - 1).getId();
    return notices.save(new CommitteeNotice(programme.getId(), text.toString().strip(), now, lastEventId));
  }

  private static String verb(InvolvementEvent.Kind kind) {
    return switch (kind) {
      case ADDED -> "hinzugezogen";
      case FINISHED -> "hat ihren Beitrag abgeschlossen";
      case WITHDRAWN -> "nicht mehr beteiligt";
      default -> kind.label();
    };
  }
}
