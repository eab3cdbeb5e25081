package de.umsetzungsmonitor.catalogue;

import static de.umsetzungsmonitor.process.ProcessVariables.MEASURE_ID;
import static de.umsetzungsmonitor.process.ProcessVariables.OFFICE_OPTIONS;

import de.umsetzungsmonitor.process.FormData;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Offers the programme's offices as sources of indicator data. */
@Component
public class ConcretiseIndicatorsFormListener implements TaskListener {

  private final MeasureService measures;

  public ConcretiseIndicatorsFormListener(MeasureService measures) {
    this.measures = measures;
  }

  @Override
  public void notify(DelegateTask task) {
    OFFICE_OPTIONS.setLocal(task, FormData.options(measures.officeOptions(MEASURE_ID.from(task))));
  }
}
