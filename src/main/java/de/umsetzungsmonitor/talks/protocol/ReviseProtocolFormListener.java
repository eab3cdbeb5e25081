package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.CHANGE_REQUESTS;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Shows the coordinating unit the current text and what the participants asked to change. */
@Component
public class ReviseProtocolFormListener implements TaskListener {

  private final ProtocolService protocols;

  public ReviseProtocolFormListener(ProtocolService protocols) {
    this.protocols = protocols;
  }

  @Override
  public void notify(DelegateTask task) {
    Long protocolId = PROTOCOL_ID.from(task);
    PROTOCOL_TEXT.setLocal(task, protocols.currentText(protocolId));
    CHANGE_REQUESTS.setLocal(task, protocols.changeRequestSummary(protocolId));
  }
}
