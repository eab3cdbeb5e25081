package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.CHANGE_REQUESTED;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.SIGNATORIES;

import java.util.ArrayList;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Every participant who has not signed the current version gets a signing task. */
@Component
public class DetermineSignatoriesDelegate implements JavaDelegate {

  private final ProtocolService protocols;

  public DetermineSignatoriesDelegate(ProtocolService protocols) {
    this.protocols = protocols;
  }

  @Override
  public void execute(DelegateExecution execution) {
    SIGNATORIES.set(execution, new ArrayList<>(protocols.signatories(PROTOCOL_ID.from(execution))));
    CHANGE_REQUESTED.set(execution, false);
  }
}
