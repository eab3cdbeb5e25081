package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Records a failed fetch and tells the office to deliver by hand. */
@Component
public class ReportSourceFailureDelegate implements JavaDelegate {
  private final DeliveryService deliveries;

  public ReportSourceFailureDelegate(DeliveryService deliveries) {
    this.deliveries = deliveries;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Object reason = execution.getVariable("sourceFailure");
    deliveries.reportSourceFailure(DELIVERY_ID.from(execution), reason == null ? "unbekannter Fehler" : reason.toString());
    execution.removeVariable("sourceFailure");
  }
}
