package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.DECISION_OVERRIDE;
import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.DECISION_REFUSE;
import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.END_EVENT_DECLARATION_REFUSED;
import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.END_EVENT_PHASE_TWO_OPENED;
import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.KEY;
import static de.umsetzungsmonitor.process.PhaseTwoGateProcess.USER_TASK_DECIDE_OVERRIDE;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.GATE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.MISSING_ITEMS;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_HEAD_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERRIDE_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERRIDE_REASON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paths through {@code PhaseTwoGateProcess}: complete, overridden with a reason, refused. */
@Deployment(resources = {"processes/PhaseTwoGateProcess.bpmn", "forms/decidePhaseTwoOverride.form"})
class PhaseTwoGateProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("phase-two-gate-process-tests"))
      .build();

  private static final String BUSINESS_KEY = "SL2015_Phase_II";
  private static final long GATE = 3L;
  private static final String HEAD = "sozialplanungleitung";
  private static final String MISSING = "M 12: Das Gespräch hat noch nicht stattgefunden (noch nicht terminiert).";

  private final PhaseTwoGates gates = mock(PhaseTwoGates.class);
  private final Directory directory = mock(Directory.class);

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    when(gates.missingItems(GATE)).thenReturn(MISSING);
    Mocks.register("grantProgrammeReadersListener", mock(GrantProgrammeReadersListener.class));
    Mocks.register("checkInternalInformationDelegate", new CheckInternalInformationDelegate(gates));
    Mocks.register("decideOverrideFormListener", new DecideOverrideFormListener(gates));
    Mocks.register("decideOverrideListener", new DecideOverrideListener(gates, directory));
    Mocks.register("openPhaseTwoDelegate", new OpenPhaseTwoDelegate(gates));
  }

  @AfterEach
  void resetMocksAndUser() {
    identityService().clearAuthentication();
    Mocks.reset();
    reset();
  }

  @AfterAll
  static void closeEngine() {
    engine.getProcessEngine().close();
  }

  @Test
  void everythingComplete_phaseTwoOpens_withoutAskingTheHead() {
    when(gates.check(GATE)).thenReturn(true);

    ProcessInstance pi = start();

    verify(gates).check(GATE);
    verify(gates).open(GATE);
    assertThat(pi).hasPassed(END_EVENT_PHASE_TWO_OPENED).hasNotPassed(USER_TASK_DECIDE_OVERRIDE).isEnded();
  }

  @Test
  void somethingMissing_headOverridesWithAReason_phaseTwoOpens() {
    when(gates.check(GATE)).thenReturn(false);
    when(gates.decide(GATE, DECISION_OVERRIDE, "Gespräch zu M 12 folgt, Phase II soll nicht warten", "hbraun")).thenReturn(true);

    ProcessInstance pi = start();
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_OVERRIDE);
    assertThat(task()).hasCandidateGroup(HEAD);
    assertThat(taskService().getVariableLocal(task().getId(), MISSING_ITEMS.name())).isEqualTo(MISSING);
    verify(gates, never()).open(anyLong());

    identityService().setAuthentication("hbraun", List.of(HEAD));
    complete(task(), withVariables(OVERRIDE_DECISION.name(), DECISION_OVERRIDE,
        OVERRIDE_REASON.name(), "Gespräch zu M 12 folgt, Phase II soll nicht warten"));

    verify(gates).decide(GATE, DECISION_OVERRIDE, "Gespräch zu M 12 folgt, Phase II soll nicht warten", "hbraun");
    verify(gates).open(GATE);
    assertThat(pi).hasPassed(USER_TASK_DECIDE_OVERRIDE, END_EVENT_PHASE_TWO_OPENED).isEnded();
  }

  @Test
  void somethingMissing_headRefuses_declarationRefused() {
    when(gates.check(GATE)).thenReturn(false);
    when(gates.decide(GATE, DECISION_REFUSE, null, "hbraun")).thenReturn(false);

    ProcessInstance pi = start();
    identityService().setAuthentication("hbraun", List.of(HEAD));
    complete(task(pi), withVariables(OVERRIDE_DECISION.name(), DECISION_REFUSE));

    verify(gates, never()).open(anyLong());
    assertThat(pi).hasPassed(END_EVENT_DECLARATION_REFUSED).hasNotPassed(END_EVENT_PHASE_TWO_OPENED).isEnded();
  }

  @Test
  void overrideWithoutReason_isRefused_andTheTaskStaysOpen() {
    when(gates.check(GATE)).thenReturn(false);
    when(gates.decide(GATE, DECISION_OVERRIDE, null, "hbraun")).thenThrow(new InvalidInputException("Bitte die Begründung angeben."));
    ProcessInstance pi = start();
    identityService().setAuthentication("hbraun", List.of(HEAD));

    assertThatThrownBy(() -> complete(task(pi), withVariables(OVERRIDE_DECISION.name(), DECISION_OVERRIDE)))
        .rootCause().isInstanceOf(InvalidInputException.class);
    assertThat(pi).isWaitingAt(USER_TASK_DECIDE_OVERRIDE);
    verify(gates, never()).open(anyLong());
  }

  private ProcessInstance start() {
    Map<String, Object> variables = withVariables(GATE_ID.name(), GATE, COORDINATION_GROUP.name(), "sozialplanung",
        OFFICE_HEAD_GROUP.name(), HEAD);
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, variables);
  }
}
