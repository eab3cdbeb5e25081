package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_WITHDRAWN;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records that contact was made, or that the involvement is withdrawn. */
@Component
public class MakeContactListener implements TaskListener {

  private final PhaseTwoService phaseTwo;
  private final Directory directory;

  public MakeContactListener(PhaseTwoService phaseTwo, Directory directory) {
    this.phaseTwo = phaseTwo;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean withdrawn = phaseTwo.contacted(INVOLVEMENT_ID.from(task), INVOLVEMENT_OUTCOME.fromOptional(task),
        INVOLVEMENT_NOTE.fromOptional(task), directory.currentUserId().orElse(null));
    INVOLVEMENT_WITHDRAWN.set(task, withdrawn);
    INVOLVEMENT_OUTCOME.remove(task);
    INVOLVEMENT_NOTE.remove(task);
  }
}
