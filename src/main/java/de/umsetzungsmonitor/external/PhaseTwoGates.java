package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.FormInput.optionalText;
import static de.umsetzungsmonitor.process.FormInput.requiredText;

import de.umsetzungsmonitor.catalogue.Programme;
import de.umsetzungsmonitor.catalogue.ProgrammeRepository;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.PhaseTwoGateProcess;
import de.umsetzungsmonitor.process.ProcessVariables;
import de.umsetzungsmonitor.reporting.PageFormat;
import de.umsetzungsmonitor.reporting.StatusReports;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.ProgrammeAccess;
import de.umsetzungsmonitor.web.ConflictException;
import de.umsetzungsmonitor.web.ForbiddenException;
import de.umsetzungsmonitor.web.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The gate to Phase II: the coordinating unit declares that all internal information is
 * reviewed, prepared and documented. While anything is missing (talks, signatures, indicators,
 * deliveries; {@link StatusReports#missingForPhaseTwo}) the declaration is refused, unless the
 * coordinating unit asks the head of the office to override, who decides with a recorded reason.
 * The only place that starts a {@code PhaseTwoGateProcess}.
 */
@Service
@Transactional
public class PhaseTwoGates {

  private final PhaseTwoGateRepository gates;
  private final ProgrammeRepository programmes;
  private final StatusReports reports;
  private final RuntimeService runtime;
  private final Directory directory;
  private final PhaseTwoService phaseTwo;
  private final Clock clock;

  public PhaseTwoGates(PhaseTwoGateRepository gates, ProgrammeRepository programmes, StatusReports reports,
      RuntimeService runtime, Directory directory, PhaseTwoService phaseTwo, Clock clock) {
    this.gates = gates;
    this.programmes = programmes;
    this.reports = reports;
    this.runtime = runtime;
    this.directory = directory;
    this.phaseTwo = phaseTwo;
    this.clock = clock;
  }

  /** Where the programme stands at the gate, for those who may read its reports. */
  @Transactional(readOnly = true)
  public GateStatus status(String programmeCode, Collection<String> callerGroups) {
    Programme programme = readable(programmeCode, callerGroups);
    List<PhaseTwoGate> declarations = gates.findByProgrammeIdOrderByDeclaredAtDescIdDesc(programme.getId());
    Instant opened = programme.getPhaseTwoOpenedAt();
    return new GateStatus(programme.getCode(), opened != null,
        opened == null ? null : opened.atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDate(),
        opened == null ? reports.missingForPhaseTwo(programme) : List.of(),
        declarations.stream().map(GateView::of).toList());
  }

  /**
   * The coordinating unit declares all internal information complete. Refused (409, nothing
   * written) while something is missing, unless {@code askForOverride}: then the head decides.
   */
  public PhaseTwoGate declare(String programmeCode, boolean askForOverride, String userId, Collection<String> callerGroups) {
    Programme programme = readable(programmeCode, callerGroups);
    if (!ProgrammeAccess.coordinates(programme, callerGroups)) {
      throw new ForbiddenException("Die Vollständigkeit erklärt die " + programme.getCoordinatingOffice().getName() + ".");
    }
    if (programme.getPhaseTwoOpenedAt() != null) {
      throw new ConflictException("Umsetzungsphase II hat für " + programme.getCode() + " bereits am "
          + PageFormat.GERMAN.dateTime(programme.getPhaseTwoOpenedAt()) + " begonnen.");
    }
    gates.findByProgrammeIdOrderByDeclaredAtDescIdDesc(programme.getId()).stream()
        .filter(gate -> gate.getState() == GateState.AWAITING_OVERRIDE || gate.getState() == GateState.CHECKING)
        .findFirst().ifPresent(pending -> {
          throw new ConflictException("Über die Erklärung vom " + PageFormat.GERMAN.dateTime(pending.getDeclaredAt())
              + " entscheidet noch die Amtsleitung.");
        });
    List<String> missing = reports.missingForPhaseTwo(programme);
    if (!missing.isEmpty() && !askForOverride) {
      throw new ConflictException("Die Erklärung kann nicht angenommen werden: es fehlen noch " + missing.size()
          + (missing.size() == 1 ? " Angabe" : " Angaben") + ". Erledigen Sie diese Punkte, oder bitten Sie die Amtsleitung,"
          + " Umsetzungsphase II trotzdem freizugeben.", missing);
    }
    PhaseTwoGate gate = gates.saveAndFlush(new PhaseTwoGate(programme, userId == null ? "system" : userId, Instant.now(clock)));
    // started by the application: who may declare is decided above, per programme
    String instanceId = directory.asSystem(() -> runtime.startProcessInstanceByKey(PhaseTwoGateProcess.KEY,
        PhaseTwoGate.businessKeyOf(programme.getCode()), Variables.createVariables()
            .putValue(ProcessVariables.GATE_ID.name(), gate.getId())
            .putValue(ProcessVariables.COORDINATION_GROUP.name(), programme.coordinationGroup())
            .putValue(ProcessVariables.OFFICE_HEAD_GROUP.name(), programme.getCoordinatingOffice().headGroupId()))
        .getProcessInstanceId());
    gate.processStarted(instanceId);
    return gate;
  }

  /** Checks again what is missing, records it, and says whether everything is complete. */
  public boolean check(Long gateId) {
    PhaseTwoGate gate = gate(gateId);
    List<String> missing = reports.missingForPhaseTwo(gate.getProgramme());
    gate.checked(missing);
    return missing.isEmpty();
  }

  /** What the head sees: one missing item per line. */
  @Transactional(readOnly = true)
  public String missingItems(Long gateId) {
    return String.join("\n", gate(gateId).missingItems());
  }

  /** The head's decision; an override needs a reason. Returns whether Phase II may begin. */
  public boolean decide(Long gateId, String decision, String reason, String userId) {
    PhaseTwoGate gate = gate(gateId);
    if (gate.getState() != GateState.AWAITING_OVERRIDE) {
      throw new InvalidInputException("Über diese Erklärung ist bereits entschieden.");
    }
    String by = userId == null ? "system" : userId;
    if (PhaseTwoGateProcess.DECISION_OVERRIDE.equals(decision)) {
      gate.overridden(requiredText(reason, "die Begründung, warum Umsetzungsphase II trotz offener Punkte beginnt", 4000),
          by, Instant.now(clock));
      return true;
    }
    if (PhaseTwoGateProcess.DECISION_REFUSE.equals(decision)) {
      gate.refused(optionalText(reason, "Begründung", 4000), by, Instant.now(clock));
      return false;
    }
    throw new InvalidInputException("Bitte wählen: Umsetzungsphase II beginnt trotzdem, oder erst die offenen Punkte erledigen.");
  }

  /** Phase II begins for the programme and each of its open measures. */
  public void open(Long gateId) {
    PhaseTwoGate gate = gate(gateId);
    gate.opened();
    gate.getProgramme().openPhaseTwo(Instant.now(clock));
    phaseTwo.startMeasures(gate.getProgramme());
  }

  private Programme readable(String code, Collection<String> callerGroups) {
    return programmes.findWithOfficesByCode(code == null ? "" : code)
        .filter(programme -> ProgrammeAccess.reads(programme, callerGroups))
        .orElseThrow(() -> new NotFoundException("Kein Programm " + code + ", dessen Berichte Sie sehen dürfen."));
  }

  private PhaseTwoGate gate(Long gateId) {
    return gates.findById(gateId).orElseThrow(() -> new IllegalStateException("Gate " + gateId + " not found"));
  }

  /** The gate of a programme: whether Phase II has begun, what is missing now, every declaration. */
  public record GateStatus(String programmeCode, boolean phaseTwoOpened, LocalDate openedOn, List<String> missing,
      List<GateView> declarations) {}

  /** One declaration as the API and the page show it. */
  public record GateView(String state, String stateLabel, String declaredBy, Instant declaredAt, List<String> missingThen,
      String decidedBy, Instant decidedAt, String reason) {
    static GateView of(PhaseTwoGate gate) {
      return new GateView(gate.getState().name(), gate.getState().label(), gate.getDeclaredBy(), gate.getDeclaredAt(),
          gate.missingItems(), gate.getDecidedBy(), gate.getDecidedAt(), gate.getOverrideReason());
    }
  }
}
