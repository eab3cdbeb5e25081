package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_SUMMARY;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Gives each briefing task's form what it shows: the briefing with its day and committee, the links
 * to its report, the outlook written so far and the last review's comment. (No input field is
 * filled in advance: a task-local value would hide what a client submits with the completion.)
 */
@Component
public class BriefingTaskListener implements TaskListener {

  private final BriefingService briefings;

  public BriefingTaskListener(BriefingService briefings) {
    this.briefings = briefings;
  }

  @Override
  public void notify(DelegateTask task) {
    Map<String, Object> summary = briefings.summary(BRIEFING_ID.from(task));
    BRIEFING_SUMMARY.setLocal(task, SpinValues.jsonValue(Spin.JSON(summary)).create());
  }
}
