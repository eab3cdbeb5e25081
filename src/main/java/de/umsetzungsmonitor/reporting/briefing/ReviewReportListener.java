package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.REPORT_APPROVED;
import static de.umsetzungsmonitor.process.ProcessVariables.REVIEW_COMMENT;
import static de.umsetzungsmonitor.process.ProcessVariables.REVIEW_DECISION;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Records the head's review and tells the model whether the report is approved. */
@Component
public class ReviewReportListener implements TaskListener {

  private final BriefingService briefings;
  private final Directory directory;

  public ReviewReportListener(BriefingService briefings, Directory directory) {
    this.briefings = briefings;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    boolean approved = briefings.reviewed(BRIEFING_ID.from(task), REVIEW_DECISION.fromOptional(task),
        REVIEW_COMMENT.fromOptional(task), directory.currentUserId().orElse(null));
    REPORT_APPROVED.set(task, approved);
    REVIEW_DECISION.remove(task);
    REVIEW_COMMENT.remove(task);
  }
}
