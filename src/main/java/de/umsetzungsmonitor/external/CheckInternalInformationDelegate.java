package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.GATE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.INTERNAL_INFORMATION_COMPLETE;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Checks what is still missing before Phase II and tells the model whether anything is. */
@Component
public class CheckInternalInformationDelegate implements JavaDelegate {

  private final PhaseTwoGates gates;

  public CheckInternalInformationDelegate(PhaseTwoGates gates) {
    this.gates = gates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    INTERNAL_INFORMATION_COMPLETE.set(execution, gates.check(GATE_ID.from(execution)));
  }
}
