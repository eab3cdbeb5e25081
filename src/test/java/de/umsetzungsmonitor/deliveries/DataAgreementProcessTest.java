package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.DataAgreementProcess.CALL_ACTIVITY_DELIVERY;
import static de.umsetzungsmonitor.process.DataAgreementProcess.END_EVENT_AGREEMENT_ENDED;
import static de.umsetzungsmonitor.process.DataAgreementProcess.KEY;
import static de.umsetzungsmonitor.process.DataAgreementProcess.SERVICE_TASK_OPEN_PERIOD;
import static de.umsetzungsmonitor.process.DataAgreementProcess.TIMER_NEXT_PERIOD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.init;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.jobQuery;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.reset;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import de.umsetzungsmonitor.deliveries.DeliveryService.OpenedPeriod;
import de.umsetzungsmonitor.process.DataDeliveryProcess;
import de.umsetzungsmonitor.process.ProcessTestEngine;
import de.umsetzungsmonitor.security.GrantProgrammeReadersListener;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Paths through {@code DataAgreementProcess}: each period gets its own delivery instance while the
 * next period waits for its turn; an agreement whose measure is done opens no further period. The
 * called delivery model is replaced by a stand-in that waits, so only this model is under test.
 */
@Deployment(resources = {"processes/DataAgreementProcess.bpmn", "processes-test/DataDeliveryStandIn.bpmn"})
class DataAgreementProcessTest {

  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .useProcessEngine(ProcessTestEngine.build("data-agreement-process-tests"))
      .build();

  private static final long AGREEMENT = 9L;
  private final DeliveryService deliveries = mock(DeliveryService.class);

  @BeforeEach
  void registerBeansTheModelNames() {
    init(engine.getProcessEngine());
    Mocks.register("grantProgrammeReadersListener", mock(GrantProgrammeReadersListener.class));
    Mocks.register("openPeriodDelegate", new OpenPeriodDelegate(deliveries));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
    reset();
  }

  private static Date inDays(int days) {
    return Date.from(Instant.now().plus(days, ChronoUnit.DAYS));
  }

  private ProcessInstance start() {
    ProcessInstance instance = runtimeService().startProcessInstanceByKey(KEY, "SL2015-M14", withVariables(
        "dataAgreementId", AGREEMENT, "measureId", 14L, "coordinationGroup", "sozialplanung"));
    assertThat(instance).isWaitingAt(SERVICE_TASK_OPEN_PERIOD);
    execute(jobQuery().processInstanceId(instance.getId()).activityId(SERVICE_TASK_OPEN_PERIOD).singleResult());
    return instance;
  }

  @Test
  void eachPeriodGetsItsOwnDeliveryAndTheNextOneOpensWhenThePeriodEnds() {
    when(deliveries.openNextPeriod(AGREEMENT, null)).thenReturn(new OpenedPeriod(71L, 0, inDays(30), true));
    when(deliveries.openNextPeriod(AGREEMENT, 0)).thenReturn(new OpenedPeriod(72L, 1, inDays(120), true));

    ProcessInstance instance = start();

    assertThat(instance).isWaitingAt(CALL_ACTIVITY_DELIVERY, TIMER_NEXT_PERIOD);
    ProcessInstance first = runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).singleResult();
    assertThat(first).hasBusinessKey("SL2015-M14").hasVariables("deliveryId");
    assertThat(runtimeService().getVariable(first.getId(), "deliveryId")).isEqualTo(71L);

    execute(jobQuery().processInstanceId(instance.getId()).activityId(TIMER_NEXT_PERIOD).singleResult());
    execute(jobQuery().processInstanceId(instance.getId()).activityId(SERVICE_TASK_OPEN_PERIOD).singleResult());

    assertThat(runtimeService().createProcessInstanceQuery().superProcessInstanceId(instance.getId()).list())
        .extracting(p -> runtimeService().getVariable(p.getId(), "deliveryId")).containsExactlyInAnyOrder(71L, 72L);
    assertThat(jobQuery().processInstanceId(instance.getId()).activityId(TIMER_NEXT_PERIOD).singleResult().getDuedate())
        .isCloseTo(inDays(120), 5_000);
  }

  @Test
  void anAgreementOfAFinishedMeasureOpensNoFurtherPeriod() {
    when(deliveries.openNextPeriod(any(), any())).thenReturn(new OpenedPeriod(null, 0, inDays(30), false));

    ProcessInstance instance = start();

    assertThat(instance).isEnded().hasPassed(END_EVENT_AGREEMENT_ENDED).hasNotPassed(CALL_ACTIVITY_DELIVERY);
    assertThat(runtimeService().createProcessInstanceQuery().processDefinitionKey(DataDeliveryProcess.KEY).count()).isZero();
  }
}
