package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.CONTRIBUTION_FINAL;
import static de.umsetzungsmonitor.process.ProcessVariables.CONTRIBUTION_TEXT;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_FINISHED;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_WITHDRAWN;

import de.umsetzungsmonitor.external.PhaseTwoService.Outcome;
import de.umsetzungsmonitor.process.FormInput;
import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records a contribution an office received (perhaps the last), or that the involvement is withdrawn. */
@Component
public class RecordContributionListener implements TaskListener {

  private final PhaseTwoService phaseTwo;
  private final Directory directory;

  public RecordContributionListener(PhaseTwoService phaseTwo, Directory directory) {
    this.phaseTwo = phaseTwo;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    Outcome outcome = phaseTwo.recordContribution(INVOLVEMENT_ID.from(task), INVOLVEMENT_OUTCOME.fromOptional(task),
        CONTRIBUTION_TEXT.fromOptional(task),
        FormInput.checkbox(CONTRIBUTION_FINAL.fromOptional(task), "Damit ist der Beitrag der Stelle abgeschlossen"),
        INVOLVEMENT_NOTE.fromOptional(task),
        directory.currentUserId().orElse(null));
    INVOLVEMENT_WITHDRAWN.set(task, outcome.withdrawn());
    INVOLVEMENT_FINISHED.set(task, outcome.finished());
    INVOLVEMENT_OUTCOME.remove(task);
    CONTRIBUTION_TEXT.remove(task);
    CONTRIBUTION_FINAL.remove(task);
    INVOLVEMENT_NOTE.remove(task);
  }
}
