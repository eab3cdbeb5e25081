package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_SUMMARY;

import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.spin.Spin;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Offers an involvement's task to the coordinating unit and the measure's lead offices, and gives
 * its form the body, the agreed contribution and the contributions so far.
 */
@Component
public class InvolvementTaskListener implements TaskListener {

  private final PhaseTwoService phaseTwo;

  public InvolvementTaskListener(PhaseTwoService phaseTwo) {
    this.phaseTwo = phaseTwo;
  }

  @Override
  public void notify(DelegateTask task) {
    Long involvementId = INVOLVEMENT_ID.from(task);
    phaseTwo.candidateGroups(involvementId).forEach(task::addCandidateGroup);
    INVOLVEMENT_SUMMARY.setLocal(task, SpinValues.jsonValue(Spin.JSON(phaseTwo.involvementSummary(involvementId))).create());
  }
}
