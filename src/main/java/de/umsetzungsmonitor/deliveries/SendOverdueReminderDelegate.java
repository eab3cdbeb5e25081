package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.ESCALATION_DUE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** An overdue reminder; the branch's own execution learns whether it escalates. */
@Component
public class SendOverdueReminderDelegate implements JavaDelegate {
  private final DeliveryService deliveries;

  public SendOverdueReminderDelegate(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    execution.setVariableLocal(ESCALATION_DUE.name(), deliveries.remindOverdue(DELIVERY_ID.from(execution)));
  }
}
