package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.BOUNDARY_EVENT_CONTRIBUTION_RECEIVED;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.END_EVENT_ENDED_WITH_MEASURE;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.END_EVENT_INVOLVEMENT_FINISHED;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.END_EVENT_INVOLVEMENT_WITHDRAWN;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.KEY;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.MESSAGE_CONTRIBUTION_RECEIVED;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.MESSAGE_MEASURE_CLOSED;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.OUTCOME_AGREED;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.OUTCOME_CONTACTED;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.OUTCOME_CONTRIBUTION;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.OUTCOME_WITHDRAWN;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.SERVICE_TASK_SEND_CONTRIBUTION_LINK;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.USER_TASK_AGREE_CONTRIBUTION;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.USER_TASK_MAKE_CONTACT;
import static de.umsetzungsmonitor.process.ExternalInvolvementProcess.USER_TASK_RECORD_CONTRIBUTION;
import static de.umsetzungsmonitor.process.ProcessVariables.AGREED_CONTRIBUTION;
import static de.umsetzungsmonitor.process.ProcessVariables.CONTRIBUTION_FINAL;
import static de.umsetzungsmonitor.process.ProcessVariables.CONTRIBUTION_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.COORDINATION_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.EXTERNAL_BODY_NAME;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_FINISHED;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_SUMMARY;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_WITHDRAWN;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.identityService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.anyLong;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.external.PhaseTwoService.Outcome;
import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.Directory;
import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths through {@code ExternalInvolvementProcess}: contributions recorded by an office and sent
 * through the link, withdrawn at each step, ended with the measure, the link's mail step failing.
 */
@Deployment(resources = {
    "processes/ExternalInvolvementProcess.bpmn",
    "forms/makeContact.form",
    "forms/agreeContribution.form",
    "forms/recordContribution.form"})
class ExternalInvolvementProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("external-involvement-process-tests"))
      .build();

  private static final String BUSINESS_KEY = "SL2015-M21";
  private static final long INVOLVEMENT = 5L;
  private static final String USER = "mfischer";

  private final PhaseTwoService phaseTwo = mock(PhaseTwoService.class);
  private final Directory directory = mock(Directory.class);

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    when(directory.currentUserId()).thenAnswer(call ->
        Optional.ofNullable(identityService().getCurrentAuthentication()).map(Authentication::getUserId));
    when(phaseTwo.candidateGroups(INVOLVEMENT)).thenReturn(List.of("sozialplanung", "stadtplanung"));
    when(phaseTwo.involvementSummary(INVOLVEMENT)).thenReturn(Map.of("body", "Koblenzer Wohnbau"));
    Mocks.register("grantProgrammeReadersListener", mock(GrantProgrammeReadersListener.class));
    Mocks.register("involvementTaskListener", new InvolvementTaskListener(phaseTwo));
    Mocks.register("makeContactListener", new MakeContactListener(phaseTwo, directory));
    Mocks.register("agreeContributionListener", new AgreeContributionListener(phaseTwo, directory));
    Mocks.register("sendContributionLinkDelegate", new SendContributionLinkDelegate(phaseTwo));
    Mocks.register("recordContributionListener", new RecordContributionListener(phaseTwo, directory));
    identityService().setAuthentication(USER, List.of("stadtplanung"));
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
  void contactMade_contributionAgreed_officeRecordsTwoContributions_theSecondTheLast() {
    when(phaseTwo.contacted(INVOLVEMENT, OUTCOME_CONTACTED, "Termin am 12.10.", USER)).thenReturn(false);
    when(phaseTwo.agreed(INVOLVEMENT, OUTCOME_AGREED, "Zahlen zum Sozialwohnungsbau", null, USER)).thenReturn(false);
    when(phaseTwo.recordContribution(INVOLVEMENT, OUTCOME_CONTRIBUTION, "Erste Zahlen", false, null, USER))
        .thenReturn(new Outcome(false, false));
    when(phaseTwo.recordContribution(INVOLVEMENT, OUTCOME_CONTRIBUTION, "Abschlussbericht", true, null, USER))
        .thenReturn(new Outcome(false, true));
    ProcessInstance pi = start();

    assertThat(pi).isWaitingAt(USER_TASK_MAKE_CONTACT);
    assertThat(task(pi)).hasCandidateGroup("sozialplanung").hasCandidateGroup("stadtplanung")
        .hasName("Kontakt aufnehmen: Koblenzer Wohnbau");
    assertThat(taskService().getVariablesLocal(task(pi).getId())).containsKey(INVOLVEMENT_SUMMARY.name());
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_CONTACTED, INVOLVEMENT_NOTE.name(), "Termin am 12.10."));

    assertThat(pi).isWaitingAt(USER_TASK_AGREE_CONTRIBUTION);
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_AGREED,
        AGREED_CONTRIBUTION.name(), "Zahlen zum Sozialwohnungsbau"));

    // the link goes out in a step of its own, after the agreement committed
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_CONTRIBUTION_LINK);
    verify(phaseTwo, never()).sendContributionLink(anyLong());
    execute(job(pi));
    verify(phaseTwo).sendContributionLink(INVOLVEMENT);

    assertThat(pi).isWaitingAt(USER_TASK_RECORD_CONTRIBUTION);
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_CONTRIBUTION, CONTRIBUTION_TEXT.name(), "Erste Zahlen",
        CONTRIBUTION_FINAL.name(), false));
    // more is expected: a new link for the next contribution
    assertThat(pi).isWaitingAt(SERVICE_TASK_SEND_CONTRIBUTION_LINK);
    execute(job(pi));
    verify(phaseTwo, times(2)).sendContributionLink(INVOLVEMENT);
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_CONTRIBUTION, CONTRIBUTION_TEXT.name(), "Abschlussbericht",
        CONTRIBUTION_FINAL.name(), true));

    assertThat(pi).hasPassed(END_EVENT_INVOLVEMENT_FINISHED).isEnded();
  }

  @Test
  void contributionSentThroughTheLink_endsTheOfficesTask_andTheLastOneFinishes() {
    ProcessInstance pi = startBefore(USER_TASK_RECORD_CONTRIBUTION);

    runtimeService().createMessageCorrelation(MESSAGE_CONTRIBUTION_RECEIVED).processInstanceId(pi.getId())
        .setVariable(INVOLVEMENT_FINISHED.name(), false).setVariable(INVOLVEMENT_WITHDRAWN.name(), false).correlate();
    assertThat(pi).hasPassed(BOUNDARY_EVENT_CONTRIBUTION_RECEIVED).isWaitingAt(SERVICE_TASK_SEND_CONTRIBUTION_LINK);
    execute(job(pi));
    verify(phaseTwo).sendContributionLink(INVOLVEMENT);

    runtimeService().createMessageCorrelation(MESSAGE_CONTRIBUTION_RECEIVED).processInstanceId(pi.getId())
        .setVariable(INVOLVEMENT_FINISHED.name(), true).setVariable(INVOLVEMENT_WITHDRAWN.name(), false).correlate();
    assertThat(pi).hasPassed(END_EVENT_INVOLVEMENT_FINISHED).isEnded();
    verify(phaseTwo, never()).recordContribution(anyLong(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any(),
        org.mockito.ArgumentMatchers.anyBoolean(), org.mockito.ArgumentMatchers.any(), org.mockito.ArgumentMatchers.any());
  }

  @Test
  void withdrawnAtContact_endsWithdrawn() {
    when(phaseTwo.contacted(INVOLVEMENT, OUTCOME_WITHDRAWN, "Stelle nicht zuständig", USER)).thenReturn(true);
    ProcessInstance pi = start();
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_WITHDRAWN, INVOLVEMENT_NOTE.name(), "Stelle nicht zuständig"));
    assertThat(pi).hasPassed(END_EVENT_INVOLVEMENT_WITHDRAWN).hasNotPassed(USER_TASK_AGREE_CONTRIBUTION).isEnded();
  }

  @Test
  void withdrawnInsteadOfAgreeing_endsWithdrawn() {
    when(phaseTwo.agreed(INVOLVEMENT, OUTCOME_WITHDRAWN, null, "Kein Beitrag möglich", USER)).thenReturn(true);
    ProcessInstance pi = startBefore(USER_TASK_AGREE_CONTRIBUTION);
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_WITHDRAWN, INVOLVEMENT_NOTE.name(), "Kein Beitrag möglich"));
    assertThat(pi).hasPassed(END_EVENT_INVOLVEMENT_WITHDRAWN).hasNotPassed(SERVICE_TASK_SEND_CONTRIBUTION_LINK).isEnded();
  }

  @Test
  void withdrawnWhileContributionsAreAwaited_endsWithdrawn() {
    when(phaseTwo.recordContribution(INVOLVEMENT, OUTCOME_WITHDRAWN, null, false, "Ansprechpartner gewechselt", USER))
        .thenReturn(new Outcome(true, false));
    ProcessInstance pi = startBefore(USER_TASK_RECORD_CONTRIBUTION);
    complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_WITHDRAWN, INVOLVEMENT_NOTE.name(), "Ansprechpartner gewechselt"));
    assertThat(pi).hasPassed(END_EVENT_INVOLVEMENT_WITHDRAWN).hasNotPassed(END_EVENT_INVOLVEMENT_FINISHED).isEnded();
  }

  @Test
  void measureClosedAsNotImplementable_endsEveryRunningInvolvement() {
    ProcessInstance pi = startBefore(USER_TASK_AGREE_CONTRIBUTION);
    runtimeService().createMessageCorrelation(MESSAGE_MEASURE_CLOSED).processInstanceId(pi.getId()).correlate();
    assertThat(pi).hasPassed(END_EVENT_ENDED_WITH_MEASURE).isEnded();
    assertThat(taskService().createTaskQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void recordingWithoutText_isRefused_andTheTaskStaysOpen() {
    when(phaseTwo.recordContribution(INVOLVEMENT, OUTCOME_CONTRIBUTION, null, false, null, USER))
        .thenThrow(new InvalidInputException("Bitte den Beitrag angeben."));
    ProcessInstance pi = startBefore(USER_TASK_RECORD_CONTRIBUTION);
    assertThatThrownBy(() -> complete(task(pi), withVariables(INVOLVEMENT_OUTCOME.name(), OUTCOME_CONTRIBUTION)))
        .rootCause().isInstanceOf(InvalidInputException.class);
    assertThat(pi).isWaitingAt(USER_TASK_RECORD_CONTRIBUTION);
  }

  @Test
  void sendingTheLinkFails_retriesThreeTimes_thenAnIncident() {
    doThrow(new IllegalStateException("Datenbank nicht erreichbar")).when(phaseTwo).sendContributionLink(INVOLVEMENT);
    ProcessInstance pi = startBefore(SERVICE_TASK_SEND_CONTRIBUTION_LINK);
    for (int attempt = 0; attempt < 3; attempt++) {
      Job job = job(pi);
      assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("nicht erreichbar");
    }
    assertThat(job(pi).getRetries()).isZero();
    assertThat(runtimeService().createIncidentQuery().processInstanceId(pi.getId()).count()).isEqualTo(1);
  }

  private ProcessInstance start() {
    return runtimeService().startProcessInstanceByKey(KEY, BUSINESS_KEY, variables());
  }

  private ProcessInstance startBefore(String activityId) {
    return runtimeService().createProcessInstanceByKey(KEY).businessKey(BUSINESS_KEY).setVariables(variables())
        .startBeforeActivity(activityId).execute();
  }

  private static Map<String, Object> variables() {
    return withVariables(INVOLVEMENT_ID.name(), INVOLVEMENT, MEASURE_ID.name(), 21L, EXTERNAL_BODY_NAME.name(), "Koblenzer Wohnbau",
        COORDINATION_GROUP.name(), "sozialplanung");
  }
}
