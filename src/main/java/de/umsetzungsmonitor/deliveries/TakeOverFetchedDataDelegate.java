package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.SOURCE_RESPONSE;
import static de.umsetzungsmonitor.process.ProcessVariables.SOURCE_STATUS;

import de.umsetzungsmonitor.process.DataDeliveryProcess;
import org.camunda.bpm.engine.delegate.BpmnError;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Takes what the HTTP source answered; an unusable answer is a BPMN error the model handles. */
@Component
public class TakeOverFetchedDataDelegate implements JavaDelegate {
  private final DeliveryService deliveries;

  public TakeOverFetchedDataDelegate(DeliveryService deliveries) {
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
