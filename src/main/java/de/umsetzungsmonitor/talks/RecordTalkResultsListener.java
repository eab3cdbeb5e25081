package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.ProcessVariables.APPROACH;
import static de.umsetzungsmonitor.process.ProcessVariables.DATA_AGREEMENTS;
import static de.umsetzungsmonitor.process.ProcessVariables.HELD_ON;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.REMARKS;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.TASK_AREAS;

import de.umsetzungsmonitor.talks.TalkService.TalkResults;
import de.umsetzungsmonitor.talks.protocol.ProtocolDocuments;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Hands the outcome of the talk to the talk service, which issues the protocol. */
@Component
public class RecordTalkResultsListener implements TaskListener {

  private final TalkService talks;
  private final ProtocolDocuments documents;

  public RecordTalkResultsListener(TalkService talks, ProtocolDocuments documents) {
    this.talks = talks;
    this.documents = documents;
  }

  @Override
  public void notify(DelegateTask task) {
    Long protocolId = talks.recordResults(TALK_ID.from(task), new TalkResults(
        HELD_ON.fromOptional(task), APPROACH.fromOptional(task), REMARKS.fromOptional(task),
        TASK_AREAS.fromOptional(task), DATA_AGREEMENTS.fromOptional(task), PROTOCOL_TEXT.fromOptional(task),
        documents.pendingAttachmentId(task.getId())));
    PROTOCOL_ID.set(task.getExecution().getProcessInstance(), protocolId);
    HELD_ON.remove(task);
    APPROACH.remove(task);
    REMARKS.remove(task);
    TASK_AREAS.remove(task);
    DATA_AGREEMENTS.remove(task);
    PROTOCOL_TEXT.remove(task);
  }
}
