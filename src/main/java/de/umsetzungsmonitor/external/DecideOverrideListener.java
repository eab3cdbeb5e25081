package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.GATE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERRIDE_DECISION;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERRIDE_GRANTED;
import static de.umsetzungsmonitor.process.ProcessVariables.OVERRIDE_REASON;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the head's decision on beginning Phase II despite open items. */
@Component
public class DecideOverrideListener implements TaskListener {

  private final PhaseTwoGates gates;
  private final Directory directory;

  public DecideOverrideListener(PhaseTwoGates gates, Directory directory) {
    this.gates = gates;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean granted = gates.decide(GATE_ID.from(task), OVERRIDE_DECISION.fromOptional(task), OVERRIDE_REASON.fromOptional(task),
        directory.currentUserId().orElse(null));
    OVERRIDE_GRANTED.set(task, granted);
    OVERRIDE_DECISION.remove(task);
    OVERRIDE_REASON.remove(task);
  }
}
