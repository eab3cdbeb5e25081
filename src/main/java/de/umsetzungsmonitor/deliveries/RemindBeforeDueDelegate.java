package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component
public class RemindBeforeDueDelegate implements JavaDelegate {
  private final DeliveryService deliveries;

  public RemindBeforeDueDelegate(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    deliveries.remindBeforeDue(DELIVERY_ID.from(execution));
  }
}
