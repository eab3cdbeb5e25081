package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.GATE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Phase II begins for the programme. */
@Component
public class OpenPhaseTwoDelegate implements JavaDelegate {

  private final PhaseTwoGates gates;

  public OpenPhaseTwoDelegate(PhaseTwoGates gates) {
    this.gates = gates;
  }

  @Override
  public void execute(DelegateExecution execution) {
    gates.open(GATE_ID.from(execution));
  }
}
