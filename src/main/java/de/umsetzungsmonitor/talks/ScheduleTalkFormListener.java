package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANT_OPTIONS;

import de.umsetzungsmonitor.process.FormData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Offers the staff of the lead offices and the coordinating unit as participants. */
@Component
public class ScheduleTalkFormListener implements TaskListener {

  private final TalkService talks;

  public ScheduleTalkFormListener(TalkService talks) {
    this.talks = talks;
  }

  @Override
  public void notify(DelegateTask task) {
    PARTICIPANT_OPTIONS.setLocal(task, FormData.options(talks.participantOptions(MEASURE_ID.from(task))));
  }
}
