package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.FOLLOW_UP_NOTE;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records what the office head did about an overdue delivery. */
@Component
public class FollowUpOverdueDeliveryListener implements TaskListener {
  private final DeliveryService deliveries;
  private final Directory directory;

  public FollowUpOverdueDeliveryListener(DeliveryService deliveries, Directory directory) {
    this.deliveries = deliveries;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    deliveries.recordFollowUp(DELIVERY_ID.from(task), FOLLOW_UP_NOTE.fromOptional(task), directory.currentUserId().orElse(null));
    FOLLOW_UP_NOTE.remove(task);
  }
}
