package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.GATE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.MISSING_ITEMS;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the head what is still missing. */
@Component
public class DecideOverrideFormListener implements TaskListener {

  private final PhaseTwoGates gates;

  public DecideOverrideFormListener(PhaseTwoGates gates) {
    this.gates = gates;
  }

  @Override
  public void notify(DelegateTask task) {
    MISSING_ITEMS.setLocal(task, gates.missingItems(GATE_ID.from(task)));
  }
}
