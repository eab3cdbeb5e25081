package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.FOLLOW_UP_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records what the coordinating unit did about an escalated protocol. */
@Component
public class FollowUpUnsignedProtocolListener implements TaskListener {

  private final ProtocolService protocols;
  private final Directory directory;

  public FollowUpUnsignedProtocolListener(ProtocolService protocols, Directory directory) {
    this.protocols = protocols;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    protocols.recordFollowUp(PROTOCOL_ID.from(task), FOLLOW_UP_NOTE.fromOptional(task), directory.currentUserId().orElse(null));
    FOLLOW_UP_NOTE.remove(task);
  }
}
