package de.umsetzungsmonitor.catalogue;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Phase I of the measure ends with its monitoring agreed. */
@Component
public class MarkMonitoringAgreedDelegate implements JavaDelegate {

  private final MeasureService measures;

  public MarkMonitoringAgreedDelegate(MeasureService measures) {
    this.measures = measures;
  }

  @Override
  public void execute(DelegateExecution execution) {
    measures.markMonitoringAgreed(MEASURE_ID.from(execution));
  }
}
