package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.ProcessVariables.APPROACH;
import static de.umsetzungsmonitor.process.ProcessVariables.DATA_AGREEMENTS;
import static de.umsetzungsmonitor.process.ProcessVariables.HELD_ON;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.REMARKS;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_DATE;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_LOCATION;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_MOVED;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_TIME;
import static de.umsetzungsmonitor.process.ProcessVariables.TASK_AREAS;

import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.process.MeasurePhaseOneProcess;
import de.umsetzungsmonitor.talks.TalkService.TalkResults;
import de.umsetzungsmonitor.talks.TalkService.TalkSchedule;
import java.util.List;
import de.umsetzungsmonitor.talks.protocol.ProtocolDocuments;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * Hands the outcome of the talk to the talk service, which issues the protocol; or, when the talk
 * did not take place and is moved, the new date, after which the results are due again.
 */
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
    String outcome = TALK_OUTCOME.fromOptional(task);
    if (outcome != null && !MeasurePhaseOneProcess.TALK_HELD.equals(outcome)
        && !MeasurePhaseOneProcess.TALK_TO_BE_MOVED.equals(outcome)) {
      throw new InvalidInputException("Bitte wählen: Das Gespräch hat stattgefunden, oder es wird verschoben (nicht „"
          + outcome + "“).");
    }
    if (MeasurePhaseOneProcess.TALK_TO_BE_MOVED.equals(outcome)) {
      talks.move(TALK_ID.from(task), new TalkSchedule(TALK_DATE.fromOptional(task), TALK_TIME.fromOptional(task),
          TALK_LOCATION.fromOptional(task), List.of()));
      TALK_MOVED.set(task.getExecution().getProcessInstance(), true);
    } else {
      Long protocolId = talks.recordResults(TALK_ID.from(task), new TalkResults(
          HELD_ON.fromOptional(task), APPROACH.fromOptional(task), REMARKS.fromOptional(task),
          TASK_AREAS.fromOptional(task), DATA_AGREEMENTS.fromOptional(task), PROTOCOL_TEXT.fromOptional(task),
          documents.pendingAttachmentId(task.getId())));
      PROTOCOL_ID.set(task.getExecution().getProcessInstance(), protocolId);
      TALK_MOVED.set(task.getExecution().getProcessInstance(), false);
    }
    TALK_OUTCOME.remove(task);
    TALK_DATE.remove(task);
    TALK_TIME.remove(task);
    TALK_LOCATION.remove(task);
    HELD_ON.remove(task);
    APPROACH.remove(task);
    REMARKS.remove(task);
    TASK_AREAS.remove(task);
    DATA_AGREEMENTS.remove(task);
    PROTOCOL_TEXT.remove(task);
  }
}
