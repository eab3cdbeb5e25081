package de.umsetzungsmonitor.reporting.briefing;

import static de.umsetzungsmonitor.process.ProcessVariables.BRIEFING_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Renders the approved report once and stores it with its hashes. */
@Component
public class StoreApprovedReportDelegate implements JavaDelegate {

  private final BriefingService briefings;

  public StoreApprovedReportDelegate(BriefingService briefings) {
    this.briefings = briefings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    briefings.storeApprovedReport(BRIEFING_ID.from(execution));
  }
}
