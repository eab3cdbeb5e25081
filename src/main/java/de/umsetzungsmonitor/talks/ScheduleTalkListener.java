package de.umsetzungsmonitor.talks;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.PARTICIPANTS;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_DATE;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_LOCATION;
import static de.umsetzungsmonitor.process.ProcessVariables.TALK_TIME;

import de.umsetzungsmonitor.process.FormInput;
import de.umsetzungsmonitor.talks.TalkService.TalkSchedule;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Hands the scheduled date and participants to the talk service; the process keeps the talk id. */
@Component
public class ScheduleTalkListener implements TaskListener {

  private final TalkService talks;

  public ScheduleTalkListener(TalkService talks) {
    this.talks = talks;
  }

  @Override
  public void notify(DelegateTask task) {
    Long talkId = talks.schedule(MEASURE_ID.from(task), new TalkSchedule(
        TALK_DATE.fromOptional(task), TALK_TIME.fromOptional(task), TALK_LOCATION.fromOptional(task),
        FormInput.strings(PARTICIPANTS.fromOptional(task))));
    TALK_ID.set(task.getExecution().getProcessInstance(), talkId);
    TALK_DATE.remove(task);
    TALK_TIME.remove(task);
    TALK_LOCATION.remove(task);
    PARTICIPANTS.remove(task);
  }
}
