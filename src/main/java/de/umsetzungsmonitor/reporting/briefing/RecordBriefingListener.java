package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFED_COMMITTEE;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFED_ON;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_NOTE;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_OUTCOME;
import static de.umsetzungsmonitor.process.ProcessVariables.COMMITTEE_BRIEFED;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the day and committee of the briefing, or its cancellation. */
@Component
public class RecordBriefingListener implements TaskListener {

  private final BriefingService briefings;
  private final Directory directory;

  public RecordBriefingListener(BriefingService briefings, Directory directory) {
    this.briefings = briefings;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean briefed = briefings.recorded(BRIEFING_ID.from(task), BRIEFING_OUTCOME.fromOptional(task),
        BRIEFED_ON.fromOptional(task), BRIEFED_COMMITTEE.fromOptional(task), BRIEFING_NOTE.fromOptional(task),
        directory.currentUserId().orElse(null));
    COMMITTEE_BRIEFED.set(task, briefed);
    BRIEFING_OUTCOME.remove(task);
    BRIEFED_ON.remove(task);
    BRIEFED_COMMITTEE.remove(task);
    BRIEFING_NOTE.remove(task);
  }
}
