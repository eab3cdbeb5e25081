package de.umsetzungsmonitor.external;

import static de.umsetzungsmonitor.process.ProcessVariables.INVOLVEMENT_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the body a single-use link for its next contribution (when it has an e-mail address). */
@Component
public class SendContributionLinkDelegate implements JavaDelegate {

  private final PhaseTwoService phaseTwo;

  public SendContributionLinkDelegate(PhaseTwoService phaseTwo) {
    this.phaseTwo = phaseTwo;
  }

  @Override
  public void execute(DelegateExecution execution) {
    phaseTwo.sendContributionLink(INVOLVEMENT_ID.from(execution));
  }
}
