package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.OUTLOOK;
import static de.umsetzungsmonitor.process.ProcessVariables.REPORT_AS_OF;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Hands the prepared report's day and outlook to the service; the report goes to review. */
@Component
public class PrepareReportListener implements TaskListener {

  private final BriefingService briefings;

  public PrepareReportListener(BriefingService briefings) {
    this.briefings = briefings;
  }

  @Override
  public void notify(DelegateTask task) {
    briefings.prepared(BRIEFING_ID.from(task), REPORT_AS_OF.fromOptional(task), OUTLOOK.fromOptional(task));
    REPORT_AS_OF.remove(task);
    OUTLOOK.remove(task);
  }
}
