package de.umsetzungsmonitor.talks.protocol;

import static de.umsetzungsmonitor.process.ProcessVariables.CHANGE_REQUEST;
import static de.umsetzungsmonitor.process.ProcessVariables.CHANGE_REQUESTED;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PROTOCOL_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.SIGNATURE_DECISION;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.DECISION_REQUEST_CHANGE;
import static de.umsetzungsmonitor.process.ProtocolSignOffProcess.DECISION_SIGN;

import de.umsetzungsmonitor.process.InvalidInputException;
import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records a signature or a change request; a change request ends the round for everybody. */
@Component
public class SignProtocolListener implements TaskListener {

  private final ProtocolService protocols;
  private final Directory directory;

  public SignProtocolListener(ProtocolService protocols, Directory directory) {
    this.protocols = protocols;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Long protocolId = PROTOCOL_ID.from(task);
    Long participantId = PARTICIPANT_ID.from(task);
    String actingUser = directory.currentUserId().orElse(null);
    String decision = SIGNATURE_DECISION.fromOptional(task);
    if (DECISION_SIGN.equals(decision)) {
      protocols.sign(protocolId, participantId, actingUser);
    } else if (DECISION_REQUEST_CHANGE.equals(decision)) {
      protocols.requestChange(protocolId, participantId, actingUser, CHANGE_REQUEST.fromOptional(task));
      CHANGE_REQUESTED.set(task.getExecution().getProcessInstance(), true);
    } else {
      throw new InvalidInputException("Bitte wählen: unterzeichnen oder um eine Änderung bitten.");
    }
    SIGNATURE_DECISION.remove(task);
    CHANGE_REQUEST.remove(task);
  }
}
