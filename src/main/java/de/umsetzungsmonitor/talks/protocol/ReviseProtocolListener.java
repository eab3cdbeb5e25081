package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Saves the revised text as a new protocol version, which all participants sign again. */
@Component
public class ReviseProtocolListener implements TaskListener {

  private final ProtocolService protocols;
  private final ProtocolDocuments documents;
  private final Directory directory;

  public ReviseProtocolListener(ProtocolService protocols, ProtocolDocuments documents, Directory directory) {
    this.protocols = protocols;
    this.documents = documents;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    // the form edits the task-local copy of the text: Tasklist (submit-form) writes it back there,
    // the complete API (REST /complete, TaskService.complete) sets it on the execution instead
    String submitted = PROTOCOL_TEXT.fromOptional(task.getExecution());
    String text = submitted != null ? submitted : (String) task.getVariableLocal(PROTOCOL_TEXT.name());
    protocols.revise(PROTOCOL_ID.from(task), text, documents.pendingAttachmentId(task.getId()),
        directory.currentUserId().orElse(null));
    PROTOCOL_TEXT.remove(task.getExecution());
  }
}
