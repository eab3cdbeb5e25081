package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.AGREEMENT_ACTIVE;
import static de.umsetzungsmonitor.process.ProcessVariables.DATA_AGREEMENT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_TITLE;
import static de.umsetzungsmonitor.process.ProcessVariables.DUE_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.ESCALATION_DUE;
import static de.umsetzungsmonitor.process.ProcessVariables.FETCH_FROM_SOURCE;
import static de.umsetzungsmonitor.process.ProcessVariables.LOCK_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.NEXT_PERIOD_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_HEAD_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERDUE_CYCLE;
import static de.umsetzungsmonitor.process.ProcessVariables.PERIOD_INDEX;
import static de.umsetzungsmonitor.process.ProcessVariables.REMIND_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.SOURCE_RESPONSE;
import static de.umsetzungsmonitor.process.ProcessVariables.SOURCE_STATUS;
import static de.umsetzungsmonitor.process.ProcessVariables.SOURCE_URL;
import static de.umsetzungsmonitor.process.ProcessVariables.SUPPLIER_GROUP;

import de.umsetzungsmonitor.deliveries.DeliveryService.DeliveryPlan;
import de.umsetzungsmonitor.deliveries.DeliveryService.OpenedPeriod;
import de.umsetzungsmonitor.process.DataDeliveryProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The service tasks of the delivery models, each a thin call into {@link DeliveryService}. */
public final class DeliveryDelegates {

  private DeliveryDelegates() {}

  /** Opens an agreement's next reporting period and says when the one after it opens. */
  @Component("openPeriodDelegate")
  public static class OpenPeriod implements JavaDelegate {
    private final DeliveryService deliveries;

    public OpenPeriod(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      OpenedPeriod opened = deliveries.openNextPeriod(DATA_AGREEMENT_ID.from(execution), PERIOD_INDEX.fromOptional(execution));
      DELIVERY_ID.set(execution, opened.deliveryId());
      PERIOD_INDEX.set(execution, opened.index());
      NEXT_PERIOD_AT.set(execution, opened.nextPeriodAt());
      AGREEMENT_ACTIVE.set(execution, opened.agreementActive());
    }
  }

  /** Sets a period's deadlines, routing and delivery channel for this round of its process. */
  @Component("prepareDeliveryDelegate")
  public static class PrepareDelivery implements JavaDelegate {
    private final DeliveryService deliveries;

    public PrepareDelivery(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Long deliveryId = DELIVERY_ID.from(execution);
      deliveries.processStarted(deliveryId, execution.getProcessInstanceId());
      DeliveryPlan plan = deliveries.plan(deliveryId);
      DELIVERY_TITLE.set(execution, plan.title());
      SUPPLIER_GROUP.set(execution, plan.supplierGroup());
      OFFICE_HEAD_GROUP.set(execution, plan.officeHeadGroup());
      REMIND_AT.set(execution, plan.remindAt());
      DUE_AT.set(execution, plan.dueAt());
      LOCK_AT.set(execution, plan.lockAt());
      OVERDUE_CYCLE.set(execution, plan.overdueCycle());
      FETCH_FROM_SOURCE.set(execution, plan.fetchFromSource());
      SOURCE_URL.set(execution, plan.sourceUrl());
    }
  }

  /** Takes what the HTTP source answered; an unusable answer is a BPMN error the model handles. */
  @Component("takeOverFetchedDataDelegate")
  public static class TakeOverFetchedData implements JavaDelegate {
    private final DeliveryService deliveries;

    public TakeOverFetchedData(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Integer status = SOURCE_STATUS.fromOptional(execution);
      String body = SOURCE_RESPONSE.fromOptional(execution);
      execution.removeVariable(SOURCE_RESPONSE.name());
      execution.removeVariable(SOURCE_STATUS.name());
      try {
        deliveries.takeOverFetched(DELIVERY_ID.from(execution), status, body);
      } catch (SourceUnusableException e) {
        throw new BpmnError(DataDeliveryProcess.ERROR_SOURCE_FAILED, e.getMessage());
      }
    }
  }

  /** Records a failed fetch and tells the office to deliver by hand. */
  @Component("reportSourceFailureDelegate")
  public static class ReportSourceFailure implements JavaDelegate {
    private final DeliveryService deliveries;

    public ReportSourceFailure(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      Object reason = execution.getVariable("sourceFailure");
      deliveries.reportSourceFailure(DELIVERY_ID.from(execution), reason == null ? "unbekannter Fehler" : reason.toString());
      execution.removeVariable("sourceFailure");
    }
  }

  @Component("remindBeforeDueDelegate")
  public static class RemindBeforeDue implements JavaDelegate {
    private final DeliveryService deliveries;

    public RemindBeforeDue(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      deliveries.remindBeforeDue(DELIVERY_ID.from(execution));
    }
  }

  @Component("remindOnDueDateDelegate")
  public static class RemindOnDueDate implements JavaDelegate {
    private final DeliveryService deliveries;

    public RemindOnDueDate(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      deliveries.remindOnDueDate(DELIVERY_ID.from(execution));
    }
  }

  /** An overdue reminder; the branch's own execution learns whether it escalates. */
  @Component("sendOverdueReminderDelegate")
  public static class SendOverdueReminder implements JavaDelegate {
    private final DeliveryService deliveries;

    public SendOverdueReminder(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      execution.setVariableLocal(ESCALATION_DUE.name(), deliveries.remindOverdue(DELIVERY_ID.from(execution)));
    }
  }

  @Component("lockPeriodDelegate")
  public static class LockPeriod implements JavaDelegate {
    private final DeliveryService deliveries;

    public LockPeriod(DeliveryService deliveries) {
      this.deliveries = deliveries;
    }

    @Override
    public void execute(DelegateExecution execution) {
      deliveries.lock(DELIVERY_ID.from(execution));
    }
  }
}
