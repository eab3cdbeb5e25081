package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_DOCUMENT_URL;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_VERSION;

import de.umsetzungsmonitor.talks.protocol.ProtocolService.SigningTask;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Puts a participant's signing task in the participant's own list and in their office's group
 * queue, and gives the form the text to review.
 */
@Component
public class SignProtocolTaskListener implements TaskListener {

  private final ProtocolService protocols;

  public SignProtocolTaskListener(ProtocolService protocols) {
    this.protocols = protocols;
  }

  @Override
  public void notify(DelegateTask task) {
    SigningTask signing = protocols.signingTask(PROTOCOL_ID.from(task), PARTICIPANT_ID.from(task));
    task.addCandidateUser(signing.userId());
    if (signing.officeGroupId() != null) {
      task.addCandidateGroup(signing.officeGroupId());
    }
    PROTOCOL_VERSION.setLocal(task, signing.versionNo());
    PROTOCOL_TEXT.setLocal(task, signing.text());
    PROTOCOL_DOCUMENT_URL.setLocal(task, signing.documentUrl());
  }
}
