package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.DECISION_IMPLEMENTED;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.DECISION_MORE_BODIES;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.DECISION_NOT_IMPLEMENTABLE;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.END_EVENT_MEASURE_IMPLEMENTED;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.END_EVENT_MEASURE_NOT_IMPLEMENTABLE;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.KEY;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.USER_TASK_ACCOMPANY_IMPLEMENTATION;
import static de.umsetzungsmonitor.process.MeasurePhaseTwoProcess.USER_TASK_SELECT_EXTERNAL_BODIES;
import static de.umsetzungsmonitor.process.ProcessVariables.CLOSURE_REASON;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.EXTERNAL_BODY_OPTIONS;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.NEW_BODIES;
import static de.umsetzungsmonitor.process.ProcessVariables.PHASE_TWO_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.PHASE_TWO_SUMMARY;
import static de.umsetzungsmonitor.process.ProcessVariables.SELECTED_BODIES;
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
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.external.PhaseTwoService.Decision;
import de.umsetzungsmonitor.external.PhaseTwoService.NewBody;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.Option;
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
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Paths through {@code MeasurePhaseTwoProcess}: implemented, more bodies first, not implementable, refused closing. */
@Deployment(resources = {
    "processes/MeasurePhaseTwoProcess.bpmn",
    "forms/selectExternalBodies.form",
    "forms/accompanyImplementation.form"})
class MeasurePhaseTwoProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("measure-phase-two-process-tests"))
      .build();

  private static final String BUSINESS_KEY = "SL2015-M21";
  private static final long MEASURE = 21L;
  private static final String COORDINATION = "sozialplanung";

  private final PhaseTwoService phaseTwo = mock(PhaseTwoService.class);
  private final Directory directory = mock(Directory.class);

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    when(phaseTwo.summary(MEASURE)).thenReturn(Map.of("measure", "M 21: Wohnraum", "involved", "noch keine"));
    when(phaseTwo.bodyOptions(MEASURE)).thenReturn(List.of(new Option("koblenzer-wohnbau", "Koblenzer Wohnbau")));
    Mocks.register("grantProgrammeReadersListener", mock(GrantProgrammeReadersListener.class));
    Mocks.register("phaseTwoFormListener", new PhaseTwoFormListener(phaseTwo));
    Mocks.register("selectExternalBodiesListener", new SelectExternalBodiesListener(phaseTwo, directory));
    Mocks.register("accompanyImplementationListener", new AccompanyImplementationListener(phaseTwo, directory));
    identityService().setAuthentication("abecker", List.of(COORDINATION));
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
  void bodiesChosen_implementationAccompanied_measureImplemented() {
    when(phaseTwo.proceed(MEASURE, DECISION_IMPLEMENTED, null, "abecker")).thenReturn(Decision.IMPLEMENTED);
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(USER_TASK_SELECT_EXTERNAL_BODIES);
    assertThat(task(pi)).hasCandidateGroup(COORDINATION);
    assertThat(taskService().getVariablesLocal(task(pi).getId())).containsKeys(PHASE_TWO_SUMMARY.name(), EXTERNAL_BODY_OPTIONS.name());
    complete(task(pi), withVariables(SELECTED_BODIES.name(), SpinValues.jsonValue(Spin.JSON(List.of("koblenzer-wohnbau"))).create(),
        NEW_BODIES.name(), SpinValues.jsonValue(Spin.JSON(List.of(Map.of("name", "Dr. Eva Beispiel",
            "organisation", "Hochschule Koblenz", "email", "beispiel@hs-koblenz.example", "kind", "PERSON")))).create()));
    verify(phaseTwo).involve(MEASURE, List.of("koblenzer-wohnbau"),
        List.of(new NewBody("Dr. Eva Beispiel", "Hochschule Koblenz", "beispiel@hs-koblenz.example", "PERSON")), "abecker");

    assertThat(pi).isWaitingAt(USER_TASK_ACCOMPANY_IMPLEMENTATION);
    complete(task(pi), withVariables(PHASE_TWO_DECISION.name(), DECISION_IMPLEMENTED));
    verify(phaseTwo).proceed(MEASURE, DECISION_IMPLEMENTED, null, "abecker");
    assertThat(pi).hasPassed(END_EVENT_MEASURE_IMPLEMENTED).isEnded()
        .variables().doesNotContainKeys(SELECTED_BODIES.name(), NEW_BODIES.name(), PHASE_TWO_DECISION.name());
  }

  @Test
  void moreBodiesBroughtInLater_thenNotImplementable_withTheReason() {
    when(phaseTwo.proceed(MEASURE, DECISION_MORE_BODIES, null, "abecker")).thenReturn(Decision.MORE_BODIES);
    when(phaseTwo.proceed(MEASURE, DECISION_NOT_IMPLEMENTABLE, "Vorbehalt der Finanzierbarkeit", "abecker"))
        .thenReturn(Decision.NOT_IMPLEMENTABLE);
    ProcessInstance pi = start();
    complete(task(pi), Map.of());
    verify(phaseTwo).involve(MEASURE, List.of(), List.of(), "abecker");

    complete(task(pi), withVariables(PHASE_TWO_DECISION.name(), DECISION_MORE_BODIES));
    assertThat(pi).isWaitingAt(USER_TASK_SELECT_EXTERNAL_BODIES);
    complete(task(pi), withVariables(SELECTED_BODIES.name(), SpinValues.jsonValue(Spin.JSON(List.of("land-rlp"))).create()));
    verify(phaseTwo).involve(MEASURE, List.of("land-rlp"), List.of(), "abecker");

    complete(task(pi), withVariables(PHASE_TWO_DECISION.name(), DECISION_NOT_IMPLEMENTABLE,
        CLOSURE_REASON.name(), "Vorbehalt der Finanzierbarkeit"));
    assertThat(pi).hasPassed(END_EVENT_MEASURE_NOT_IMPLEMENTABLE).hasNotPassed(END_EVENT_MEASURE_IMPLEMENTED).isEnded();
  }

  @Test
  void closingRefused_whileAnInvolvementRuns_theTaskStaysOpen() {
    when(phaseTwo.proceed(MEASURE, DECISION_IMPLEMENTED, null, "abecker"))
        .thenThrow(new InvalidInputException("Die Beteiligung von Koblenzer Wohnbau läuft noch."));
    ProcessInstance pi = runtimeService().createProcessInstanceByKey(KEY).businessKey(BUSINESS_KEY)
        .setVariables(variables()).startBeforeActivity(USER_TASK_ACCOMPANY_IMPLEMENTATION).execute();

    assertThatThrownBy(() -> complete(task(pi), withVariables(PHASE_TWO_DECISION.name(), DECISION_IMPLEMENTED)))
        .rootCause().isInstanceOf(InvalidInputException.class);
    assertThat(pi).isWaitingAt(USER_TASK_ACCOMPANY_IMPLEMENTATION);
    verify(phaseTwo, never()).involve(anyLong(), any(), any(), anyString());
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, variables());
  }

  private static Map<String, Object> variables() {
    return withVariables(MEASURE_ID.name(), MEASURE, COORDINATION_GROUP.name(), COORDINATION);
  }
}
