package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.ESCALATION_DUE;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Writes one reminder per missing signatory to the outbox and says whether to escalate. */
@Component
public class SendSignatureReminderDelegate implements JavaDelegate {

  private final ProtocolService protocols;

  public SendSignatureReminderDelegate(ProtocolService protocols) {
    this.protocols = protocols;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean escalate = protocols.remindMissingSignatories(PROTOCOL_ID.from(execution), execution.getProcessInstanceId());
    ESCALATION_DUE.set(execution, escalate);
  }
}
