package de.umsetzungsmonitor.deliveries;

import static de.umsetzungsmonitor.process.ProcessVariables.DELIVERY_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.LOCK_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.LOCK_REASON;
import static de.umsetzungsmonitor.process.ProcessVariables.NEW_DEADLINE;
import static de.umsetzungsmonitor.process.ProcessVariables.PERIOD_REOPENED;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Reopens a locked period with a new deadline, or closes it without data. */
@Component
public class DecideLockedPeriodListener implements TaskListener {
  private final DeliveryService deliveries;
  private final Directory directory;

  public DecideLockedPeriodListener(DeliveryService deliveries, Directory directory) {
    this.deliveries = deliveries;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean reopened = deliveries.decideLocked(DELIVERY_ID.from(task), LOCK_DECISION.fromOptional(task),
        LOCK_REASON.fromOptional(task), NEW_DEADLINE.fromOptional(task), directory.currentUserId().orElse(null));
    PERIOD_REOPENED.set(task.getExecution().getProcessInstance(), reopened);
    LOCK_DECISION.remove(task);
    LOCK_REASON.remove(task);
    NEW_DEADLINE.remove(task);
  }
}
