package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_TITLE;
import static de.umsetzungsmonitor.process.ProcessVariables.DUE_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.FETCH_FROM_SOURCE;
import static de.umsetzungsmonitor.process.ProcessVariables.LOCK_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_HEAD_GROUP;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERDUE_CYCLE;
import static de.umsetzungsmonitor.process.ProcessVariables.REMIND_AT;
import static de.umsetzungsmonitor.process.ProcessVariables.SOURCE_URL;
import static de.umsetzungsmonitor.process.ProcessVariables.SUPPLIER_GROUP;

import de.umsetzungsmonitor.deliveries.DeliveryService.DeliveryPlan;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sets a period's deadlines, routing and delivery channel for this round of its process. */
@Component
public class PrepareDeliveryDelegate implements JavaDelegate {
  private final DeliveryService deliveries;

  public PrepareDeliveryDelegate(DeliveryService deliveries) {
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
