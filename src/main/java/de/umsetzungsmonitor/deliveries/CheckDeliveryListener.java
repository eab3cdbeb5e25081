package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.CHECK_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ACCEPTED;
import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.RETURN_REASON;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Accepts the delivery or returns it to the office with the reason. */
@Component
public class CheckDeliveryListener implements TaskListener {
  private final DeliveryService deliveries;
  private final Directory directory;

  public CheckDeliveryListener(DeliveryService deliveries, Directory directory) {
    this.deliveries = deliveries;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean accepted = deliveries.check(DELIVERY_ID.from(task), CHECK_DECISION.fromOptional(task),
        RETURN_REASON.fromOptional(task), directory.currentUserId().orElse(null));
    DELIVERY_ACCEPTED.set(task.getExecution().getProcessInstance(), accepted);
    CHECK_DECISION.remove(task);
    RETURN_REASON.remove(task);
  }
}
