package de.umsetzungsmonitor.catalogue;

import static de.umsetzungsmonitor.process.ProcessVariables.INDICATORS;
import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;

import de.umsetzungsmonitor.security.Directory;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Hands the concretised indicators to the measure service. */
@Component
public class ConcretiseIndicatorsListener implements TaskListener {

  private final MeasureService measures;
  private final Directory directory;

  public ConcretiseIndicatorsListener(MeasureService measures, Directory directory) {
    this.measures = measures;
    this.directory = directory;
  }

  @Override
  public void notify(DelegateTask task) {
    measures.concretiseIndicators(MEASURE_ID.from(task), INDICATORS.fromOptional(task), directory.currentUserId().orElse(null));
    INDICATORS.remove(task);
  }
}
